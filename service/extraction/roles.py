"""Roles a sentence gives a mention through its syntax, also where it makes no claim:
"X is the president of the union", "the campaign is chaired by X", "the trial of X"."""

from spacy.tokens import Token

from service.extraction.lexicon import (
    CHARGE_WORDS,
    DEFENDANT_VERBS,
    MEMBERSHIP_VERBS,
    PROCEEDING_AGENTS,
    TRIAL_NOUNS,
)
from service.extraction.phrases import span_text
from service.extraction.pipeline import lemma
from service.extraction.representation import represented

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
    if head.dep_ == "pobj" and verb.dep_ == "agent" and lemma(verb.head) in PROCEEDING_AGENTS:
        roles.append(PROCEEDING_AGENTS[lemma(verb.head)])  # "the case is prosecuted by X"
    if head.dep_ == "pobj" and verb.lower_ == "of" and lemma(verb.head) in TRIAL_NOUNS:
        roles.append("defendant")
    charged = any(c.lower_ in CHARGE_WORDS for c in verb.children)
    if head.dep_ == "nsubj" and lemma(verb) in DEFENDANT_VERBS and charged:
        roles.append("defendant")  # "X denies two charges of fraud"
    if head.dep_ == "nsubj":
        roles += membership_objects(verb)
    roles += represented(head)
    owner = whose_owner(head)
    if owner is not None:
        roles.append(owner.doc[owner.left_edge.i : owner.i + 1].text)
    return roles


MEMBERSHIP_PREPOSITIONS = ("for", "at", "on", "of")


def membership_objects(verb: Token) -> list[str]:
    """What a subject's verbs of membership name: "X runs the campaign", "X gave birth there
    and now helps run the campaign", "X works for the union"."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    verbs += [c for v in verbs if lemma(v) == "help" for c in v.children if c.dep_ == "xcomp"]
    found = []
    for member in (v for v in verbs if lemma(v) in MEMBERSHIP_VERBS):
        found += [span_text(list(c.subtree)) for c in member.children if c.dep_ == "dobj"]
        preps = [c for c in member.children if c.dep_ == "prep"]
        objects = [o for p in preps if p.lower_ in MEMBERSHIP_PREPOSITIONS for o in p.children]
        found += [span_text(list(o.subtree)) for o in objects if o.dep_ == "pobj"]
    return found


def whose_owner(head: Token) -> Token | None:
    """The body a "whose" clause hangs on: "Clydeline, whose chief executive X took over",
    "the council, whose leader, X, ..." (X is the body's officer)."""
    possessed = [head, head.head] if head.dep_ == "appos" else [head]
    for token in possessed:
        if any(t.lower_ == "whose" and t.dep_ == "poss" for t in token.lefts):
            break
        if any(t.lower_ == "whose" and t.dep_ == "poss" for c in token.lefts for t in c.lefts):
            break
    else:
        return None
    clause = token
    while clause.dep_ not in ("relcl", "appos") and clause.head is not clause:
        clause = clause.head
    owner = clause.head
    return owner if owner is not clause and owner.pos_ in ("PROPN", "NOUN") else None


def setting_of(head: Token) -> str:
    """A fronted place where the mention speaks: "At the federation's offices, chief
    executive X said" (the body named around an officer); read from the words, since the
    parse often hangs the speaker on the place."""
    sentence = head.sent
    # "Prosecuting, X said": a fronted participle of a courtroom role
    fronted = sentence[0].pos_ == "ADP" or sentence[0].tag_ == "VBG"
    if not fronted or head.left_edge.i <= sentence.start:
        return ""
    before = head.doc[sentence.start : head.left_edge.i]
    commas = [t.i for t in before if t.text == ","]
    return head.doc[sentence.start : commas[-1]].text if commas else ""
