"""Evidence rules for a person given a designation instead of a name: "The Aire Valley
Police marksman, who is identified only as B14" speaks for the force, and so does every
later "B14"."""

import re

from spacy.tokens import Token

from service.extraction.discourse import referred
from service.extraction.lexicon import DESIGNATING_VERBS
from service.extraction.mention import Mention
from service.extraction.pipeline import lemma
from service.extraction.setting_rules import Found, Rules
from service.extraction.sides import Evidence

DESCRIBING_DEPS = frozenset({"relcl", "acl"})
# A designation, not a name: "B14", "W7", "Officer C", "Soldier F".
DESIGNATION = re.compile(r"^(?:[A-Z][a-z]+\s)?(?:[A-Z]{1,2}\d{0,3}|\d{1,3}[A-Z]?)$")
# How far a designation may sit below its verb ("referred to in court as W7").
MAX_HOPS = 4


def designated_person(head: Token) -> Token | None:
    """The noun a designation is given to: "the marksman, who is identified only as B14"
    -> "marksman"; None when the mention is not the complement of a designating verb."""
    if head.dep_ != "pobj" or head.head.lower_ != "as":
        return None
    verb = head.head
    for _ in range(MAX_HOPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if lemma(verb) not in DESIGNATING_VERBS:
        return None
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head  # "who was granted anonymity and is identified only as B14"
    return verb.head if verb.dep_ in DESCRIBING_DEPS else None


def designation(rules: Rules, mention: Mention) -> Found:
    """A designation speaks for the body its holder's description names: "The Aire Valley
    Police marksman, ... identified only as B14" (not "an officer, known as C, of another
    force": the description must name the side)."""
    head = mention.head
    person = designated_person(head) if head is not None else None
    if person is None:
        return None
    described = person.doc[person.left_edge.i : person.i + 1].text
    found = rules.registered(described, described)
    if found is None:
        return None
    return found.side, Evidence("apposition", found.text, mention.at)


def designated_earlier(rules: Rules, mention: Mention) -> Found:
    """A later mention by the designation alone ("B14 accepted that ...") speaks for the
    side its designation was given with."""
    name = mention.speaker.name or ""
    if not DESIGNATION.match(name) or mention.speaker.type == "organization":
        return None
    for earlier in rules.discourse.mentions:
        shown = referred(earlier.evidence)
        if earlier.name == name and earlier.side is not None and shown is not None:
            return earlier.side, shown
    return None
