"""Words that keep a country from being a mention's side: a neutral between parties ("who
is mediating the talks") and a joint body of two countries ("Xian-Yian Friendship Society")."""

import re

from service.extraction.lexicon import CHAIRING_VERBS, FORUM_NOUNS, NEUTRAL_ROLES, ORG_WORDS
from service.extraction.mention import Mention, words_of


def is_neutral(mention: Mention) -> bool:
    """A mediator, or who chairs a forum of several parties ("who chairs the talks")."""
    said = " ".join((mention.title, mention.phrase, *mention.relatives)).lower()
    words = words_of(said)
    if words & NEUTRAL_ROLES:
        return True
    chairs = bool(words & CHAIRING_VERBS)
    return chairs and any(re.search(rf"\b{re.escape(n)}\b", said) for n in FORUM_NOUNS)


# A demonym joined to another by a hyphen opens a joint body's name ("Xian-Yian Friendship
# Society"), which speaks for neither country.
JOINT_NAME = re.compile(r"\s?-\s?(?-i:[A-Z])[\w\u2019']*((?:\s+(?-i:[A-Z])[\w\u2019'-]*)*)")


def names_another_body(text: str, country: str) -> bool:
    """The country's word opens the name of a joint body of two countries, not the state."""
    found = re.search(rf"(?<!\w){re.escape(country)}(?!\w)", text)
    joint = JOINT_NAME.match(text, found.end()) if found else None
    return joint is not None and bool(set(joint.group(1).lower().split()) & ORG_WORDS)
