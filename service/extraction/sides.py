"""Matching speakers to registered sides and to the country gazetteer."""

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from service.extraction.body_names import without_place_named_bodies
from service.extraction.lexicon import (
    GENERIC_SIDE_WORDS,
    POLITY_WORDS,
    REGION_DEMONYMS,
)
from service.extraction.name_forms import (
    another_named_of,
    demonyms,
    inside_longer_name,
    is_person_side,
    number_forms,
    topic_offices,
)

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


@dataclass(frozen=True)
class SideRef:
    """A side a claim belongs to: registered (id set) or a gazetteer country (auto)."""

    id: str | None
    name: str
    auto: bool = False
    aliases: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Evidence:
    """Why a mention speaks for its side: the rule, the words that show it and where
    they were read (a body offset near them)."""

    via: str
    text: str
    at: int | None = None


@dataclass(frozen=True)
class NameMatch:
    """A side found in a text: the words that named it and how they relate to the side."""

    side: SideRef
    text: str
    form: str  # "name", "alias" or "office" (an officer of a body alias)


@lru_cache(maxsize=1)
def gazetteer() -> tuple[SideRef, ...]:
    """Countries with their demonyms, capitals and seats of government."""
    raw = resources.files("service.extraction").joinpath("data/gazetteer.json").read_text("utf-8")
    return tuple(
        SideRef(None, row["name"], auto=True, aliases=(*row["aliases"], *row.get("capitals", ())))
        for row in json.loads(raw)["countries"]
    )


@lru_cache(maxsize=1)
def located_capital() -> re.Pattern[str]:
    """A capital after a preposition is a place, not an affiliation ("University of Nairobi")."""
    raw = resources.files("service.extraction").joinpath("data/gazetteer.json").read_text("utf-8")
    capitals = [c for row in json.loads(raw)["countries"] for c in row.get("capitals", ())]
    body = "|".join(re.escape(_normalise(c)) for c in sorted(capitals, key=len, reverse=True))
    prepositions = "of|in|at|from|near|outside|to|across|around"
    return re.compile(rf"\b(?:{prepositions})\s+(?:{body})(?!\w)", re.IGNORECASE)


