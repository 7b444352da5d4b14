"""The words of a named mention: its name chunk and the text that tells its affiliation."""

from spacy.tokens import Token

from service.extraction.lexicon import GOVERNMENT_WORDS, MEMBERSHIP_VERBS, ORG_WORDS, POST_NOMINALS
from service.extraction.name_extent import named_by
from service.extraction.phrases import contiguous, joined_hyphen, span_text
from service.extraction.pipeline import lemma

NAME_MODIFIERS = ("compound", "amod", "nmod", "nummod")


def possessive_mark(token: Token) -> bool:
    """A possessive ending, also the curly apostrophe of a plural the parser reads as a
    closing quote ("the Players\u2019 Association")."""
    if token.dep_ == "case":
        return True
    previous = token.nbor(-1) if token.i > 0 else None
    return token.text in ("\u2019", "'") and previous is not None and previous.lower_.endswith("s")


def name_chunk(head: Token) -> list[Token]:
    """Head with its name modifiers and an 'of' phrase ("Office of the Auditor-General")."""
    modifiers = (*NAME_MODIFIERS, "poss") if head.lower_ in ORG_WORDS else NAME_MODIFIERS
    left = [t for c in head.lefts if c.dep_ in modifiers or joined_hyphen(c) for t in c.subtree]
    tokens = sorted([*left, head], key=lambda t: t.i)
    for child in head.rights:
        if child.dep_ == "prep" and head.lower_ in ORG_WORDS and named_by(child):
            tokens.extend(child.subtree)
    tokens = [
        t
        for t in tokens
        if not t.is_punct or t.i > head.i or possessive_mark(t) or joined_hyphen(t)
    ]
    # "Angola's ministry of energy" keeps its possessor; "Ireland's Data Protection
    # Commission" is a name on its own.
    # Every state has a "Foreign Ministry": "Ghana's Foreign Ministry" keeps its state.
    common_org = head.lower_ in ORG_WORDS and (
        head.text[:1].islower() or head.lower_ in GOVERNMENT_WORDS
    )
    dropped = ("det",) if common_org else ("det", "poss")
    while tokens and (
        (tokens[0].dep_ in dropped and tokens[0].head.i == head.i)
        or tokens[0].pos_ == "DET"
        or tokens[0].dep_ == "case"
        or tokens[0].is_punct
    ):
        tokens.pop(0)
    tokens = contiguous(tokens, head) or [head]
    while len(tokens) > 1 and hyphen_tail(tokens[0]):
        tokens.pop(0)
    # "Association of Rail Operators (ARO)": the acronym in brackets is not the name.
    bracket = next((t.i for t in tokens if t.text == "(" and t.i > head.i), None)
    tokens = [t for t in tokens if bracket is None or t.i < bracket]
    while len(tokens) > 1 and (tokens[-1].lower_ in POST_NOMINALS or tokens[-1].dep_ == "case"):
        tokens.pop()  # "Helen Ashcroft KC", "Kelmore University's"
    return tokens


def hyphen_tail(token: Token) -> bool:
    """The lower-case end of a hyphenated modifier cut from its first half ("based" of
    "Brussels-based"): a description in front of the name, not part of it."""
    if token.i == 0 or not token.text[:1].islower():
        return False
    hyphen = token.nbor(-1)
    return hyphen.text == "-" and not hyphen.whitespace_


def mention_context(head: Token, title_head: Token | None) -> list[str]:
    """Affiliation text around a mention: the whole phrase, then its relative clauses."""
    relative = [
        c for h in (head, title_head) if h is not None for c in h.children if c.dep_ == "relcl"
    ]
    hidden = {t.i for c in relative for t in c.subtree}
    phrase = " ".join(t.text for t in head.subtree if t.i not in hidden)
    # "who chairs the federation's board" tells affiliation; "who sued the council" does not.
    # A joined verb counts too: "who has fished here for years and sits on its board".
    verbs = [v for c in relative for v in (c, *c.conjuncts) if v.pos_ in ("VERB", "AUX")]
    members = [v for v in verbs if lemma(v) in MEMBERSHIP_VERBS]
    return [phrase, *(span_text(list(c.subtree)) for c in members)]
