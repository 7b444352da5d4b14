"""Bare titles that name a role of the organisation just mentioned (bridging reference)."""

import re

from service.extraction.discourse import Discourse, Speaker, speaker_words
from service.extraction.lexicon import ROLE_NOUNS, TITLE_WORDS
from service.extraction.sides import SideRef

# Titles that hold office in a government; they bridge to a government or ministry.
GOVERNMENT_TITLES = frozenset({"minister", "secretary", "premier", "chancellor"})
GOVERNMENT_WORDS = frozenset({"government", "ministry", "administration", "cabinet", "presidency"})
SPOKESPERSON_WORDS = frozenset({"spokesperson", "spokesman", "spokeswoman", "a", "the"})
# A title with its own place of work states an affiliation ("a professor at X University").
OWN_AFFILIATION = re.compile(r"\b(?:at|from|with|of|for)\s+(?:the\s+)?[A-Z]\w*(?:'s)?\s+[A-Z]")


def bridged_side(speaker: Speaker, discourse: Discourse) -> SideRef | None:
    """Side of an organisation in the previous sentence that a bare title is a role of:
    "China's foreign ministry ... Spokesperson Lin Jian", "the commission ... Deputy
    Commissioner Graham Doyle". Titles that state their own affiliation never bridge."""
    title = speaker.title or ""
    words = speaker_words(title)
    if speaker.type != "person" or not words or OWN_AFFILIATION.search(title):
        return None
    bodies = [
        s
        for s in reversed(discourse.previous_sentence())
        if s.type != "person" and s.side is not None
    ]
    for body in bodies:
        if words <= SPOKESPERSON_WORDS or role_of(words, speaker_words(body.name)):
            return body.side
    return None


def role_of(title_words: set[str], body_words: set[str]) -> bool:
    """Whether a title is an office of the body ("minister" of a ministry or government,
    "commissioner" of a commission, a "governor" among "county governors")."""
    if title_words & GOVERNMENT_TITLES and body_words & GOVERNMENT_WORDS:
        return True
    roles = (title_words & (ROLE_NOUNS | TITLE_WORDS)) - GOVERNMENT_TITLES
    stems = {stem(w) for w in roles}
    return bool(stems & {stem(w) for w in body_words})


def stem(word: str) -> str:
    """Crude stem for matching titles to bodies ("commissioner" ~ "commission")."""
    return word.removesuffix("s").removesuffix("er")
