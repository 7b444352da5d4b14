"""Roles the article states for a named person in a sentence of their own ("Anggraini acts
as the collective's spokesperson", "Tran is the union's treasurer"): they count for every
claim of that person the sentence-by-sentence pass left without a side."""

import re

from spacy.tokens import Token

from service.extraction.affiliation import Affiliations
from service.extraction.analysis import Found, ParagraphAnalysis
from service.extraction.discourse import Discourse, Speaker, is_person
from service.extraction.genders import gender_of_pronoun
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

RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b")
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
    last: Speaker | None = None  # the person last named as a subject, for "he"/"she"
    for analysis in analyses:
        for token in analysis.doc:
            if analysis.in_quote(token):
                continue
            if token.dep_ == "nsubj" and token.lower_ in ("he", "she"):
                person, texts = last, fronted_role(token)
                if person is None or not discourse.genders.fits(person.name, gender(token)):
                    continue
            elif stating_subject(token):
                person = last = discourse.by_surname(token.text)
                texts = role_texts(token)
            else:
                continue
            if person is None or not person.name or person.name.lower() in found:
                continue
            for text in texts:
                match = rules.registered(text, person.name)
                if match is not None:
                    at = analysis.base + token.idx
                    found[person.name.lower()] = match.side, Evidence("role", text, at)
                    break
    return found


def gender(pronoun: Token) -> str | None:
    """The gender a subject pronoun asks for."""
    return gender_of_pronoun(pronoun.lower_)


def fronted_role(pronoun: Token) -> list[str]:
    """A role set before a pronoun subject: "Now chair of the supporters' trust, which owns
    11 percent of the club, he said" (not a setting: "After the vote, he said")."""
    sentence = pronoun.sent
    fronted = [t for t in sentence if t.i < pronoun.i]
    while fronted and (fronted[0].pos_ in ("INTJ", "ADV") or fronted[0].lower_ == "as"):
        fronted = fronted[1:]  # "Now", "As"
    if not fronted or fronted[0].pos_ not in ("NOUN", "DET", "ADJ", "PROPN"):
        return []
    head = next((t for t in fronted if t.pos_ == "NOUN"), None)
    if head is None or head.lower_ not in OFFICER_WORDS:
        return []
    text = RELATIVE.split(without_former(without_topic(span_text(fronted))))[0].strip(" ,")
    return [text] if text and not words_of(text) & ANTAGONIST_NOUNS else []


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
