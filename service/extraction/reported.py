"""Dependency rules for reported speech and attributed positions."""

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from service.extraction.lexicon import (
    CLAUSAL_ONLY_STANCE,
    NARRATIVE_MARKS,
    PASSIVE_ANNOUNCE_VERBS,
    REPORTING_VERBS,
    SPEECH_NOUNS,
    STANCE_NOUNS,
    STANCE_VERBS,
)

SUBJECT_DEPS = ("nsubj", "nsubjpass")
STANCE_COMPLEMENTS = ("dobj", "xcomp", "ccomp", "prep", "dative", "oprd", "attr", "acomp", "pcomp")
POSITION_ONLY = STANCE_VERBS - REPORTING_VERBS
EDGE_DEPS = ("mark", "cc", "punct", "prep")


@dataclass
class Candidate:
    """A claim found by a rule, before its speaker is resolved (token indices, end exclusive)."""

    start: int
    end: int
    kind: str
    cue: Token
    subject: Token | None
    cue_text: str
    weight: float = 1.0


def is_cue_verb(token: Token) -> bool:
    """Reporting or stance verbs."""
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in REPORTING_VERBS | STANCE_VERBS


def in_narrative_clause(token: Token) -> bool:
    """Whether token sits in a background clause such as 'when Biden suggested ...'."""
    for node in [token, *token.ancestors]:
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in NARRATIVE_MARKS for c in node.children
        ):
            return True
    return False


