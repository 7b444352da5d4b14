"""Evidence rules that read a role: what the sentence says the mention is, the side of an
adversarial proceeding a role belongs to, and the institution an office heads."""

import re
from functools import lru_cache
from typing import Protocol

from service.extraction.lexicon import (
    ADVERSARIAL_ROLES,
    HEAD_WORDS,
    INSTITUTION_OFFICES,
    NATIONAL_BODY_WORDS,
    ORG_WORDS,
    TITLE_WORDS,
)
from service.extraction.mention import Mention, words_of
from service.extraction.sides import Evidence, NameMatch, SideRef, SideResolver


class Rules(Protocol):
    """What these rules read of the evidence rules' state (affiliation.Affiliations); a
    protocol, so that this module does not import the one that imports it."""

    resolver: SideResolver

    def registered(self, text: str, name: str) -> NameMatch | None: ...


Found = tuple[SideRef, Evidence] | None


def stated_role(rules: Rules, mention: Mention) -> Found:
    """The sentence states the role: "X is the president of the union", "the campaign is
    chaired by X"."""
    for text in mention.roles:
        found = rules.registered(text, mention.name)
        if found is not None:
            return found.side, Evidence("role", found.text, mention.at)
    return None


# A fronted phrase of representation: "For the union, X said", "On behalf of X, Y said".
FRONTED_FOR = re.compile(r"^(?:for|on behalf of)\s+(.+)$", re.IGNORECASE)


def represented_in_setting(rules: Rules, mention: Mention) -> Found:
    """A fronted "For X," names whom the speaker argues for: "For the airline, X argued"."""
    fronted = FRONTED_FOR.match(mention.setting) if mention.speaker.type == "person" else None
    found = rules.registered(fronted.group(1), mention.name) if fronted else None
    return (found.side, Evidence("role", found.text, mention.at)) if found else None


def adversarial_role(rules: Rules, mention: Mention) -> Found:
    """A role of a proceeding names its side: a prosecutor is the prosecution, the
    defendant and their lawyers the defence, a plaintiff the claimant."""
    texts = [mention.title, mention.name if mention.speaker.type == "group" else ""]
    texts.append(mention.setting if len(mention.setting.split()) == 1 else "")  # "Defending,"
    for text in (*texts, *mention.roles):
        for side_word, pattern in role_patterns().items():
            role = pattern.search(text) if text else None
            side = unique_side(rules, {side_word}) if role else None
            if side is not None and role is not None:
                return side, Evidence("role", role.group(0), mention.at)
    return None


@lru_cache(maxsize=1)
def role_patterns() -> dict[str, re.Pattern[str]]:
    """One pattern per adversarial side word, matching any of its roles."""
    return {side: words_alternation(roles) for side, roles in ADVERSARIAL_ROLES.items()}


@lru_cache(maxsize=1)
def office_pattern() -> re.Pattern[str]:
    """Any office that heads a kind of institution."""
    return words_alternation(tuple(INSTITUTION_OFFICES))


