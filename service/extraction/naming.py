"""A naming verb whose complement is a proper name ("a plan the district calls "Right-Size
2030"") gives a name, not a stance: "called the plan reckless" is a stance."""

from spacy.tokens import Token

from service.extraction.lexicon import NAMING_VERBS
from service.extraction.pipeline import lemma


def gives_a_name(verb: Token, complements: list[Token]) -> bool:
    """The naming verb's only complements are proper names (no object: "a plan the district
    calls X"; "called the plan X" has one and may be a stance)."""
    if lemma(verb) not in NAMING_VERBS or not complements:
        return False
    return all(c.dep_ == "oprd" and is_proper_name(c) for c in complements)


def is_proper_name(head: Token) -> bool:
    """Every word of the phrase is capitalised ("Right-Size 2030", "Project Horizon")."""
    words = [t for t in head.subtree if t.is_alpha]
    return bool(words) and all(t.text[:1].isupper() for t in words)