def _places_after(prepositions: str) -> re.Pattern[str]:
    """Any country, demonym or capital after one of the prepositions."""
    places = [p for c in gazetteer() for p in (c.name, *c.aliases)]
    body = "|".join(re.escape(_normalise(p)) for p in sorted(places, key=len, reverse=True))
    # Not before a capitalised word: "Federation of Indian Steel Exporters" names no place.
    return re.compile(
        rf"\b(?:{prepositions})\s+(?:the\s+)?(?:{body})(?!\w)(?!\s+(?-i:[A-Z]))", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def located_place() -> re.Pattern[str]:
    """A place named after a preposition, not an affiliation ("University of Peru")."""
    return _places_after("of|in|at|from|near|outside|to|across|around")


@lru_cache(maxsize=1)
def stationed_place() -> re.Pattern[str]:
    """A country or capital where someone is, not whom they serve ("a diplomat in Sofia")."""
    return _places_after("in|at|near|outside|across|around|based in")


def without_stations(text: str) -> str:
    """Text with the places someone is stationed in blanked out."""
    return stationed_place().sub(" ", _normalise(text))


def without_places(text: str) -> str:
    """Text with located places blanked out."""
    return located_place().sub(" ", _normalise(text))


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-cased canonical country names."""
    return frozenset(_normalise(c.name).lower() for c in gazetteer())


def _capitalised(phrase: str) -> bool:
    """Whether a matched phrase is written as a name (ignoring a leading article)."""
    words = phrase.split()
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _normalise(text: str) -> str:
    return text.translate(APOSTROPHES)


def _side_phrases(name: str, aliases: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    """(phrase, form): name, aliases, aliases without a leading 'the', the core of 'X
    camp'-style names, and the officers of body aliases ("commerce minister")."""
    phrases = [(name, "name"), *((a, "alias") for a in aliases)]
    for phrase, form in list(phrases):
        if phrase.lower().startswith("the ") and len(phrase) > 6:
            phrases.append((phrase[4:], form))
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in GENERIC_SIDE_WORDS:
        phrases.append((" ".join(words[:-1]), "name"))
    phrases.extend((o, "office") for phrase, _ in phrases for o in topic_offices(phrase))
    phrases.extend((f, form) for phrase, form in list(phrases) for f in number_forms(phrase))
    if " " not in name:
        phrases.extend((f, "name") for f in number_forms(name.lower()) if f[-1] != "s")
    unique: dict[str, str] = {}
    for phrase, form in phrases:
        if phrase.strip():
            unique.setdefault(phrase.strip(), form)
    return list(unique.items())


def _polity_demonyms(name: str) -> list[str]:
    """The demonym a registered polity is known by, matched like a country's ("European" for
    "European Union", "Scottish" for "Scottish government"), so only for officials."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in POLITY_WORDS:
        return []
    known = REGION_DEMONYMS | {p for c in gazetteer() for p in (c.name, *c.aliases)}
    return [words[0]] if words[0] in known else []


def _registered_demonyms(side: SideRef) -> list[str]:
    """Demonyms a registered polity is known by: of its name ("European Union") or derived
    from it ("Calorian" for "Caloria")."""
    return _polity_demonyms(side.name) + demonyms(side.name)


class PhraseIndex:
    """Whole-phrase lookup of sides in text: earliest match, longest phrase at a position."""

    def __init__(self, entries: list[tuple[str, SideRef, str]], whole_names: bool = True):
        self._whole_names = whole_names
        self._sides: dict[str, tuple[SideRef, str, bool]] = {}
        self._found: dict[str, NameMatch | None] = {}
        # Gazetteer phrases get patterns of their own: the same for every registry, so they
        # compile once per process instead of once per article of each newsroom.
        groups: dict[tuple[bool, bool], list[str]] = {}
        for phrase, side, form in sorted(entries, key=lambda entry: -len(entry[0])):
            key = _normalise(phrase).lower()
            self._sides.setdefault(key, (side, form, phrase == phrase.lower()))
            # Short acronyms match in capitals only: "US" is a side, "us" is a pronoun.
            acronym = phrase.isupper() and len(phrase) <= 3
            groups.setdefault((form == "gazetteer", acronym), []).append(phrase)
        self._patterns = [
            _alternation(phrases, 0 if acronym else re.IGNORECASE)
            for (_, acronym), phrases in sorted(groups.items())
        ]

    def _owned(self, phrase: str) -> tuple[bool, tuple[str, ...], bool]:
        """Whether a phrase is a generic alias, the names of its side, whether an office."""
        side, form, generic = self._sides[phrase.lower()]
        return generic, (side.name, *side.aliases), form == "office"

    def has_phrase(self, lowered: str) -> bool:
        """Whether a lower-cased phrase is one of the indexed names or aliases."""
        return lowered in self._sides

    def find(self, text: str) -> NameMatch | None:
        """The side whose phrase occurs earliest in text, with the words that named it."""
        if text in self._found:
            return self._found[text]
        self._found[text] = found = self._search(_normalise(text))
        return found

    def _search(self, text: str) -> NameMatch | None:
        matches = [
            m
            for pattern in self._patterns
            for m in pattern.finditer(text)
            if not (self._whole_names and inside_longer_name(text, m, *self._owned(m.group(0))))
        ]
        if not matches:
            return None
        # The longest phrase is the most specific ("the club's supporters' trust" is the trust,
        # not the club); among equals a capitalised name beats a generic alias, then the earliest.
        # Names and aliases as registered beat forms derived from them.
        best = max(
            matches,
            key=lambda m: (
                self._sides[m.group(0).lower()][1] != "office",
                len(m.group(0)),
                _capitalised(m.group(0)),
                -m.start(),
            ),
        )
        side, form, _ = self._sides[best.group(0).lower()]
        return NameMatch(side, best.group(0), form)


def _alternation(phrases: list[str], flags: int) -> re.Pattern[str]:
    """One regex matching any of the phrases as whole words, longest first."""
    return _compiled_alternation(tuple(phrases), flags)


@lru_cache(maxsize=256)
def _compiled_alternation(phrases: tuple[str, ...], flags: int) -> re.Pattern[str]:
    """Compiled once per registry: articles of one newsroom share it."""
    body = "|".join(re.escape(_normalise(p)) for p in phrases)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", flags)


class SideResolver:
    """Resolves speaker descriptions to registered sides, falling back to countries."""

    def __init__(self, sides: list[dict] | None, auto_sides: bool = True):
        self.registered = [
            SideRef(
                str(s.get("id")) if s.get("id") is not None else None,
                s["name"],
                aliases=tuple(s.get("aliases") or ()),
            )
            for s in (sides or [])
        ]
        self.auto_sides = auto_sides
        self._people = {
            n.lower()
            for side in self.registered
            if is_person_side(side.name, side.aliases)
            for n in (side.name, *side.aliases)
        }
        self._registered_names = [
            ({n.lower() for n in (side.name, *side.aliases)}, side) for side in self.registered
        ]
        self._registry = PhraseIndex(
            [
                (phrase, side, form)
                for side in self.registered
                for phrase, form in _side_phrases(side.name, side.aliases)
            ]
        )
        self._countries = PhraseIndex(
            [(d, side, "name") for side in self.registered for d in _registered_demonyms(side)]
            + [
                (p, self._registered_country(c) or c, "gazetteer")
                for c in gazetteer()
                for p in [c.name, *c.aliases]
            ],
            # Demonyms in names are judged by who speaks ("Russian Foreign Ministry").
            whole_names=False,
        )

    def _registered_country(self, country: SideRef) -> SideRef | None:
        """The registered side that stands for a gazetteer country, if any."""
        names = {n.lower() for n in (country.name, *country.aliases)}
        return next((side for known, side in self._registered_names if known & names), None)

    def registered_in(self, text: str) -> NameMatch | None:
        """The registered side named in text (by name, alias or office), if any."""
        return self._registry.find(text) if text else None

    def registered_within(self, whole: str, text: str) -> NameMatch | None:
        """The registered side named in text (a cut of whole), unless its alias only opens
        another body's longer name in whole ("the University of Copenhagen")."""
        found = self.registered_in(text)
        if found is None or another_named_of(_normalise(whole), found.text, found.side.name):
            return None
        return found

    def country_in(self, text: str) -> NameMatch | None:
        """The country (registered or, when allowed, from the gazetteer) named in text."""
        unlocated = located_capital().sub(" ", without_place_named_bodies(_normalise(text)))
        found = self._countries.find(unlocated) if unlocated else None
        return found if found and (not found.side.auto or self.auto_sides) else None

    def registered_country_in(self, text: str) -> NameMatch | None:
        """A registered country named in text, also by a capital someone is in ("In Santiago")."""
        found = self._countries.find(_normalise(text)) if text else None
        return found if found is not None and not found.side.auto else None

    def is_country_name(self, text: str) -> bool:
        """Whether text is the canonical name of a gazetteer country ("Russia", not "Kremlin")."""
        return _normalise(text).lower().strip() in country_names()

    def names_person(self, text: str) -> bool:
        """Whether text is the name or an alias of a registered side that is a person."""
        return _normalise(text).lower().strip() in self._people

    def known_name_kind(self, text: str) -> str | None:
        """'registry' or 'country' when text is exactly a side's name or alias, else None."""
        lowered = _normalise(text).lower().strip()
        if lowered.startswith("the "):
            lowered = lowered[4:]
        for kind, index in (("registry", self._registry), ("country", self._countries)):
            if index.has_phrase(lowered):
                return kind
        return None
