"""A subject the parser lost: a named speaker whose long description it read as a clause
of the reporting verb."""

from collections.abc import Callable

from spacy.tokens import Token


def described_subject(verb: Token, usable: Callable[[Token], bool]) -> Token | None:
    """The named subject of a long description the parser made a clause of the cue: in
    "X, the commissioner appointed to the case, said ..." or "X, who retired in 2021 and
    spoke ..., said ...", X is the subject of the description's verb, not of "said"."""
    previous = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if previous is None or previous.text != ",":
        return None
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "dep") and c.i < verb.i]
    if len(clauses) != 1 or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    subjects = [
        s
        for s in clauses[0].children
        if s.dep_ == "nsubj" and s.pos_ == "PROPN" and opens_sentence(s) and usable(s)
    ]
    return subjects[0] if subjects else None


def opens_sentence(name: Token) -> bool:
    """The name opens its sentence and a comma sets off what follows it."""
    after = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    return name.left_edge.i == name.sent.start and after is not None and after.text == ","


def is_description(clause: Token, verb: Token) -> bool:
    """The clause before the cue is not what it reports when the cue has its complement
    after it: the speaker's description read as a clause ("X, the mediator appointed to the
    case, said ..."), or a fronted setting ("In its response, a document the law requires,
    Kessler said ...")."""
    if clause.i > verb.i or clause.dep_ not in ("ccomp", "dep"):
        return False
    return any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)