def words_alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation of phrases, longest first."""
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)


def institution_office(rules: Rules, mention: Mention) -> Found:
    """An office that heads a kind of institution, or a title naming a bare institution
    ("Superintendent X", "Party secretary-general X"), speaks for the one registered
    institution of that kind."""
    # An office left inside the name heads it: "Rector Ernesto Villaseñor Tapia".
    title = (mention.title or leading_office(mention.name)).lower()
    # The phrase keeps what the title split off ("Vice-chancellor X": title "chancellor").
    phrase = mention.phrase if mention.phrase.count(",") == 0 else ""
    said = re.sub(r"\s*-\s*", "-", f"{mention.title} {phrase}")
    if mention.speaker.type != "person" or not title:
        return None
    if names_a_body(said, name_words(mention.speaker.name or "")):
        return None
    offices = list(dict.fromkeys(m.group(0) for m in office_pattern().finditer(said)))
    # Kinds in order: a superintendent heads a district before anything called "schools".
    kinds = [(k, office) for office in offices for k in INSTITUTION_OFFICES[office.lower()]]
    if words_of(said) & HEAD_WORDS:
        bare = re.findall(r"[A-Za-z]+", said)
        kinds += [(word.lower(), word) for word in bare if word.lower() in ORG_WORDS]
    for kind, shown in kinds:
        sides = sides_of_kind(rules, kind)
        if len(sides) == 1:
            return sides[0], Evidence("office", shown, mention.at)
        if sides:
            return None
    return None


def leading_office(name: str) -> str:
    """An office that opens a name and heads an institution ("Rector X"), or ""."""
    found = office_pattern().match(name)
    rest = name[found.end() :].split() if found else []
    return found.group(0) if found and found.group(0)[:1].isupper() and rest else ""


def office_in_setting(rules: Rules, mention: Mention) -> Found:
    """An officer with a bare title speaks for the body named where they speak: "At the
    federation's offices, chief executive X said"."""
    title = mention.title
    if mention.speaker.type != "person" or not words_of(title) & HEAD_WORDS:
        return None
    if names_a_body(title) or not mention.setting:
        return None
    found = rules.resolver.registered_in(mention.setting)
    return (found.side, Evidence("office", found.text, mention.at)) if found else None


def name_words(name: str) -> set[str]:
    """Lower-cased words of a name, letters of any script ("Villaseñor")."""
    return {w.lower() for w in re.findall(r"[^\W\d_][\w']*", name)}


def names_a_body(title: str, own_name: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a title names its own body ("spokeswoman for Eastfield County Council"):
    capitalised words other than titles, institution nouns and the person's own name."""
    capitalised = {w.lower() for w in re.findall(r"\b[A-Z][\w']*", title)}
    known = HEAD_WORDS | TITLE_WORDS | ORG_WORDS | own_name | {"the", "a", "an"}
    return bool(capitalised - known)


def sides_of_kind(rules: Rules, kind: str) -> list[SideRef]:
    """Registered sides whose name or an alias is headed by kind (or holds it, for a
    phrase: "school board")."""
    return [
        side
        for side in rules.resolver.registered
        if any(is_kind(p, kind) for p in (side.name, *side.aliases))
    ]


def is_kind(phrase: str, kind: str) -> bool:
    """Whether a name is of a kind of institution ("Orbury School District": district)."""
    lowered = phrase.lower().replace("\u2019", "'")
    if " " in kind:
        return has_phrase(lowered, kind)
    # "Defence of Marcus Hale" is headed by "defence".
    words = re.split(r"\s+of\s+", lowered, maxsplit=1)[0].split()
    return bool(words) and words[-1].removesuffix("s") == kind.removesuffix("s")


def unique_side(rules: Rules, kinds: set[str]) -> SideRef | None:
    """The one registered side of one of kinds; None when no side or several are."""
    found = {side for kind in kinds for side in sides_of_kind(rules, kind)}
    return found.pop() if len(found) == 1 else None


def has_phrase(text: str, phrase: str) -> bool:
    """Whether text holds phrase as whole words."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


# "chairman of the Fishing Vessel Owners' Association of Iceland": the body, then its country.
NATIONAL_BODY = re.compile(r"^.*\b(\w+)\s+of\s+(?:the\s+)?(.+)$")


def national_body_head(rules: Rules, mention: Mention) -> Found:
    """The head of a country's unregistered trade body ("chairman of the Fishing Vessel
    Owners' Association of Iceland") speaks for that country's registered side."""
    title = mention.title
    if mention.speaker.type != "person" or not words_of(title) & HEAD_WORDS:
        return None
    body = NATIONAL_BODY.search(title)
    if body is None or body.group(1).lower() not in NATIONAL_BODY_WORDS:
        return None
    country = rules.resolver.country_in(body.group(2))
    if country is None or country.side.auto or country.text != body.group(2).strip():
        return None
    return country.side, Evidence("title", title[body.start(1) :], mention.at)
