"""Evidence rules for a person introduced by a definite bare role that refers back: "the
spokesperson, Derek Ashby" after "a spokesperson for the landlord", and "The lawyer, Dan
Webb" after "the parents' group has retained an attorney"."""

import re
from typing import Protocol

from service.extraction.discourse import Discourse, title_head
from service.extraction.lexicon import LAWYER_WORDS, ROLE_NOUNS, SPOKESPERSON_WORDS
from service.extraction.mention import Mention
from service.extraction.sides import Evidence, SideRef, SideResolver

Found = tuple[SideRef | None, Evidence | None] | None
ROLES = ROLE_NOUNS | SPOKESPERSON_WORDS | LAWYER_WORDS
# "<body> has retained a Columbus attorney": who engaged the lawyer the next sentence names.
ENGAGED = re.compile(
    r"^(?P<body>.+?)\s+(?:has\s+|have\s+|had\s+)?(?:retained|hired|instructed|engaged)\s+"
    r"(?:a|an)\s+(?P<what>[^.,;]*)",
)


class Rules(Protocol):
    """What these rules read of the evidence rules' state (affiliation.Affiliations)."""

    resolver: SideResolver
    discourse: Discourse


def definite_role(mention: Mention) -> str | None:
    """The role noun of a bare definite title ("the spokesperson"), or None."""
    words = (mention.speaker.title or "").lower().split()
    if mention.speaker.type != "person" or len(words) != 2 or words[0] != "the":
        return None
    return words[1] if words[1] in ROLES else None


def same_role(one: str, other: str) -> bool:
    """Two role nouns name the same role ("lawyer" and "attorney" both name counsel)."""
    return one == other or (one in LAWYER_WORDS and other in LAWYER_WORDS)


def role_referred_back(rules: Rules, mention: Mention) -> Found:
    """The side of the latest earlier person with the same role, when it has one."""
    noun = definite_role(mention)
    if noun is None:
        return None
    for earlier in reversed(rules.discourse.mentions):
        if earlier.type != "person" or earlier.start == mention.speaker.start:
            continue
        if not same_role(title_head(earlier.title or ""), noun):
            continue
        if earlier.side is None or earlier.evidence is None:
            return None  # the latest with that role speaks for no side: nor does this one
        return earlier.side, Evidence("coreference", earlier.evidence.text, earlier.evidence.at)
    return None


def engaged_counsel(rules: Rules, mention: Mention) -> Found:
    """A lawyer named right after "<side> has retained a lawyer" speaks for that side."""
    noun = definite_role(mention)
    engaged = ENGAGED.match(mention.previous.strip()) if noun in LAWYER_WORDS else None
    if engaged is None or not set(engaged.group("what").lower().split()) & LAWYER_WORDS:
        return None
    body = re.split(r",", engaged.group("body"), maxsplit=1)[0]
    found = rules.resolver.registered_in(body)
    if found is None:
        return None
    return found.side, Evidence("role", found.text, mention.at)
