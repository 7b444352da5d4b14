"""Token-span helpers: trimming claim edges, balancing quote marks, splitting clauses."""

from spacy.tokens import Token

from service.extraction.lexicon import (
    MENTAL_VERBS,
    PHRASAL_CUES,
    REPORTING_VERBS,
    STANCE_NOUNS,
    STANCE_VERBS,
    TIME_NOUNS,
)
from service.extraction.pipeline import lemma

SUBJECT_DEPS = ("nsubj", "nsubjpass")
EDGE_DEPS = ("mark", "cc", "punct", "prep")
OPEN_MARKS = frozenset({"\u201c", '"', "\u201e", "''"})
CLOSE_MARKS = frozenset({"\u201d", '"', "''"})
FINAL_STOPS = frozenset({".", "!", "?", ","})
# Coordinated verb phrases without their own subject split only when both halves are long.
SPLIT_MIN_TOKENS = 7
SPLIT_MIN_TOTAL = 14
CUE_VERBS = REPORTING_VERBS | STANCE_VERBS


def is_cue_verb(token: Token) -> bool:
    """Reporting or stance verbs, also a phrasal one ("put it to the witness that ...")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return lemma(token) in CUE_VERBS or phrasal_cue(token)


def phrasal_cue(verb: Token) -> bool:
    """A verb that reports speech with its fixed object and preposition."""
    words = PHRASAL_CUES.get(lemma(verb))
    if words is None:
        return False
    children = [(c.dep_, c.lower_) for c in verb.children]
    return ("dobj", words[0]) in children and ("prep", words[1]) in children


def is_speech_act(token: Token) -> bool:
    """A finite cue verb of its own ("... and urged B"), not reported content ("would consider")."""
    finite = token.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ == "aux" for c in token.children
    )
    return finite and is_cue_verb(token) and lemma(token) not in MENTAL_VERBS


def trimmed(tokens: list[Token]) -> tuple[int, int] | None:
    """Token range of a claim without edge connectives and punctuation (quotes kept balanced)."""
    if not tokens:
        return None
    doc = tokens[0].doc
    start, end = tokens[0].i, tokens[-1].i + 1
    while (
        start < end
        and (doc[start].dep_ in EDGE_DEPS or doc[start].is_space)
        and not (doc[start].is_quote)
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        if doc[end - 1].is_quote and _opened_inside(doc, start, end - 1):
            break
        end -= 1
    if start < end and doc[start].is_quote and not _closed_inside(doc, start + 1, end):
        start += 1
    return balanced(doc, start, end) if end - start >= 2 else None


def balanced(doc, start: int, end: int) -> tuple[int, int]:
    """Take in a closing or opening quote mark that the parse left outside the span."""
    opens = sum(doc[i].text in "\u201c\u201e" for i in range(start, end))
    closes = sum(doc[i].text == "\u201d" for i in range(start, end))
    odd_straight = sum(doc[i].text in ('"', "''") for i in range(start, end)) % 2 == 1
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end].text if end < len(doc) else ""
    if (opens > closes and after in CLOSE_MARKS) or (odd_straight and after in ('"', "''")):
        return start, end + 1
    # A full stop inside the marks: '... accused X of "reckless provocation."'
    closing = doc[end + 1].text if end + 1 < len(doc) else ""
    if (opens > closes or odd_straight) and after in FINAL_STOPS and closing in CLOSE_MARKS:
        return start, end + 2
    if (closes > opens and before in OPEN_MARKS) or (odd_straight and before in ('"', "''")):
        return start - 1, end
    return start, end


def _opened_inside(doc, start: int, end: int) -> bool:
    return any(doc[i].text in OPEN_MARKS for i in range(start, end))


def _closed_inside(doc, start: int, end: int) -> bool:
    return any(doc[i].text in CLOSE_MARKS for i in range(start, end))


def without(tokens, hidden: set[int]) -> list[Token]:
    """The longest run of consecutive tokens not in hidden."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for token in tokens:
        if token.i in hidden or (current and token.i != current[-1].i + 1):
            if current:
                runs.append(current)
            current = [] if token.i in hidden else [token]
        else:
            current.append(token)
    if current:
        runs.append(current)
    return max(runs, key=len) if runs else []


def has_subject(verb: Token) -> bool:
    """Whether a verb has a subject or a complementiser of its own."""
    return any(c.dep_ in (*SUBJECT_DEPS, "expl", "mark") for c in verb.children)


def is_content(token: Token) -> bool:
    """Words that count towards a clause's length."""
    return not token.is_punct and token.dep_ not in ("mark", "cc")


