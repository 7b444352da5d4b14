"""Evidence rules for a family: a relative of the person the article is about speaks for
the family side ("the mother of a man who died in custody", "Janet Reddy" for "Family of
Callum Reddy"), never for a body named in the description of the dead or injured person."""

import re
from typing import Protocol

from service.extraction.lexicon import FAMILY_WORDS, KIN_NOUNS
from service.extraction.mention import Mention
from service.extraction.sides import Evidence, SideRef, SideResolver

Found = tuple[SideRef | None, Evidence | None] | None
# The kin noun heads the description and names whose kin: "The mother of ...", "his
# widow", "Reddy's sister" ("Parents for a Full Week" is a group's name, not kin).
KIN_HEAD = re.compile(
    r"^(?:(?P<owner>(?i:his|her|their)\s+|[A-Z][\w-]*(?:'s|\u2019s)\s+)|(?i:the|a|an)\s+)?"
    r"(?:late\s+)?(?P<kin>[A-Za-z-]+)(?P<of>\s+of\b)?",
)
CAPITALISED = re.compile(r"[A-Z][\w'\u2019-]+")


class Rules(Protocol):
    """What these rules read of the evidence rules' state (affiliation.Affiliations)."""

    resolver: SideResolver


def family_sides(resolver: SideResolver) -> list[SideRef]:
    """The registered sides that are a family, by name or alias."""
    return [
        side
        for side in resolver.registered
        if any(_has_family_word(n) for n in (side.name, *side.aliases))
    ]


def _has_family_word(name: str) -> bool:
    lowered = f" {name.lower()} "
    return any(f" {word} " in lowered for word in FAMILY_WORDS)


def kin_description(rules: Rules, mention: Mention) -> Found:
    """A relative described by kinship speaks for the one registered family, and for no
    body named in the description of the relative ("died in police custody")."""
    text = mention.name if mention.speaker.type != "person" else mention.title
    found = KIN_HEAD.match(text or "")
    if found is None or found.group("kin").lower() not in KIN_NOUNS:
        return None
    if not found.group("owner") and not found.group("of"):
        return None
    families = family_sides(rules.resolver)
    if len(families) != 1:
        return (None, None) if mention.speaker.type != "person" else None
    return families[0], Evidence(
        "role", found.group(0).removesuffix(found.group("of") or ""), mention.at
    )


def family_surname(rules: Rules, mention: Mention) -> Found:
    """A person who shares the surname of the one family side's name speaks for it:
    "Janet Reddy" for "Family of Callum Reddy" or "the Reddy family"."""
    name = mention.speaker.name or ""
    if mention.speaker.type != "person" or " " not in name.strip():
        return None
    surname = name.split()[-1]
    families = [
        side
        for side in family_sides(rules.resolver)
        if surname in CAPITALISED.findall(" ".join((side.name, *side.aliases)))
    ]
    if len(families) != 1:
        return None
    return families[0], Evidence("name", surname, mention.at)
