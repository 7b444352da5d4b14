"""Roles a sentence gives a mention through its syntax, also where it makes no claim:
"X is the president of the union", "the campaign is chaired by X", "the trial of X"."""

from spacy.tokens import Token

from service.extraction.lexicon import MEMBERSHIP_VERBS, TRIAL_NOUNS
from service.extraction.phrases import span_text
from service.extraction.pipeline import lemma

COPULA_COMPLEMENTS = ("attr", "acomp")


def syntactic_roles(head: Token) -> list[str]:
    """Texts that state what the mention headed by head is a member or officer of."""
    roles = []
    verb = head.head
    if head.dep_ == "nsubj" and lemma(verb) == "be":
        roles += [span_text(list(c.subtree)) for c in verb.children if c.dep_ in COPULA_COMPLEMENTS]
    if head.dep_ == "pobj" and verb.dep_ == "agent" and lemma(verb.head) in MEMBERSHIP_VERBS:
        body = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        roles += [span_text(list(c.subtree)) for c in body]
    if head.dep_ == "pobj" and verb.lower_ == "of" and lemma(verb.head) in TRIAL_NOUNS:
        roles.append("defendant")
    return roles
