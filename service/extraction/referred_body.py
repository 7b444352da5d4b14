"""Evidence rules for a body referred back to: "Its president, X", "Its leaders" and "The
group" speak for the organisation named just before (none if it is not registered)."""

from typing import Protocol

from service.extraction.discourse import Discourse, Speaker
from service.extraction.lexicon import GENERIC_BODY_NOUNS, POSSESSIVE_PRONOUNS
from service.extraction.mention import Mention
from service.extraction.sides import Evidence, SideRef

Found = tuple[SideRef, Evidence] | None


class Rules(Protocol):
    """What these rules read of the evidence rules' state (affiliation.Affiliations)."""

    discourse: Discourse


def pronoun_owner(rules: Rules, mention: Mention) -> Speaker | None:
    """The body "its"/"their" refers to: one in the same sentence, else the organisation
    named last within two sentences (registered or not), else the last collective."""
    if any(s.type in ("organization", "place", "group") for s in mention.nearby):
        return rules.discourse.collective(mention.nearby)
    return rules.discourse.recent_body() or rules.discourse.collective(mention.nearby)


def body_referred_back(rules: Rules, mention: Mention) -> Found:
    """Members or leaders of the body just named, or that body by a generic noun: "Its
    leaders said", "Their members say", "The group said" after "Kolektif Musisi Merdeka"."""
    name = mention.speaker.name or ""
    words = name.lower().split()
    if mention.speaker.type not in ("group", "organization") or len(words) != 2:
        return None
    head = mention.head
    if head is not None and any(c.dep_ in ("relcl", "appos") for c in head.children):
        return None  # "The group, which calls itself X": introduced here, not referred back
    pronoun = words[0] in POSSESSIVE_PRONOUNS and mention.speaker.type == "group"
    generic = words[0] == "the" and words[1] in GENERIC_BODY_NOUNS
    if not (pronoun or generic):
        return None
    owner = rules.discourse.recent_body()
    if owner is None or owner.side is None:
        return None
    return owner.side, Evidence("possessive", name, mention.at)
