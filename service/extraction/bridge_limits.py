"""What a bare title may not be bridged to: an expert is not an office of a body just for
sharing a topic word with it, and a place where something happens is not a body."""

import re

from service.extraction.discourse import Speaker
from service.extraction.lexicon import HEAD_WORDS, ROLE_NOUNS, TITLE_WORDS

# Professions and roles that hold no office of a body ("a health services researcher").
NON_OFFICE_ROLES = ROLE_NOUNS - TITLE_WORDS - HEAD_WORDS
LOCATIVE = r"\b(?:in|at|from|near|outside)\s+(?:the\s+)?"


def expert_by_topic(title_words: list[str], body_words: set[str]) -> bool:
    """The title's head is a profession, not an office, and does not name the body:
    "a health services researcher" is not an officer of the "Department of Health"."""
    if not title_words:
        return False
    head = title_words[-1]
    return head in NON_OFFICE_ROLES and head.removesuffix("s") not in body_words


def named_as_place(body: Speaker, sentence: str) -> bool:
    """The body was named only as where something happened ("In Dublin, a spokesperson
    said ..."), so it cannot be what a later bare title works for."""
    name = body.name or ""
    if not name or not sentence:
        return False
    places = re.findall(LOCATIVE + re.escape(name) + r"\b", sentence, flags=re.IGNORECASE)
    every = re.findall(r"\b" + re.escape(name) + r"\b", sentence, flags=re.IGNORECASE)
    return bool(places) and len(places) == len(every)
