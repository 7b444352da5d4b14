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


def setting_of(head: Token) -> str:
    """A fronted place where the mention speaks: "At the federation's offices, chief
    executive X said" (the body named around an officer); read from the words, since the
    parse often hangs the speaker on the place."""
    sentence = head.sent
    if sentence[0].pos_ != "ADP" or head.left_edge.i <= sentence.start:
        return ""
    before = head.doc[sentence.start : head.left_edge.i]
    commas = [t.i for t in before if t.text == ","]
    return head.doc[sentence.start : commas[-1]].text if commas else ""
