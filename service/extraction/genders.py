"""The gender a person is shown to have in the article, for resolving he and she: an
honorific before the name, a gendered title or kin noun, or a pronoun already used of them.
Never guessed from the given name."""

import re

from service.extraction.lexicon import FEMININE_WORDS, MASCULINE_WORDS

WORD = re.compile(r"[A-Za-z]+\.?")
PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


def gender_of_words(words: list[str]) -> str | None:
    """'f' or 'm' when the words show one gender only, else None."""
    lowered = {w.lower() for w in words}
    feminine, masculine = bool(lowered & FEMININE_WORDS), bool(lowered & MASCULINE_WORDS)
    if feminine == masculine:
        return None
    return "f" if feminine else "m"


def gender_of_pronoun(word: str) -> str | None:
    """The gender a personal pronoun asks for ("she" -> 'f'); None for others."""
    return gender_of_words([word]) if word.lower() in ("he", "she", "him", "her") else None


def shown_gender(before: str, title: str | None) -> str | None:
    """The gender shown by the word just before a name ("Mr", "Mrs") or by its title
    ("spokeswoman", "the victim's mother")."""
    previous = WORD.findall(before[-8:])[-1:]
    # a pronoun in a title is someone else's ("her lawyer"), and so is a relative clause of
    # possession ("whose 19-year-old son": the son is male, not the speaker)
    if (title or "").lower().startswith("whose "):
        title = ""
    described = [w for w in WORD.findall(title or "") if w.lower() not in PRONOUNS]
    return gender_of_words(previous) or gender_of_words(described)


class Genders:
    """Genders known so far, by person name; the first evidence for a person wins."""

    def __init__(self) -> None:
        self.known: dict[str, str] = {}

    def record(self, name: str | None, gender: str | None) -> None:
        """Note a person's gender when shown."""
        if name and gender:
            self.known.setdefault(name.lower(), gender)

    def of(self, name: str | None) -> str | None:
        """A person's known gender: by full name, or by surname when only one matches."""
        if not name:
            return None
        lowered = name.lower()
        if lowered in self.known:
            return self.known[lowered]
        last = lowered.split()[-1]
        found = {g for n, g in self.known.items() if n.split()[-1] == last}
        return found.pop() if len(found) == 1 else None

    def fits(self, name: str | None, wanted: str | None) -> bool:
        """Whether a person may be the referent of a pronoun of the wanted gender."""
        known = self.of(name)
        return wanted is None or known is None or known == wanted