def subject_of(verb: Token) -> Token | None:
    """The agent of a cue: passive agent, subject, or the subject of the verb it hangs on."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        return subject
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return subject_of(verb.head)
    previous = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if previous is not None and previous.pos_ in ("PROPN", "ADV") and previous.text[:1].isupper():
        return previous
    return None


def trimmed(tokens: list[Token]) -> tuple[int, int] | None:
    """Token range of a claim without edge connectives and punctuation (quotes kept balanced)."""
    if not tokens:
        return None
    doc = tokens[0].doc
    start, end = tokens[0].i, tokens[-1].i + 1
    while start < end and (doc[start].dep_ in EDGE_DEPS or doc[start].is_space) and not (
        doc[start].is_quote
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
        if doc[end - 1].is_quote and _opened_inside(doc, start, end - 1):
            break
        end -= 1
    if start < end and doc[start].is_quote and not _closed_inside(doc, start + 1, end):
        start += 1
    return (start, end) if end - start >= 2 else None


def _opened_inside(doc, start: int, end: int) -> bool:
    return any(doc[i].text in "“\"" for i in range(start, end))


def _closed_inside(doc, start: int, end: int) -> bool:
    return any(doc[i].text in "”\"" for i in range(start, end))


def without(tokens, hidden: set[int]) -> list[Token]:
    """The longest run of consecutive tokens not in hidden."""
    runs, current = [], []
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


def clause_parts(clause: Token) -> list[list[Token]]:
    """A complement clause split at coordinated verbs, which are separate claims."""
    conjuncts = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    hidden = {t.i for c in conjuncts for t in c.subtree}
    hidden |= {c.i for c in clause.children if c.dep_ == "cc"}
    parts = [[t for t in clause.subtree if t.i not in hidden]]
    for conjunct in conjuncts:
        parts.extend(clause_parts(conjunct))
    return parts


def complement_claims(verb: Token) -> list[Candidate]:
    """'X said (that) ...': each clausal complement, split at coordinated clauses."""
    lemma = verb.lemma_.lower()
    kind = "position" if lemma in POSITION_ONLY else "indirect"
    claims = []
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        for part in clause_parts(child):
            bounds = trimmed(part)
            if bounds:
                claims.append(Candidate(*bounds, kind, verb, subject_of(verb), verb.text))
    return claims


def stance_claim(verb: Token) -> list[Candidate]:
    """'X accused Y of Z', 'X urged Y to Z', 'They question Z': the verb with its objects."""
    lemma = verb.lemma_.lower()
    if lemma not in STANCE_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
        return []
    complements = [c for c in verb.children if c.dep_ in STANCE_COMPLEMENTS]
    if lemma in CLAUSAL_ONLY_STANCE and not any(
        c.dep_ in ("xcomp", "ccomp") or c.lower_ in ("for", "on") for c in complements
    ):
        return []
    if not any(c.dep_ != "prep" or c.lower_ in ("of", "for", "on", "to") for c in complements):
        return []
    end = max(t.i for c in complements for t in c.subtree) + 1
    bounds = trimmed(list(verb.doc[verb.i : end]))
    if not bounds:
        return []
    return [Candidate(*bounds, "position", verb, subject_of(verb), verb.text, 0.9)]


def parenthetical_claim(verb: Token) -> list[Candidate]:
    """'No one, he said, had been arrested': the host clause around the cue."""
    if verb.dep_ != "parataxis" or any(c.dep_ == "ccomp" for c in verb.children):
        return []
    hidden = {t.i for t in verb.subtree}
    bounds = trimmed(without(list(verb.head.subtree), hidden))
    if not bounds:
        return []
    return [Candidate(*bounds, "indirect", verb, subject_of(verb), verb.text)]


def passive_announcement(verb: Token) -> list[Candidate]:
    """'A cap was announced by the airline': the subject is the announced position."""
    if verb.lemma_.lower() not in PASSIVE_ANNOUNCE_VERBS or verb.tag_ != "VBN":
        return []
    agent = subject_of(verb)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or patient is None or patient.pos_ == "PRON" or agent.head.dep_ != "agent":
        return []
    bounds = trimmed(list(patient.subtree))
    if not bounds:
        return []
    return [Candidate(*bounds, "position", verb, agent, verb.text, 0.8)]


def verb_claims(verb: Token) -> list[Candidate]:
    """All claims cued by one verb."""
    if not is_cue_verb(verb) or in_narrative_clause(verb):
        return []
    rules: tuple[Callable[[Token], list[Candidate]], ...] = (
        complement_claims,
        stance_claim,
        parenthetical_claim,
        passive_announcement,
    )
    for rule in rules:
        found = rule(verb)
        if found:
            return found
    return []


def according_to_claims(sentence: Span) -> list[Candidate]:
    """'..., according to X': the host clause, attributed to X."""
    claims = []
    for token in sentence:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        host = token.head
        while host.pos_ not in ("VERB", "AUX") and host.head is not host:
            host = host.head
        if source is None or host is token:
            continue
        bounds = trimmed(without(list(host.subtree), {t.i for t in token.subtree}))
        if bounds:
            claims.append(Candidate(*bounds, "indirect", token, source, "according to"))
    return claims


def stance_noun_claims(sentence: Span) -> list[Candidate]:
    """'Among the complaints of X are Y': Y is a position of X."""
    claims = []
    for token in sentence:
        if token.lemma_.lower() not in STANCE_NOUNS or token.pos_ != "NOUN":
            continue
        holder = next(
            (o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
             for o in c.children if o.dep_ == "pobj" and o.pos_ == "PROPN"),
            None,
        )
        copula = token.head.head if token.dep_ == "pobj" else token.head
        if holder is None or copula.lemma_ != "be":
            continue
        hidden = {t.i for t in token.head.subtree} if token.dep_ == "pobj" else set()
        hidden |= {t.i for t in token.subtree} | {copula.i}
        bounds = trimmed(without(list(copula.subtree), hidden))
        if bounds:
            claims.append(Candidate(*bounds, "position", token, holder, token.text, 0.8))
    return claims


def speech_source(verb: Token) -> Token | None:
    """'Those words came from X' / 'So said X': the X that a neighbouring quote belongs to."""
    lemma = verb.lemma_.lower()
    if lemma == "come":
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lemma_.lower() not in SPEECH_NOUNS:
            return None
        source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        return next((c for c in source.children if c.dep_ == "pobj"), None) if source else None
    if lemma in REPORTING_VERBS | STANCE_VERBS:
        return subject_of(verb)
    return None
