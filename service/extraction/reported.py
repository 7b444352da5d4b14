"""Dependency rules for reported speech and attributed positions."""

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from service.extraction.clauses import (
    SUBJECT_DEPS,
    clause_parts,
    describes_noun,
    has_subject,
    is_anaphoric,
    is_cue_verb,
    is_duration,
    is_speech_act,
    someone_elses_stance,
    trimmed,
    without,
    without_narrative_tail,
)
from service.extraction.lexicon import (
    ANONYMITY,
    CLAUSAL_ONLY_STANCE,
    COURT_NOUNS,
    DECLINED_SPEECH,
    EXPRESSION_VERBS,
    FEELING_NOUNS,
    NARRATIVE_MARKS,
    PASSIVE_ANNOUNCE_VERBS,
    PERFECT_AUXILIARIES,
    PREDICATIVE_MARKS,
    PREDICATIVE_STANCE,
    PROSPECTIVE_HEADS,
    QUESTION_WORDS,
    REPORTING_VERBS,
    STANCE_PREPOSITIONS,
    STANCE_VERBS,
    VERB_STANCE_PREPOSITIONS,
)
from service.extraction.naming import gives_a_name
from service.extraction.pipeline import lemma
from service.extraction.subject_repair import described_subject, is_description

STANCE_COMPLEMENTS = ("dobj", "xcomp", "ccomp", "prep", "dative", "oprd", "attr", "acomp", "pcomp")
POSITION_ONLY = STANCE_VERBS - REPORTING_VERBS
# "The summit was announced by X" names an event, not a position; positions are described.
MIN_ANNOUNCED_TOKENS = 4
# Dependents that the parser misattaches to the cue but that continue its complement.
TRAILING_DEPS = ("npadvmod", "dobj", "appos", "attr", "conj", "advcl", "acl", "oprd", "dep")


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


def in_narrative_clause(token: Token) -> bool:
    """Whether token sits in a background clause such as 'when Biden suggested ...'."""
    for node in [token, *token.ancestors]:
        if node.dep_ == "advcl" and any(narrative_mark(c) for c in node.children):
            return True
    return False


def narrative_mark(child: Token) -> bool:
    """'when' opening a background clause, as a subordinator or (as the parser often has it)
    an adverb in front of the clause."""
    if child.lower_ not in NARRATIVE_MARKS:
        return False
    return child.dep_ == "mark" or (child.dep_ == "advmod" and child.i == child.head.left_edge.i)


def subject_of(verb: Token, usable: Callable[[Token], bool] = lambda _: True) -> Token | None:
    """The agent of a cue: passive agent, subject, or the subject of the verb it hangs on."""
    agent = passive_agent(verb, usable)
    if agent is not None:
        return agent
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and usable(c)]
    if any(s.lower_ == "it" and s.dep_ == "nsubjpass" for s in subjects):
        return None  # "it was reported that ...": nobody in particular
    if subjects:
        # With two subjects ("whom they consider"), the one nearest the verb is the real one.
        before = [s for s in subjects if s.i < verb.i]
        return before[-1] if before else subjects[0]
    return inherited_subject(verb, usable)


def passive_agent(verb: Token, usable: Callable[[Token], bool]) -> Token | None:
    """X in "was announced by X"."""
    if not any(c.dep_ == "auxpass" for c in verb.children) and verb.dep_ != "acl":
        return None  # "promised a deal by Christmas" is not passive
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj" and usable(c)]
            if objects:
                return objects[0]
    return None


def inherited_subject(verb: Token, usable: Callable[[Token], bool]) -> Token | None:
    """The subject a subjectless cue shares with the verb it is coordinated with or hangs on."""
    if verb.dep_ == "conj" and is_speech_act(verb) and verb.head.dep_ == "ccomp":
        return subject_of(verb.head.head, usable)  # "X said A and urged B", misattached
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return subject_of(verb.head, usable)
    previous = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if previous is not None and previous.pos_ in ("PROPN", "ADV") and previous.text[:1].isupper():
        return previous if usable(previous) else None
    return described_subject(verb, usable)


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
    return claims


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
    merged: list[Token] = []
    for clause in clauses:
        if merged and not has_subject(clause) and clause.left_edge.i == merged[-1].right_edge.i + 1:
            continue
        merged.append(clause)
    return [c for c in merged if not is_question(c)]


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


