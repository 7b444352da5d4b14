"""The office of a named holder speaks for the holder's side: "the office of President
Arno Keel" for the side Keel was introduced with, and, in a registered country's capital
("In Santiago, the office of President Gabriel Boric said"), for that country."""

import re
from typing import Protocol

from service.extraction.discourse import Discourse
from service.extraction.lexicon import OFFICIAL_WORDS
from service.extraction.mention import Mention, words_of
from service.extraction.sides import Evidence, SideRef, SideResolver

OFFICE_OF = re.compile(r"^(?:the\s+)?(?:press\s+)?office\s+of\s+(.+)$", re.IGNORECASE)
STATE_HEADS = frozenset({"president", "king", "queen", "emperor", "premier"})


class Rules(Protocol):
    """What this rule reads of affiliation.Affiliations (a protocol: no import cycle)."""

    resolver: SideResolver
    discourse: Discourse


def office_of_holder(rules: Rules, mention: Mention) -> tuple[SideRef, Evidence] | None:
    """The side of the holder whose office speaks."""
    found = OFFICE_OF.match(mention.name) if mention.speaker.type != "person" else None
    if found is None:
        return None
    holder = found.group(1)
    person = rules.discourse.by_surname(holder.split()[-1])
    if person is not None and person.side is not None and person.name != mention.name:
        return person.side, Evidence("possessive", holder, mention.at)
    if not words_of(holder) & (OFFICIAL_WORDS | STATE_HEADS):
        return None
    seat = rules.resolver.registered_country_in(mention.before or mention.setting)
    return (seat.side, Evidence("office", seat.text, mention.at)) if seat else None
