"""Roles the article states for a named person in a sentence of their own ("Anggraini acts
as the collective's spokesperson", "Tran is the union's treasurer"): they count for every
claim of that person the sentence-by-sentence pass left without a side."""

from spacy.tokens import Token

from service.extraction.affiliation import Affiliations
from service.extraction.analysis import Found, ParagraphAnalysis
from service.extraction.discourse import Discourse, is_person
from service.extraction.lexicon import (
    ANTAGONIST_NOUNS,
    LAWYER_WORDS,
    MEMBERSHIP_VERBS,
    SPOKESPERSON_WORDS,
    TITLE_WORDS,
)
from service.extraction.mention import without_former, without_topic, words_of
from service.extraction.phrases import span_text
from service.extraction.pipeline import lemma
from service.extraction.sides import Evidence, SideRef, SideResolver

MISREAD_SUBJECTS = ("amod", "compound", "npadvmod", "dep")
Stated = dict[str, tuple[SideRef, Evidence]]
OFFICER_WORDS = (TITLE_WORDS | LAWYER_WORDS | SPOKESPERSON_WORDS | {"member"}) - {
    "a",
    "the",
    "one",
    "of",
}


def stated_roles(
    analyses: list[ParagraphAnalysis], resolver: SideResolver, discourse: Discourse
) -> Stated:
    """The side each person's stated role names, by lower-cased full name."""
    rules = Affiliations(resolver, discourse)
    found: Stated = {}
    for analysis in analyses:
        for token in analysis.doc:
            if not stating_subject(token) or analysis.in_quote(token):
                continue
            person = discourse.by_surname(token.text)
            if person is None or not person.name or person.name.lower() in found:
                continue
            for text in role_texts(token):
                match = rules.registered(text, person.name)
                if match is not None:
                    at = analysis.base + token.idx
                    found[person.name.lower()] = match.side, Evidence("role", text, at)
                    break
    return found


def stating_subject(token: Token) -> bool:
    """Whether a capitalised word is the subject of its verb, also when the parse misreads
    the name ("Anggraini acts as ...": an amod of "acts"; "Wulandari" an adjective)."""
    named = token.pos_ in ("PROPN", "NOUN", "ADJ") and token.text[:1].isupper()
    if not named or token.head.pos_ not in ("VERB", "AUX"):
        return False
    return token.dep_ == "nsubj" or (token.dep_ in MISREAD_SUBJECTS and token.i < token.head.i)


def role_texts(subject: Token) -> list[str]:
    """What the subject's verb says they are: "is the union's treasurer", "acts as the
    collective's spokesperson", "works for the union"; never a denied, past or hostile role."""
    verb = subject.head
    if any(c.dep_ == "neg" for c in verb.children) or verb.tag_ in ("VBD", "VBN"):
        return []
    objects: list[Token] = []
    member = lemma(verb) in MEMBERSHIP_VERBS  # "works for the union" needs no title
    if lemma(verb) == "be":
        objects = [c for c in verb.children if c.dep_ == "attr"]
    elif member or lemma(verb) == "act":
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("as", "for")]
        objects = [o for p in preps for o in p.children if o.dep_ == "pobj"]
    texts = [without_former(without_topic(span_text(list(o.subtree)))) for o in objects]
    return [
        text
        for text in texts
        if (member or words_of(text) & OFFICER_WORDS) and not words_of(text) & ANTAGONIST_NOUNS
    ]


def with_stated_roles(found: list[Found], roles: Stated) -> None:
    """Give a person's claims without a side the side of their stated role."""
    for claim in found:
        speaker = claim.speaker
        if speaker.side is not None or not is_person(speaker) or not speaker.name:
            continue
        stated = roles.get(speaker.name.lower())
        if stated is not None:
            claim.speaker = speaker.with_side(*stated)
