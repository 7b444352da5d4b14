"""Evidence rule for a bare cabinet office: "Abuja has demanded their release. ... Foreign
Minister X told journalists" speaks for the one state the text just before names."""

import re

from service.extraction.declared_neutral import following
from service.extraction.lexicon import GOVERNMENT_WORDS, NEUTRAL_ROLES
from service.extraction.mention import Mention, words_of
from service.extraction.neutral_parties import is_neutral
from service.extraction.setting_rules import Found, Rules, bare_office, is_state, names_in
from service.extraction.sides import Evidence, SideRef

CABINET_TITLES = frozenset({"minister", "premier"})
# The name of a body a possessor owns: "the state's Department of Mines, Industry and ...".
OWNED_BODY = re.compile(
    r"(?<=\w)(?:'s|\u2019s)\s+[A-Z][\w-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w-]*)\b)*"
)


def without_owned_bodies(text: str) -> str:
    """Text with the names of owned bodies cut after their possessor, which the text names:
    "the state's Department of Mines" names the state (not a body whose name holds it)."""
    return OWNED_BODY.sub("", text)


def governed(side: SideRef) -> bool:
    """A registered polity not in the gazetteer has a government ("Kavarian government")."""
    return any(words_of(alias) & GOVERNMENT_WORDS for alias in side.aliases)


def cabinet_office(rules: Rules, mention: Mention) -> Found:
    """A minister with a bare title speaks for the one state named in the sentence before
    in its paragraph and in its own sentence before it (by name, capital or demonym); none
    when two states are named there, or for a mediator."""
    words = bare_office(mention)
    if not words & CABINET_TITLES or is_neutral(mention):
        return None
    if words_of(following(mention)) & NEUTRAL_ROLES:
        return None  # "Foreign Minister X, who is mediating the talks"
    named = names_in(rules, without_owned_bodies(f"{mention.previous} {mention.before}"))
    states = [match for match in named if is_state(rules, match.side) or governed(match.side)]
    if len({match.side for match in states}) != 1:
        return None
    return states[-1].side, Evidence("office", states[-1].text, mention.at)
