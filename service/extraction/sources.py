"""Attributions without a reporting verb's complement: "according to", stance nouns, and
the sentences that name whose words a neighbouring quote was."""

from collections.abc import Callable

from spacy.tokens import Span, Token

from service.extraction.candidates import Candidate, passive_agent, subject_of
from service.extraction.clauses import (
    CUE_VERBS,
    possessor_claims,
    trimmed,
    without,
    without_narrative_tail,
)
from service.extraction.lexicon import (
    SPEAKING_VENUES,
    SPEECH_NOUNS,
    SPEECH_SOURCE_PASSIVES,
    STANCE_NOUNS,
    STATEMENT_VERBS,
)
from service.extraction.pipeline import lemma


def according_to_claims(sentence: Span) -> list[Candidate]:
    """'..., according to X': the host clause, attributed to X."""
    claims = []
    for token in sentence:
        if token.lower_ != "according":
            continue
        to = next((c for c in token.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
        host = token.head
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        if source is None or host.i == token.i:
            continue
        rest = without(list(host.subtree), {t.i for t in token.subtree})
        bounds = trimmed(without_narrative_tail(rest))
        if bounds:
            claims.append(Candidate(*bounds, "indirect", token, source, "according to"))
    return claims


def stance_noun_claims(sentence: Span) -> list[Candidate]:
    """'Among the complaints of X are Y': Y is a position of X."""
    claims = []
    for token in sentence:
        if lemma(token) not in STANCE_NOUNS or token.pos_ != "NOUN":
            continue
        holder = next(
            (
                o
                for c in token.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj" and o.pos_ == "PROPN"
            ),
            None,
        )
        copula = token.head.head if token.dep_ == "pobj" else token.head
        if holder is None or lemma(copula) != "be":
            continue
        hidden = {t.i for t in token.head.subtree} if token.dep_ == "pobj" else set()
        hidden |= {t.i for t in token.subtree} | {copula.i}
        bounds = trimmed(without(list(copula.subtree), hidden))
        if bounds:
            claims.append(Candidate(*bounds, "position", token, holder, token.text, 0.8))
    return claims


def possessed_stance_claims(sentence: Span) -> list[Candidate]:
    """'Ortiz's claim that ...', 'rejected her argument that ...': the clause is the
    possessor's claim."""
    claims = []
    for noun in sentence:
        if lemma(noun) not in STANCE_NOUNS or noun.pos_ != "NOUN":
            continue
        governor = next((a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")), None)
        clause = next((c for c in noun.children if is_that_clause(c)), None)
        if clause is None or not possessor_claims(noun, governor):
            continue
        possessor = next(c for c in noun.children if c.dep_ == "poss")
        bounds = trimmed(without_narrative_tail(list(clause.subtree)))
        if bounds:
            claims.append(Candidate(*bounds, "indirect", noun, possessor, noun.text, 0.9))
    return claims


def sourced_stance_claims(sentence: Span) -> list[Candidate]:
    """'despite warnings from a charity that ...', 'complaints from residents that ...': the
    clause is the position of the source the noun comes from."""
    claims = []
    for noun in sentence:
        if lemma(noun) not in STANCE_NOUNS or noun.pos_ != "NOUN":
            continue
        source = object_of(
            next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        )
        clause = next((c for c in noun.children if is_that_clause(c)), None)
        if source is not None and clause is None:
            clause = clause_after(source)
        if source is None or clause is None:
            continue
        bounds = trimmed(without_narrative_tail(list(clause.subtree)))
        if bounds:
            claims.append(Candidate(*bounds, "position", noun, source, noun.text, 0.8))
    return claims


def clause_after(source: Token) -> Token | None:
    """A that-clause right after the source, wherever the parser hung it."""
    after = source.right_edge.i + 1
    if after >= len(source.doc):
        return None
    mark = source.doc[after]
    if mark.lower_ != "that" or mark.dep_ != "mark" or mark.head.i < mark.i:
        return None
    return mark.head


def headline_claims(sentence: Span) -> list[Candidate]:
    """'Lena Ortiz: The park will stay open': a line opening with a full name and a colon
    states what that person says."""
    if sentence.start != 0:
        return []
    colon = next((t for t in sentence if t.text == ":"), None)
    if colon is None:
        return []
    name = list(sentence.doc[: colon.i])
    if len(name) < 2 or any(t.pos_ != "PROPN" for t in name):
        return []
    statement = [t for t in sentence.doc[colon.i + 1 : sentence.end] if not t.is_punct]
    if len(statement) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in statement):
        return []
    head = next(t for t in name if not name[0].i <= t.head.i < colon.i or t.head == t)
    bounds = trimmed(list(sentence.doc[colon.i + 1 : sentence.end]))
    return [Candidate(*bounds, "indirect", colon, head, colon.text, 0.8)] if bounds else []


def is_that_clause(token: Token) -> bool:
    """A clause introduced by 'that' hung on a noun."""
    return token.dep_ in ("acl", "ccomp", "relcl") and any(
        m.dep_ == "mark" and m.lower_ == "that" for m in token.children
    )


def speech_source(verb: Token, usable: Callable[[Token], bool]) -> Token | None:
    """'Those words came from X' / 'So said X': the X that a neighbouring quote belongs to."""
    verb_lemma = lemma(verb)
    if verb_lemma == "come":
        return came_from(verb)
    if verb.lower_ == "according":
        return object_of(next((c for c in verb.children if c.lower_ == "to"), None))
    if verb_lemma in SPEECH_SOURCE_PASSIVES:
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and lemma(subject) in SPEECH_NOUNS:
            return passive_agent(verb, usable)
    if verb_lemma in CUE_VERBS or speaking_at(verb):
        return subject_of(verb, usable)
    if introduces_quote(verb) or delivers_statement(verb):
        return subject_of(verb, usable)
    return verdict_holder(verb) if verb_lemma == "be" else None


def delivers_statement(verb: Token) -> bool:
    """'Grace Mensah read a short statement to reporters': a statement delivered without its
    words in the sentence; they follow in a quote."""
    if lemma(verb) not in STATEMENT_VERBS:
        return False
    statement = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return (
        statement is not None
        and lemma(statement) in SPEECH_NOUNS
        and not any(c.dep_ in ("acl", "relcl", "prep") for c in statement.children)
    )


def introduces_quote(verb: Token) -> bool:
    """'X put it this way: "..."', 'X went further at a forum: "..."': a clause about a
    named speaker that ends in a colon opening a quote introduces that quote."""
    doc = verb.doc
    own = [c.i for c in verb.children if c.text == ":" and c.i > verb.i]  # quote hung on verb
    colon = own[0] if own else verb.right_edge.i + 1
    if colon + 1 >= len(doc) or doc[colon].text != ":" or not doc[colon + 1].is_quote:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and names_speaker(subject)


def names_speaker(subject: Token) -> bool:
    """A name, a titled name or a personal pronoun: someone who can be quoted."""
    if subject.pos_ == "PROPN" or subject.lower_ in ("he", "she", "they"):
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subject.children)


def speaking_at(verb: Token) -> bool:
    """'X was speaking at a conference': X owns the quote just before."""
    progressive = any(c.dep_ == "aux" and lemma(c) == "be" for c in verb.children)
    venue = any(c.dep_ == "prep" and c.lower_ in SPEAKING_VENUES for c in verb.children)
    return lemma(verb) == "speak" and verb.tag_ == "VBG" and progressive and venue


def came_from(verb: Token) -> Token | None:
    """X in "Those words came from X"."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or lemma(subject) not in SPEECH_NOUNS:
        return None
    return object_of(
        next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    )


def object_of(preposition: Token | None) -> Token | None:
    """The object of a preposition, if any."""
    if preposition is None:
        return None
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def verdict_holder(copula: Token) -> Token | None:
    """'That was the verdict of X': X, the owner of the words just quoted."""
    subject = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subject is not None and lemma(subject) in SPEECH_NOUNS:
        # "Her message to the government was simple: ..."
        return next((c for c in subject.children if c.dep_ == "poss"), None)
    if subject is None or subject.lower_ not in ("that", "this", "those", "these", "such"):
        return None
    for attr in copula.children:
        if attr.dep_ == "attr" and lemma(attr) in SPEECH_NOUNS:
            return next(
                (
                    o
                    for p in attr.children
                    if p.dep_ == "prep" and p.lower_ in ("of", "from")
                    for o in p.children
                    if o.dep_ == "pobj"
                ),
                None,
            )
    return None
