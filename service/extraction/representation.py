"""Whom a mention says it represents: "speaking on behalf of the residents' group",
"speaking for the union", "representing the tenants", or a body's event it appears at
("appeared at the association's press conference")."""

from spacy.tokens import Token

from service.extraction.lexicon import EVENT_NOUNS, REPRESENTATION_VERBS
from service.extraction.phrases import span_text
from service.extraction.pipeline import lemma


def represented(head: Token) -> list[str]:
    """Texts naming the body the mention headed by head speaks for."""
    found = [text for verb in participles(head) for text in represented_by(verb)]
    if head.dep_ == "nsubj" and lemma(head.head) in REPRESENTATION_VERBS:
        found += event_hosts(head.head)
    if head.dep_ in SUBJECTS:
        found += set_off_for(head)
    return found


def set_off_for(subject: Token) -> list[str]:
    """A "for" phrase set off by commas between a subject and its verb, which the parser
    hangs on the verb: "X KC, for the defence, said"."""
    verb, doc = subject.head, subject.doc
    return [
        span_text(list(o.subtree))
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "for" and subject.i < prep.i < verb.i
        if doc[prep.i - 1].text == ","
        for o in prep.children
        if o.dep_ == "pobj"
    ]


def participles(head: Token) -> list[Token]:
    """Participles of representation the mention is the subject of: its own ("X, speaking
    for the union, said") or one after its clause ("X told the committee, speaking ...")."""
    found = [c for c in head.children if c.dep_ == "acl"]
    if head.dep_ in SUBJECTS:
        found += fronted_participles(head) + later_participles(head)
    return [
        t
        for t in found
        if t.tag_ == "VBG"
        and lemma(t) in (*REPRESENTATION_VERBS, "represent")
        and not any(c.dep_ in SUBJECTS for c in t.children)
    ]


def fronted_participles(subject: Token) -> list[Token]:
    """Adverbial participles opening the subject's clause: "Opening the case for the
    prosecution, X said"."""
    verb = subject.head
    return [c for c in verb.children if c.dep_ == "advcl" and c.i < subject.left_edge.i]


def later_participles(subject: Token) -> list[Token]:
    """Adverbial participles after a subject, before the next subject of its sentence."""
    doc, found = subject.doc, []
    for i in range(subject.i + 1, len(doc)):
        token = doc[i]
        if token.is_sent_start or token.dep_ in SUBJECTS:
            break
        if token.dep_ == "advcl" and token.tag_ == "VBG":
            found.append(token)
    return found


SUBJECTS = ("nsubj", "nsubjpass")


def represented_by(verb: Token) -> list[str]:
    """ "on behalf of X", "for X" (speaking, acting) or the object of "representing"."""
    if lemma(verb) == "represent":
        return [span_text(list(c.subtree)) for c in verb.children if c.dep_ == "dobj"]
    found = []
    # "for" may hang on the case put: "opening the case for the prosecution".
    cases = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "case"]
    for prep in (c for t in (verb, *cases) for c in t.children if c.dep_ == "prep"):
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ == "for":
            found += [span_text(list(o.subtree)) for o in objects]
        if prep.lower_ == "on" and any(o.lower_ == "behalf" for o in objects):
            owners = [
                o
                for b in objects
                for p in b.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            found += [span_text(list(o.subtree)) for o in owners]
    return found


def event_hosts(verb: Token) -> list[str]:
    """The body whose event the subject appears or speaks at: "at the union's rally"."""
    return [
        span_text(list(owner.subtree))
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "at"
        for event in prep.children
        if event.dep_ == "pobj" and event.lower_ in EVENT_NOUNS
        for owner in event.children
        if owner.dep_ == "poss"
    ]
