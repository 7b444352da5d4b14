"""Dependency rules for reported speech and attributed positions."""

from collections.abc import Callable

from spacy.tokens import Token

from service.extraction.candidates import Candidate, subject_of
from service.extraction.clauses import (
    clause_parts,
    has_subject,
    is_cue_verb,
    someone_elses_stance,
    trimmed,
    without,
    without_narrative_tail,
)
from service.extraction.lexicon import (
    DECLINED_SPEECH,
    PASSIVE_ANNOUNCE_VERBS,
    POLL_NOUNS,
    QUESTION_WORDS,
    REPORTING_VERBS,
    STANCE_VERBS,
)
from service.extraction.pipeline import lemma
from service.extraction.stance import (
    TRAILING_DEPS,
    in_hypothetical_clause,
    stance_claim,
    voiced_feeling,
)
from service.extraction.subject_repair import is_description

POSITION_ONLY = STANCE_VERBS - REPORTING_VERBS
# "The summit was announced by X" names an event, not a position; positions are described.
MIN_ANNOUNCED_TOKENS = 4
# Auxiliaries of a reported clause's tense: "had drawn", "would close".
REPORTED_AUXILIARIES = ("had", "would", "could", "might", "should", "must")


def complement_claims(verb: Token) -> list[Candidate]:
    """'X said (that) ...': each clausal complement, split at coordinated clauses."""
    verb_lemma = lemma(verb)
    kind = "position" if verb_lemma in POSITION_ONLY else "indirect"
    claims = []
    for clause in complements(verb):
        if is_description(clause, verb):
            continue
        parts = clause_parts(clause)
        last = max(parts, key=lambda part: max(t.i for t in part))
        last.extend(trailing(verb, clause))
        for part in parts:
            if declines_comment(part):
                continue
            bounds = trimmed(without_narrative_tail(sorted(part, key=lambda t: t.i)))
            if bounds:
                claims.append(Candidate(*bounds, kind, verb, subject_of(verb), verb.text))
        claims.extend(continued_after_cue(verb, clause, kind))
    return claims


def continued_after_cue(verb: Token, clause: Token, kind: str) -> list[Candidate]:
    """'The bill had been in consultation for months, he said, and had drawn 3,000
    submissions': a reported clause before the cue goes on after it, in its own tense (a
    plain past, "and walked out", is the speaker's next act)."""
    if clause.i > verb.i:
        return []
    found = []
    for conjunct in (c for c in verb.children if c.dep_ == "conj" and c.i > verb.i):
        reported_tense = any(
            c.dep_ == "aux" and c.lower_ in REPORTED_AUXILIARIES for c in conjunct.children
        )
        if is_cue_verb(conjunct) or has_subject(conjunct) or not reported_tense:
            continue
        tokens = [t for t in conjunct.subtree if t.dep_ != "cc" or t.head.i != conjunct.i]
        bounds = trimmed(without_narrative_tail(tokens))
        if bounds:
            found.append(Candidate(*bounds, kind, verb, subject_of(verb), verb.text))
    return found


def declines_comment(part: list[Token]) -> bool:
    """'(said it) would not comment on the case': declining to speak states nothing."""
    inside = {t.i for t in part}
    heads = [t for t in part if t.head.i not in inside or t.head.i == t.i]
    return any(
        lemma(t) in DECLINED_SPEECH and any(c.dep_ == "neg" for c in t.children) for t in heads
    )


