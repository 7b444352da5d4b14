"""Noun-phrase helpers for speakers: phrase cores, titles, appositions and authors."""

from spacy.tokens import Token

from service.extraction.lexicon import (
    DOCUMENT_NOUNS,
    FORMER_WORDS,
    HONORIFICS,
    HYPHENATED_TITLES,
    ORG_WORDS,
    SPEECH_SOURCE_PASSIVES,
    TITLE_WORDS,
)
from service.extraction.pipeline import lemma

CLAUSE_DEPS = ("relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "parataxis")
LEADING_JUNK = ("det", "punct", "case", "cc")


def span_text(tokens: list[Token]) -> str:
    """Text from the first to the last token, as written."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def core_tokens(head: Token, drop_determiner: bool) -> list[Token]:
    """The noun phrase of head without relative clauses, appositions and edge punctuation."""
    skipped: set[int] = set()
    for child in head.children:
        close_participle = child.dep_ == "acl" and child.i == head.i + 1  # "the union representing"
        if child.dep_ in CLAUSE_DEPS and child.tag_ != "HYPH" and not close_participle:
            skipped.update(t.i for t in child.subtree)
    for node in head.subtree:  # "for the Journal of X, which published ...": not the title
        if (
            node.dep_ == "relcl"
            and node.left_edge.i > head.i
            and node.doc[node.left_edge.i - 1].text == ","
        ):
            skipped.update(range(node.left_edge.i - 1, node.right_edge.i + 1))
    tokens = [t for t in head.subtree if t.i not in skipped]
    tokens = [t for t in tokens if tokens[0].i <= t.i <= head.i or t.i > head.i]
    while tokens and (tokens[0].dep_ in LEADING_JUNK and (drop_determiner or tokens[0].is_punct)):
        tokens.pop(0)
    # "The panel's report": the possessor without its possessive ending.
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "case"):
        tokens.pop()
    return contiguous(tokens, head)


def contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The run of consecutive tokens around head."""
    indices = {t.i for t in tokens}
    start = end = head.i
    while start - 1 in indices:
        start -= 1
    while end + 1 in indices:
        end += 1
    return [t for t in tokens if start <= t.i <= end]


def nested_appositive(head: Token) -> Token | None:
    """A name in apposition lower in the phrase ("director of retail, Tim Jarvis")."""
    doc = head.doc
    for token in head.subtree:
        if token.pos_ != "PROPN" or token.i == head.i or token.dep_ == "compound":
            continue
        # A comma before a possessor in front of the head ("Later, Olund's campaign") belongs
        # to the sentence: the name in apposition follows the head.
        after_comma = (
            token.i > head.i and token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ","
        )
        if token.dep_ == "appos" or (after_comma and token.right_edge.i == head.right_edge.i - 1):
            return token
    return None


def document_author(head: Token) -> Token | None:
    """The author a document speaks for: "a study by X", "a statement from X", "X's report",
    "its lawsuit" (the pronoun, resolved like any other)."""
    if lemma(head) not in DOCUMENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN", "PRON"):
            return child
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            author = next((c for c in child.children if c.dep_ == "pobj"), None)
            if author is not None:
                return author
    for token in head.subtree:
        if token.dep_ == "pobj" and token.head.dep_ == "agent":
            return token
    return relative_author(head)


def relative_author(document: Token) -> Token | None:
    """The subject of a relative clause of writing on a document: "a letter it sent to the
    premier" (not "a letter the miner received")."""
    clauses = [
        c for c in document.children if c.dep_ == "relcl" and lemma(c) in SPEECH_SOURCE_PASSIVES
    ]
    subjects = [s for c in clauses for s in c.children if s.dep_ == "nsubj"]
    return next((s for s in subjects if s.lower_ not in ("that", "which", "who")), None)


def titled_holder(head: Token) -> Token | None:
    """The name ending a title phrase ("Secretary of State for Labour Miguel Antunes")."""
    if not is_title_word(head):
        return None
    last = head.right_edge
    if last.pos_ != "PROPN" or last.dep_ != "pobj" or last.i == head.i:
        return None
    return last if last.head.head.i >= head.i else None


def is_title_word(token: Token) -> bool:
    """Whether a token is a title, rank or honorific rather than part of a name."""
    word = token.lower_.rstrip(".")
    if word in TITLE_WORDS or word in HYPHENATED_TITLES or token.lower_ in HONORIFICS:
        return True
    return word.endswith("-general")


def misread_given_name(token: Token) -> bool:
    """A capitalised given name the tagger read as a past verb ("Sioned Pugh", "Ahmed
    Ali"): part of the name, unless a past role ("Retired Colonel X")."""
    capitalised = token.text[:1].isupper() and token.text[1:].islower()
    if token.tag_ not in ("VBN", "VBD") or token.dep_ != "compound" or not capitalised:
        return False
    return token.lower_ not in FORMER_WORDS and not is_title_word(token)


def descriptor_end(chunk: list[Token]) -> int:
    """Where a common-noun description before a body's name ends ("retailer Marrow Ltd",
    "packaged-foods maker Kestrel Foods"): after its last lower-case noun, when only
    capitalised words follow and the description holds no "of"; else 0."""
    nouns = [i for i, t in enumerate(chunk[:-1]) if t.pos_ == "NOUN" and t.text.islower()]
    if not nouns or any(t.lower_ == "of" for t in chunk[: nouns[-1] + 1]):
        return 0
    if chunk[nouns[-1]].lower_ in ORG_WORDS:
        return 0  # "consumer group Fair Power" is still read as a group for "the group"
    rest = chunk[nouns[-1] + 1 :]
    return nouns[-1] + 1 if all(t.text[:1].isupper() for t in rest) else 0


def joined_hyphen(token: Token) -> bool:
    """A hyphen inside a name, written without spaces ("Adjei-Brenya"), also one the
    tagger read as a name ("al-Maamari")."""
    if (
        (token.tag_ != "HYPH" and token.text != "-")
        or token.whitespace_
        or token.i == 0
        or token.i + 1 >= len(token.doc)
    ):
        return False
    before, after = token.nbor(-1), token.nbor(1)
    return not before.whitespace_ and before.pos_ == "PROPN" and after.pos_ == "PROPN"


def parenthetical(token: Token) -> bool:
    """Whether a phrase opens a parenthesis: "(Lab, Hollins)" after a councillor's name is
    their party and ward, not their title."""
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text == "("


def bracketed_owner(head: Token) -> Token | None:
    """The name a bracket follows when head is inside it: the parser may make "Dem" of
    "Cllr Tom Birch (Lib Dem, Eastfield North) said" the subject."""
    doc = head.doc
    for i in range(head.i - 1, max(-1, head.i - BRACKET_REACH), -1):
        token = doc[i]
        if token.text == ")" or (token.is_sent_start and token.text != "("):
            return None
        if token.text == "(":
            if token.is_sent_start or i == 0:
                return None
            after = range(head.i, min(len(doc), head.i + BRACKET_REACH))
            closed = any(doc[j].text == ")" for j in after)
            return doc[i - 1] if closed and doc[i - 1].pos_ == "PROPN" else None
    return None


# How far a party-and-ward bracket reaches: "(Lib Dem, Eastfield North)".
BRACKET_REACH = 8


def title_text(tokens: list[Token]) -> str | None:
    """A title without leading or trailing punctuation."""
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return span_text(tokens) or None
