"""Evidence rule for a political party referred back to: "the party's housing spokesman"
speaks for the registered side that is a party (by a party word in its name or alias),
the only one or the latest the article has mentioned."""

import re
from typing import Protocol

from service.extraction.discourse import Discourse
from service.extraction.lexicon import PARTY_WORDS
from service.extraction.mention import Mention
from service.extraction.sides import Evidence, SideRef, SideResolver

Found = tuple[SideRef, Evidence] | None
THE_PARTYS = re.compile(r"(?i)^the party(?='s|\u2019s)")
WORD = re.compile(r"[a-z]+")


class Rules(Protocol):
    """What this rule reads of the evidence rules' state (affiliation.Affiliations)."""

    resolver: SideResolver
    discourse: Discourse


def party_sides(resolver: SideResolver) -> list[SideRef]:
    """The registered sides that are political parties, by a party word in a name."""
    return [
        side
        for side in resolver.registered
        if any(set(WORD.findall(n.lower())) & PARTY_WORDS for n in (side.name, *side.aliases))
    ]


def party_referred_back(rules: Rules, mention: Mention) -> Found:
    """A person titled "the party's ..." speaks for the one registered party, or for the
    party the article mentioned last."""
    found = THE_PARTYS.match(mention.speaker.title or "")
    if mention.speaker.type != "person" or found is None:
        return None
    parties = party_sides(rules.resolver)
    if len(parties) > 1:
        mentioned = (s.side for s in reversed(rules.discourse.mentions) if s.side in parties)
        parties = [side for side in mentioned if side is not None][:1]
    if len(parties) != 1:
        return None
    return parties[0], Evidence("possessive", found.group(0), mention.at)
