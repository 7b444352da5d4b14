"""A pronoun in a parenthetical reporting clause ("Rheinfeld, it said, was trying to ...")
cannot stand for a body named in the clause it interrupts: that body is what is reported
on, and the speaker is someone named before."""

from spacy.tokens import Token

from service.extraction.discourse import Speaker

PARENTHETICAL = ("parataxis",)


def outside_reported(pronoun: Token, nearby: list[Speaker], base: int) -> list[Speaker]:
    """The nearby mentions a parenthetical reporter's pronoun may refer to: none from its own
    sentence before it."""
    if pronoun.head.dep_ not in PARENTHETICAL:
        return nearby
    sentence_start = base + pronoun.sent.start_char
    return [m for m in nearby if (m.start or 0) < sentence_start]
