"""Matching speakers to registered sides and to the country gazetteer."""

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from service.extraction.lexicon import (
    GENERIC_SIDE_WORDS,
    POLITY_WORDS,
    POSTED_ROLES,
    REGION_DEMONYMS,
    TOPIC_MARKERS,
)

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})
OFFICE_HOLDERS = {
    "ministry": ("minister",),
    "department": ("secretary",),
    "authority": ("commissioner", "director"),
    "commission": ("commissioner",),
    "agency": ("director",),
}


@dataclass(frozen=True)
class SideRef:
    """A side a claim belongs to: registered (id set) or a gazetteer country (auto)."""

    id: str | None
    name: str
    auto: bool = False
    aliases: tuple[str, ...] = field(default=())


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


def _side_phrases(name: str, aliases: list[str] | tuple[str, ...]) -> list[str]:
    """Name, aliases, aliases without a leading 'the', and the core of 'X camp'-style names."""
    phrases = [name, *aliases]
    for phrase in list(phrases):
        lowered = phrase.lower()
        if lowered.startswith("the ") and len(phrase) > 6:
            phrases.append(phrase[4:])
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in GENERIC_SIDE_WORDS:
        phrases.append(" ".join(words[:-1]))
    phrases.extend(office_holder for phrase in phrases for office_holder in _office_holders(phrase))
    return [p for p in dict.fromkeys(p.strip() for p in phrases) if p]


def _office_holders(phrase: str) -> list[str]:
    """Officers of a body alias: "commerce ministry" -> "commerce minister", "transport
    authority" -> "transport commissioner" (only with a domain word: "the ministry" gives none)."""
    words = phrase.split()
    domain = [w for w in words[:-1] if w.lower() not in {"the", "a", "an"}]
    if domain and words[-1].lower() in OFFICE_HOLDERS:
        return [" ".join([*domain, officer]) for officer in OFFICE_HOLDERS[words[-1].lower()]]
    of_form = re.match(r"(?i)(?:the\s+)?ministry of (.+)", phrase)
    return [f"Minister of {of_form.group(1)}", f"{of_form.group(1)} Minister"] if of_form else []


def _polity_demonyms(name: str) -> list[str]:
    """The demonym a registered polity is known by, matched like a country's ("European" for
    "European Union", "Scottish" for "Scottish government"), so only for officials."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in POLITY_WORDS:
        return []
    known = REGION_DEMONYMS | {p for c in gazetteer() for p in (c.name, *c.aliases)}
    return [words[0]] if words[0] in known else []


class PhraseIndex:
    """Whole-phrase lookup of sides in text: earliest match, longest phrase at a position."""

    def __init__(self, entries: list[tuple[str, SideRef]]):
        self._sides: dict[str, SideRef] = {}
        self._found: dict[str, SideRef | None] = {}
        folded, exact = [], []
        for phrase, side in sorted(entries, key=lambda entry: -len(entry[0])):
            key = _normalise(phrase).lower()
            self._sides.setdefault(key, side)
            # Short acronyms match in capitals only: "US" is a side, "us" is a pronoun.
            (exact if phrase.isupper() and len(phrase) <= 3 else folded).append(phrase)
        self._patterns = [
            _alternation(folded, re.IGNORECASE),
            _alternation(exact, 0),
        ]

    def has_phrase(self, lowered: str) -> bool:
        """Whether a lower-cased phrase is one of the indexed names or aliases."""
        return lowered in self._sides

    def find(self, text: str) -> SideRef | None:
        """The side whose phrase occurs earliest in text."""
        if text in self._found:
            return self._found[text]
        self._found[text] = side = self._search(_normalise(text))
        return side

    def _search(self, text: str) -> SideRef | None:
        matches = [m for pattern in self._patterns if pattern for m in pattern.finditer(text)]
        if not matches:
            return None
        # The longest phrase is the most specific ("the club's supporters' trust" is the trust,
        # not the club); among equals a capitalised name beats a generic alias, then the earliest.
        best = max(matches, key=lambda m: (len(m.group(0)), _capitalised(m.group(0)), -m.start()))
        return self._sides.get(best.group(0).lower())


def _alternation(phrases: list[str], flags: int) -> re.Pattern[str] | None:
    """One regex matching any of the phrases as whole words, longest first."""
    if not phrases:
        return None
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
        self._registry = PhraseIndex(
            [(p, side) for side in self.registered for p in _side_phrases(side.name, side.aliases)]
        )
        self._countries = PhraseIndex(
            [(d, side) for side in self.registered for d in _polity_demonyms(side.name)]
            + [
                (p, self._registered_country(c) or c)
                for c in gazetteer()
                for p in [c.name, *c.aliases]
            ]
        )

    def _registered_country(self, country: SideRef) -> SideRef | None:
        """The registered side that stands for a gazetteer country, if any."""
        names = {n.lower() for n in (country.name, *country.aliases)}
        for side in self.registered:
            if {n.lower() for n in (side.name, *side.aliases)} & names:
                return side
        return None

    def resolve(self, registry_texts: list[str], country_texts: list[str]) -> SideRef | None:
        """First registry match over registry_texts, else the first country in country_texts."""
        for text in registry_texts:
            side = self._registry.find(text) if text else None
            if side:
                return side
        for text in country_texts:
            unlocated = located_capital().sub(" ", _normalise(text)) if text else ""
            side = self._countries.find(unlocated) if unlocated else None
            if side and (not side.auto or self.auto_sides):
                return side
        return None

    def is_country_name(self, text: str) -> bool:
        """Whether text is the canonical name of a gazetteer country ("Russia", not "Kremlin")."""
        return _normalise(text).lower().strip() in country_names()

    def known_name_kind(self, text: str) -> str | None:
        """'registry' or 'country' when text is exactly a side's name or alias, else None."""
        lowered = _normalise(text).lower().strip()
        if lowered.startswith("the "):
            lowered = lowered[4:]
        for kind, index in (("registry", self._registry), ("country", self._countries)):
            if index.has_phrase(lowered):
                return kind
        return None


def is_posted(text: str) -> bool:
    """Roles held far from home: "a Western diplomat in Sofia" is not Bulgaria's, while
    "officials in Sofia" are."""
    return bool(POSTED_ROLES & {w.lower() for w in re.findall(r"[A-Za-z]+", text)})


def without_topic(text: str) -> str:
    """A description cut before what the source knows about ("familiar with the plans")."""
    lowered = text.lower()
    cut = min((lowered.find(m) for m in TOPIC_MARKERS if m in lowered), default=len(text))
    return text[:cut]