def is_stance(verb: Token) -> bool:
    """A stance verb used as one: not a forecast, not reciprocal, not reporting a clause, not
    background narration ("when Biden suggested ...")."""
    if lemma(verb) not in STANCE_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    if in_narrative_clause(verb):
        return False
    if describes_noun(verb):
        return False
    if subject_is_patient(verb):
        return False
    if verb.dep_ == "xcomp" and lemma(verb.head) in PROSPECTIVE_HEADS:
        return False  # "is expected to challenge": a forecast, not a stance
    # "blamed each other": no single speaker
    return not any(c.dep_ == "dobj" and c.lower_ in ("other", "another") for c in verb.children)


def subject_is_patient(verb: Token) -> bool:
    """The subject undergoes the verb, so holds no stance: "went on trial accused of fraud",
    "a strike has been called for Monday" (unless a passive agent names who did it)."""
    if passive_agent(verb, lambda _: True) is not None:
        return False
    perfect = any(c.lower_ in PERFECT_AUXILIARIES for c in verb.children if c.dep_ == "aux")
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive or (verb.tag_ == "VBN" and not perfect)


def stance_objects(verb: Token) -> list[Token]:
    """The objects that carry a stance verb's content (empty when it has none)."""
    complements = [
        c
        for c in verb.children
        if c.dep_ in STANCE_COMPLEMENTS and not is_duration(c) and not is_anaphoric(c)
    ]
    if lemma(verb) in CLAUSAL_ONLY_STANCE and not any(
        c.dep_ in ("xcomp", "ccomp", "oprd") or c.lower_ in ("for", "on") for c in complements
    ):
        return []
    prepositions = STANCE_PREPOSITIONS | VERB_STANCE_PREPOSITIONS.get(lemma(verb), frozenset())
    if not any(c.dep_ != "prep" or c.lower_ in prepositions for c in complements):
        return []
    if lemma(verb) in PREDICATIVE_STANCE and not any(
        c.dep_ == "prep" and c.lower_ in PREDICATIVE_MARKS for c in complements
    ):
        return []  # "painted the fence" is no stance; "painted them as outsiders" is
    return complements


def stance_claim(verb: Token) -> list[Candidate]:
    """'X accused Y of Z', 'X urged Y to Z', 'They question Z': the verb with its objects."""
    complements = stance_objects(verb) if is_stance(verb) else []
    if gives_a_name(verb, complements):
        return []
    subject = subject_of(verb)
    if not complements or (subject is not None and lemma(subject) in COURT_NOUNS):
        return []  # "A judge refused to dismiss the lawsuit": a ruling, told as narration
    end = adjacent_end(verb, max(t.i for c in complements for t in c.subtree) + 1)
    bounds = trimmed(without_narrative_tail(list(verb.doc[verb.i : end])))
    if not bounds or any(p in verb.doc[bounds[0] : bounds[1]].text for p in ANONYMITY):
        return []
    return [Candidate(*bounds, "position", verb, subject, verb.text, 0.9)]


def adjacent_end(verb: Token, end: int) -> int:
    """Extend over dependents hung on the verb that directly continue its object."""
    for child in verb.rights:
        if child.i < end:
            continue
        if child.left_edge.i != end or child.dep_ not in TRAILING_DEPS or is_cue_verb(child):
            break
        end = child.right_edge.i + 1
    return end


def parenthetical_claim(verb: Token) -> list[Candidate]:
    """'No one, he said, had been arrested': the host clause around the cue."""
    if verb.dep_ != "parataxis" or any(c.dep_ == "ccomp" for c in verb.children):
        return []
    hidden = {t.i for t in verb.subtree}
    bounds = trimmed(without_narrative_tail(without(list(verb.head.subtree), hidden)))
    if not bounds:
        return []
    return [Candidate(*bounds, "indirect", verb, subject_of(verb), verb.text)]


def voiced_feeling(verb: Token) -> list[Candidate]:
    """'X expressed concern that ...', 'Russia has complaints about ...': a voiced stance."""
    if lemma(verb) not in EXPRESSION_VERBS or in_narrative_clause(verb):
        return []
    feeling = next(
        (c for c in verb.children if c.dep_ == "dobj" and lemma(c) in FEELING_NOUNS), None
    )
    if feeling is None or not any(
        c.dep_ in ("prep", "acl", "ccomp", "relcl") for c in feeling.children
    ):
        return []
    bounds = trimmed(list(verb.doc[verb.i : feeling.right_edge.i + 1]))
    return (
        [Candidate(*bounds, "position", verb, subject_of(verb), verb.text, 0.9)] if bounds else []
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


def verb_claims(verb: Token) -> list[Candidate]:
    """All claims cued by one verb."""
    if not is_cue_verb(verb):
        return voiced_feeling(verb) if verb.pos_ in ("VERB", "AUX") else []
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
