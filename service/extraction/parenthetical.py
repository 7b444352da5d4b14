"""Words around a reporting clause that are not its speaker: a body named in the clause a
parenthetical reporter interrupts ("Rheinfeld, it said, was trying to ..."), and a fronted
setting ("Outside court, the club's president, X, said")."""

from spacy.tokens import Token

from service.extraction.discourse import Speaker
from service.extraction.lexicon import SETTING_OPENERS

PARENTHETICAL = ("parataxis",)


def outside_reported(pronoun: Token, nearby: list[Speaker], base: int) -> list[Speaker]:
    """The nearby mentions a parenthetical reporter's pronoun may refer to: none from its own
    sentence before it."""
    if pronoun.head.dep_ not in PARENTHETICAL:
        return nearby
    sentence_start = base + pronoun.sent.start_char
    return [m for m in nearby if (m.start or 0) < sentence_start]


def fronted_setting(head: Token) -> bool:
    """A bare noun opening the sentence after a setting word ("Outside court, ...") that the
    parser took for the subject: it names where, not who."""
    first = head.sent[0]
    return (
        first.i < head.i
        and first.lower_ in SETTING_OPENERS
        and first.head.i == head.i
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    )