def separate_conjunct(clause: Token, conjunct: Token) -> bool:
    """A coordinated clause is its own claim if it has a subject or both halves are long."""
    if has_subject(conjunct):
        return True
    first = sum(1 for t in clause.subtree if t.i < conjunct.left_edge.i and is_content(t))
    second = sum(1 for t in conjunct.subtree if is_content(t))
    return min(first, second) >= SPLIT_MIN_TOKENS and first + second >= SPLIT_MIN_TOTAL


def clause_parts(clause: Token) -> list[list[Token]]:
    """A complement clause split at coordinated clauses, which are separate claims."""
    verbs = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    # A coordinated cue ("... and urged B") is the speaker's next act: its own claim.
    cues = [c for c in verbs if is_speech_act(c)]
    conjuncts = [c for c in verbs if c not in cues and separate_conjunct(clause, c)]
    hidden = {t.i for c in [*conjuncts, *cues] for t in c.subtree}
    hidden |= {c.i for c in clause.children if c.dep_ == "cc"}
    parts = [[t for t in clause.subtree if t.i not in hidden]]
    for conjunct in conjuncts:
        parts.extend(clause_parts(conjunct))
    return parts


def without_narrative_tail(tokens: list[Token]) -> list[Token]:
    """Cut a comment the journalist appended after a comma: ", the latest blow to ...",
    ", escalating a months-long row ..."."""
    if len(tokens) < 4:
        return tokens
    doc, last = tokens[0].doc, tokens[-1].i
    for comma in reversed([t for t in tokens if t.text == ","]):
        tail = range(comma.i + 1, last + 1)
        roots = [doc[i] for i in tail if doc[i].head.i not in tail or doc[i].head.i == i]
        if len(roots) != 1 or roots[0].left_edge.i != comma.i + 1:
            continue
        if is_narrative_tail(roots[0]) and not any(doc[i].is_quote for i in tail):
            return [t for t in tokens if t.i < comma.i]
        return tokens
    return tokens


def is_narrative_tail(root: Token) -> bool:
    """An appended noun phrase with an article, or a bare participial clause."""
    if root.pos_ in ("NOUN", "PROPN") and root.dep_ in ("appos", "npadvmod", "dep", "attr", "dobj"):
        return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in root.children)
    return (
        root.tag_ == "VBG"
        and root.dep_ in ("advcl", "xcomp", "acl", "dep")
        and not any(c.dep_ == "mark" for c in root.children)
    )


def is_duration(complement: Token) -> bool:
    """A prepositional phrase of time ("for months"), not the object of a stance."""
    objects = [c for c in complement.children if c.dep_ == "pobj"]
    return complement.dep_ == "prep" and any(o.lower_ in TIME_NOUNS for o in objects)


def is_anaphoric(complement: Token) -> bool:
    """An object that only points back at words already reported ("rejected that account",
    "denied that")."""
    words = list(complement.subtree)
    return (
        complement.dep_ == "dobj"
        and len(words) in (1, 2)
        and words[0].lower_ in ("that", "this", "these", "those")
    )


def someone_elses_stance(verb: Token, noun: Token) -> bool:
    """'rejected her argument that ...', 'dismissed the accusation that ...': the clause is
    another's claim, not the subject's (the possessor's, or the stance verb's object)."""
    if lemma(noun) not in STANCE_NOUNS:
        return False
    return possessor_claims(noun, verb) or lemma(verb) in STANCE_VERBS - REPORTING_VERBS


def possessor_claims(noun: Token, governor: Token | None) -> bool:
    """Whether a stance noun's possessor owns its clause: a named one ("Ortiz's claim") always,
    a pronoun only when no reporting verb makes it its own subject's ("repeated his claim")."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is None:
        return False
    if possessor.pos_ != "PRON":
        return True
    return governor is None or lemma(governor) not in REPORTING_VERBS


def describes_noun(verb: Token) -> bool:
    """A description, not a stance: "a government that had promised a deal", "the deadline
    for operators to request paths" (what a noun is for), a fronted gerund subject."""
    if verb.dep_ == "relcl" and verb.head.pos_ != "PROPN":
        return True
    if verb.head.pos_ == "NOUN" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.lefts):
        return True
    return fronted_subject(verb)


def fronted_subject(verb: Token) -> bool:
    """A gerund fronted before a parenthetical cue is the subject of the reported clause, not
    a stance: "Rejecting the deal, she warned, would be a mistake"."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "csubj") or verb.i > verb.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    clauses = [c for c in verb.head.children if c.dep_ == "ccomp" and c.i > verb.head.i]
    return any(not has_subject(c) for c in clauses)
