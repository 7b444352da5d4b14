"""A registered name the parser split at a comma ("The Paper, Print and Allied Workers'
Union" read as "Print and Allied Workers' Union") is taken whole when the words before the
mention complete it."""

from dataclasses import replace

from spacy.tokens import Token

from service.extraction.discourse import Speaker

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _normalise(text: str) -> str:
    return text.translate(APOSTROPHES).lower()


def whole_registered_name(speaker: Speaker, before: str) -> Speaker:
    """The speaker named by the full registered name that the text before it completes."""
    side, name = speaker.side, speaker.name or ""
    if side is None or side.auto or speaker.start is None or speaker.type == "person":
        return speaker
    full = side.name
    cut = len(full) - len(name)
    if cut <= 0 or _normalise(full[cut:]) != _normalise(name) or "," not in full[:cut]:
        return speaker
    if not _normalise(before).endswith(_normalise(full[:cut])):
        return speaker
    return replace(speaker, name=before[-cut:] + name, start=speaker.start - cut)


def without_inner_apposition(tokens: list[Token], head: Token) -> list[Token]:
    """A group's phrase without a description set off after a noun inside it: "Residents of
    Lanet Ridge, a middle-income estate next to the site" is "Residents of Lanet Ridge"."""
    for token in tokens:
        before = token.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
        inner = token.dep_ == "appos" and token.head.i != head.i and token.head.i > head.i
        if inner and before is not None and before.text == ",":
            return [t for t in tokens if t.i < before.i]
    return tokens


def named_by(preposition: Token) -> bool:
    """Whether a preposition after an organisation word continues its name: any "of"
    ("Office of the Auditor-General"), and "for" before capitalised words ("Danish Fund
    for Basic Science", not "the fund for young researchers")."""
    if preposition.lower_ == "of":
        return True
    following = preposition.nbor(1) if preposition.i + 1 < len(preposition.doc) else None
    return preposition.lower_ == "for" and following is not None and following.text[:1].isupper()
