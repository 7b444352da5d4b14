"""A claim found by a rule before its speaker is known, and the agent of its cue."""

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from service.extraction.clauses import SUBJECT_DEPS, is_speech_act
from service.extraction.lexicon import ISSUING_VERBS, SPEECH_NOUNS
from service.extraction.pipeline import lemma
from service.extraction.subject_repair import described_subject


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
    if issued_speech(verb):  # "X issued a statement saying ...": X says it
        return subject_of(verb.head.head, usable)
    previous = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    if previous is not None and previous.pos_ in ("PROPN", "ADV") and previous.text[:1].isupper():
        return previous if usable(previous) else None
    return described_subject(verb, usable)


def issued_speech(verb: Token) -> bool:
    """A cue describing what a statement its issuer put out says ("issued a statement
    saying ...", "released a response arguing ...")."""
    statement = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and lemma(statement) in SPEECH_NOUNS
        and statement.dep_ == "dobj"
        and lemma(statement.head) in ISSUING_VERBS
    )
