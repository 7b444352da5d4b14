"""Stance verbs used as positions: 'X accused Y of Z', 'X urged Y to Z', voiced feelings."""

from spacy.tokens import Token

from service.extraction.candidates import Candidate, passive_agent, subject_of
from service.extraction.clauses import (
    describes_noun,
    is_anaphoric,
    is_cue_verb,
    is_duration,
    trimmed,
    without_narrative_tail,
)
from service.extraction.lexicon import (
    ANONYMITY,
    CLAUSAL_ONLY_STANCE,
    CONDITIONAL_MARKS,
    COURT_NOUNS,
    EXPRESSION_VERBS,
    FEELING_NOUNS,
    NARRATIVE_MARKS,
    OBLIGATION_HEADS,
    PERFECT_AUXILIARIES,
    PREDICATIVE_MARKS,
    PREDICATIVE_STANCE,
    PRESENT_AUXILIARIES,
    PROSPECTIVE_HEADS,
    PURSUIT_VERBS,
    STANCE_PREPOSITIONS,
    STANCE_VERBS,
    VERB_STANCE_PREPOSITIONS,
)
from service.extraction.naming import gives_a_name
from service.extraction.pipeline import lemma

STANCE_COMPLEMENTS = ("dobj", "xcomp", "ccomp", "prep", "dative", "oprd", "attr", "acomp", "pcomp")
# Dependents that the parser misattaches to the cue but that continue its complement.
TRAILING_DEPS = ("npadvmod", "dobj", "appos", "attr", "conj", "advcl", "acl", "oprd", "dep")


def in_narrative_clause(token: Token) -> bool:
    """Whether token sits in a background clause such as 'when Biden suggested ...'."""
    for node in [token, *token.ancestors]:
        if node.dep_ == "advcl" and any(narrative_mark(c) for c in node.children):
            return True
    return False


def in_hypothetical_clause(token: Token) -> bool:
    """Whether token sits in a condition ("What happens if the government challenges the
    law"): a supposed act is nobody's stance."""
    for node in [token, *token.ancestors]:
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children
        ):
            return True
    return False


def narrative_mark(child: Token) -> bool:
    """'when' opening a background clause, as a subordinator or (as the parser often has it)
    an adverb in front of the clause."""
    if child.lower_ not in NARRATIVE_MARKS:
        return False
    return child.dep_ == "mark" or (child.dep_ == "advmod" and child.i == child.head.left_edge.i)


def is_stance(verb: Token) -> bool:
    """A stance verb used as one: not a forecast, not reciprocal, not reporting a clause, not
    background narration ("when Biden suggested ...")."""
    if lemma(verb) not in STANCE_VERBS or any(c.dep_ == "ccomp" for c in verb.children):
        return False
    if in_narrative_clause(verb) or describes_noun(verb):
        return False
    if subject_is_patient(verb) or narrated_pursuit(verb):
        return False
    if verb.dep_ == "xcomp" and lemma(verb.head) in PROSPECTIVE_HEADS | OBLIGATION_HEADS:
        return False  # "is expected to challenge", "had to call for quiet": not a stance
    # "blamed each other": no single speaker
    return not any(c.dep_ == "dobj" and c.lower_ in ("other", "another") for c in verb.children)


def narrated_pursuit(verb: Token) -> bool:
    """'The federation is seeking a raise', 'The suit seeks damages': an aim in the present,
    told by the reporter; 'will seek a review' announces one and stays a stance."""
    if lemma(verb) not in PURSUIT_VERBS or verb.dep_ not in ("ROOT", "conj"):
        return False
    progressive = verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.lower_ in PRESENT_AUXILIARIES for c in verb.children
    )
    return progressive or verb.tag_ in ("VBZ", "VBP")


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
        c.dep_ in ("xcomp", "ccomp", "oprd") or asks_for(c, verb) for c in complements
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


def asks_for(complement: Token, verb: Token) -> bool:
    """'pressed for a raise', 'called on ministers': what is asked for. With a direct object
    and no infinitive, 'on' names a topic ("pressed both candidates on immigration"): a
    question, no stance."""
    if complement.lower_ == "for":
        return True
    if complement.lower_ != "on":
        return False
    asked_to_act = any(
        c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    )
    return asked_to_act or not any(c.dep_ == "dobj" for c in verb.children)


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