def complements(verb: Token) -> list[Token]:
    """Clausal complements; a subjectless one right after another continues it."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        clauses = noun_complements(verb)
    # "said, her hands shaking, that ...": the that-clause the parser hung on the absolute.
    clauses = [
        inner
        for c in clauses
        for inner in (
            [c] if not is_absolute(c, verb) else [k for k in c.children if k.dep_ == "ccomp"]
        )
    ]
    merged: list[Token] = []
    for clause in clauses:
        if merged and not has_subject(clause) and clause.left_edge.i == merged[-1].right_edge.i + 1:
            continue
        merged.append(clause)
    return [c for c in merged if not is_question(c)]


def is_absolute(clause: Token, verb: Token) -> bool:
    """'Fenn said from the witness table, his voice breaking': a participle with its own
    subject after the cue describes the manner of speaking, not what was said."""
    return (
        clause.i > verb.i
        and clause.tag_ == "VBG"
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in ("aux", "mark") for c in clause.children)
        and "," in (clause.left_edge.text, clause.doc[clause.left_edge.i - 1].text)
    )


def is_question(clause: Token) -> bool:
    """'asked whether ...', 'did not say when ...': an open question is not a claim."""
    first = clause.left_edge
    # "det": "told her which months to enter"
    return first.lower_ in QUESTION_WORDS and first.dep_ in (
        "mark",
        "advmod",
        "nsubj",
        "dobj",
        "det",
    )


def noun_complements(verb: Token) -> list[Token]:
    """'said in a letter that ...', 'told a radio station that ...': a that-clause the parser
    hung on an object of the verb."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ not in ("prep", "dobj", "dative"):
            continue
        found.extend(
            t
            for t in child.subtree
            if t.dep_ in ("acl", "ccomp", "relcl")
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in t.children)
            and not someone_elses_stance(verb, t.head)
        )
    return found[:1]


def trailing(verb: Token, clause: Token) -> list[Token]:
    """Tokens after a rightward complement that the parser hung on the cue instead."""
    if clause.i < verb.i:
        return []
    extra: list[Token] = []
    end = clause.right_edge.i
    for child in verb.rights:
        if child.i <= end or child.is_punct:
            continue
        if child.dep_ == "ccomp" and not has_subject(child):
            pass
        elif child.dep_ not in TRAILING_DEPS or is_cue_verb(child) or has_subject(child):
            break
        extra.extend(t for t in verb.doc[end + 1 : child.right_edge.i + 1])
        end = child.right_edge.i
    return extra


def parenthetical_claim(verb: Token) -> list[Candidate]:
    """'No one, he said, had been arrested': the host clause around the cue."""
    if verb.dep_ != "parataxis" or any(c.dep_ == "ccomp" for c in verb.children):
        return []
    hidden = {t.i for t in verb.subtree}
    host = list(verb.head.subtree)
    if split_subject(verb):  # "Operators that ..., she added, had avoided ...": the predicate
        host = [t for t in host if t.i > verb.right_edge.i]
    bounds = trimmed(without_narrative_tail(without(host, hidden)))
    if not bounds:
        return []
    return [Candidate(*bounds, "indirect", verb, subject_of(verb), verb.text)]


def split_subject(verb: Token) -> bool:
    """A parenthetical cue between a subject with a relative clause and its predicate: the
    predicate after the cue states the claim, not the longer subject before it."""
    host = verb.head
    subject = next((c for c in host.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (
        subject is not None
        and subject.right_edge.i < verb.left_edge.i <= verb.right_edge.i < host.i
        and any(c.dep_ == "relcl" for c in subject.children)
    )


def passive_announcement(verb: Token) -> list[Candidate]:
    """'A cap was announced by the airline': the subject is the announced position."""
    if lemma(verb) not in PASSIVE_ANNOUNCE_VERBS or verb.tag_ != "VBN":
        return []
    agent = subject_of(verb)
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if agent is None or patient is None or patient.pos_ == "PRON" or agent.head.dep_ != "agent":
        return []
    bounds = trimmed(list(patient.subtree))
    if not bounds or bounds[1] - bounds[0] < MIN_ANNOUNCED_TOKENS:
        return []
    return [Candidate(*bounds, "position", verb, agent, verb.text, 0.8)]


def poll_finding(verb: Token) -> bool:
    """'A snap poll of 1,100 viewers found that 46 percent ...': a measured opinion, nobody's
    claim (a survey by a named body speaks for it); nor is what its respondents think."""
    for node in [verb, *verb.ancestors]:
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None and lemma(subject) in POLL_NOUNS:
            return not any(c.dep_ == "prep" and c.lower_ == "by" for c in subject.children)
    return False


def verb_claims(verb: Token) -> list[Candidate]:
    """All claims cued by one verb."""
    if not is_cue_verb(verb):
        return voiced_feeling(verb) if verb.pos_ in ("VERB", "AUX") else []
    if in_hypothetical_clause(verb):
        return []  # "What happens if the government challenges the law": a supposed act
    if poll_finding(verb):
        return []
    if lemma(verb) in REPORTING_VERBS - STANCE_VERBS and any(
        c.dep_ == "neg" for c in verb.children
    ):
        return []  # "did not say the plant would close" attributes nothing
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
