"""A polity inside another body's proper name names that body, not the polity: "the
University of Chile", "the Bank of Veloria", "Northern Ireland's Department of Health"."""

import re

from service.extraction.lexicon import ORG_WORDS, PLACE_NAMED_BODIES, TITLE_WORDS

NAME_WORD = r"(?-i:[A-Z])[\w'\u2019.&-]*"
# "University of Chile", "Central Bank of the Republic of Veloria": the body's kind, "of",
# then the place's capitalised words.
PLACE_NAMED = re.compile(
    rf"\b({NAME_WORD})\s+of\s+(?:the\s+)?{NAME_WORD}(?:\s+(?:of\s+)?{NAME_WORD})*"
)
OPENED_BY_PLACE_BODY = re.compile(rf"\b({NAME_WORD})\s+of\s+(?:the\s+)?$")
# "Northern Ireland's Department of Health": a capitalised possessive qualifies the name.
QUALIFIED_BY = re.compile(rf"(?:^|\s)({NAME_WORD})\s?(?:'s|\u2019s)\s+$")


def without_place_named_bodies(text: str) -> str:
    """Text with the names of bodies named after a place blanked out."""
    return PLACE_NAMED.sub(
        lambda m: " " if m.group(1).lower() in PLACE_NAMED_BODIES else m.group(0), text
    )


def in_place_named_body(text: str, start: int) -> bool:
    """Whether the name at start is the place in a body's name ("University of Veloria")."""
    opening = OPENED_BY_PLACE_BODY.search(text[:start])
    return opening is not None and opening.group(1).lower() in PLACE_NAMED_BODIES


def qualified_body(text: str, match: re.Match[str], own: tuple[str, ...] = ()) -> bool:
    """Whether a body's name of a kind every polity has ("Department of Health") is
    qualified by a capitalised possessive as another polity's ("Northern Ireland's"); the
    side's own name as possessor is its own body ("Dalmor's Ministry of Water Resources")."""
    words = match.group(0).split()
    if len(words) < 2 or not words[0][:1].isupper() or words[0].lower() not in ORG_WORDS:
        return False
    owner = QUALIFIED_BY.search(text[: match.start()])
    if owner is None or owner.group(1).lower() in TITLE_WORDS:
        return False
    return owner.group(1).lower() not in {name.lower() for name in own}
