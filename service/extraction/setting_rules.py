"""Evidence rules that read where a bare office acts: the body its sentence names before it,
the government just named, the organisation whose officer was just quoted, and the body
whose name holds the place and topic of an office."""

import re
from typing import Protocol

from service.extraction.country_demonyms import known_demonyms
from service.extraction.discourse import Discourse, speaker_words
from service.extraction.lexicon import (
    FIRST_PERSON_PRONOUNS,
    GOVERNMENT_TITLES,
    GOVERNMENT_WORDS,
    HEAD_WORDS,
    ORG_WORDS,
    ROLE_NOUNS,
    SPOKESPERSON_NOUNS,
    SPOKESPERSON_WORDS,
    TITLE_WORDS,
)
from service.extraction.mention import Mention
from service.extraction.role_rules import names_a_body
from service.extraction.sides import Evidence, NameMatch, SideRef, SideResolver

Found = tuple[SideRef, Evidence] | None
# A title with its own place of work states an affiliation ("a professor at X University").
OWN_AFFILIATION = re.compile(r"\b(?:at|from|with|of|for)\s+(?:the\s+)?[A-Z]\w*(?:'s)?\s+[A-Z]")
ARTICLES = frozenset({"the", "a", "an"})


class Rules(Protocol):
    """What these rules read of the evidence rules' state (affiliation.Affiliations)."""

    resolver: SideResolver
    discourse: Discourse

    def registered(self, text: str, name: str) -> NameMatch | None: ...


def role_of(title_words: set[str], body_words: set[str]) -> bool:
    """Whether a title is an office of the body ("minister" of a ministry or government,
    "commissioner" of a commission, a "governor" among "county governors")."""
    if title_words & GOVERNMENT_TITLES and body_words & GOVERNMENT_WORDS:
        return True
    roles = (title_words & (ROLE_NOUNS | TITLE_WORDS)) - GOVERNMENT_TITLES
    return bool({stem(w) for w in roles} & {stem(w) for w in body_words})


def speaks_for_body(title_words: set[str]) -> bool:
    """A bare spokesperson ("the spokesperson") speaks for whichever body employs them."""
    return bool(title_words & SPOKESPERSON_NOUNS) and title_words <= SPOKESPERSON_WORDS


def stem(word: str) -> str:
    """Crude stem for matching titles to bodies ("commissioner" ~ "commission")."""
    return word.removesuffix("s").removesuffix("er")


def bare_office(mention: Mention) -> set[str]:
    """The words of a person's title that names no body of its own ("Principal Secretary",
    "Government spokesman"), or none."""
    title = mention.speaker.title or ""
    if mention.speaker.type != "person" or not title or OWN_AFFILIATION.search(title):
        return set()
    if names_a_body(title, speaker_words(mention.speaker.name)):
        return set()
    return speaker_words(title) - ARTICLES


def office_in_sentence(rules: Rules, mention: Mention) -> Found:
    """A bare office of the body its sentence names before it: "Kenya's sports ministry has
    asked ..., Principal Secretary X said" (a secretary of a ministry)."""
    words = bare_office(mention)
    before = mention.before.replace("\u2019", "'") if words else ""
    found = rules.resolver.registered_in(before) if before else None
    if found is None or not (speaks_for_body(words) or role_of(words, speaker_words(found.text))):
        return None
    if not re.match(rf"\s*(?:the\s+)?{re.escape(found.text)}", before, re.IGNORECASE):
        return None  # the body must be what the clause is about, its subject
    if speaker_words(before) & FIRST_PERSON_PRONOUNS:
        return None  # "The ministry has ignored our letters": the speaker is on the other end
    return found.side, Evidence("office", found.text, mention.at)


def government_office(rules: Rules, mention: Mention) -> Found:
    """An unqualified government office speaks for the one state named just before it:
    "Lomé rejected that account. Government spokesman X said" (by its capital, name or
    demonym)."""
    words = bare_office(mention)
    if not words & GOVERNMENT_WORDS or not words - GOVERNMENT_WORDS <= SPOKESPERSON_WORDS:
        return None
    named = names_in(rules, f"{mention.previous} {mention.before}")
    states = [match for match in named if is_state(rules, match.side)]
    if len({match.side for match in states}) != 1:
        return None  # "Accra and Lomé traded accusations": no one government just named
    return states[-1].side, Evidence("office", states[-1].text, mention.at)


def is_state(rules: Rules, side: SideRef) -> bool:
    """Whether a side is a country (in the gazetteer or the demonym table)."""
    return side.auto or rules.resolver.is_country_name(side.name) or bool(known_demonyms(side.name))


def officer_in_focus(rules: Rules, mention: Mention) -> Found:
    """A bare officer title speaks for the body whose officer the sentence before in its
    paragraph quoted, when that sentence names no other body: "X, the federation's
    president, said ... Secretary general Y denied ..."."""
    words = bare_office(mention)
    if not words or not words <= HEAD_WORDS or not mention.previous:
        return None
    for person in reversed(rules.discourse.previous_sentence()):
        shown = person.evidence
        if person.type != "person" or person.side is None or shown is None:
            continue
        if speaker_words(person.title) & HEAD_WORDS and shown.via in OFFICER_EVIDENCE:
            if sides_named(rules, mention.previous) != {person.side}:
                return None  # another body is in the sentence too: no single one in focus
            return person.side, Evidence("office", shown.text, shown.at)
    return None


def officer_of_subject(rules: Rules, mention: Mention) -> Found:
    """A bare officer title speaks for the body the sentence before in its paragraph is
    about, when it opens that sentence (or its fronted "For X,") and is the only body named:
    "Velmora said it would appeal. Chief executive X said ..."."""
    words = bare_office(mention)
    previous = mention.previous.replace("\u2019", "'").lstrip(' "\u201c')
    if not words or not words <= HEAD_WORDS or not previous:
        return None
    named = names_in(rules, previous)
    if len({match.side for match in named}) != 1 or is_state(rules, named[0].side):
        return None
    subject = named[0].text.lower()
    # "For Aer Solas, the delay is unwelcome": a fronted "for X" makes X what it is about
    if not re.match(rf"(?:for\s+)?(?:the\s+)?{re.escape(subject)}\b", previous.lower()):
        return None
    return named[0].side, Evidence("office", named[0].text, mention.at)


def sides_named(rules: Rules, text: str) -> set[SideRef]:
    """Every registered side a text names."""
    return {match.side for match in names_in(rules, text)}


def names_in(rules: Rules, text: str) -> list[NameMatch]:
    """The registered names in a text, most specific first."""
    found: list[NameMatch] = []
    text = text.replace("\u2019", "'").replace("\u2018", "'")  # as the resolver reads it
    for _ in range(MAX_NAMED):
        match = rules.resolver.registered_in(text)
        if match is None:
            break
        found.append(match)
        text = re.sub(re.escape(match.text), " ", text, flags=re.IGNORECASE)
    return found


MAX_NAMED = 6


# Evidence that makes a person an officer of their side, not only a member or a national.
OFFICER_EVIDENCE = ("possessive", "office", "title", "apposition")


def place_topic_office(rules: Rules, mention: Mention) -> Found:
    """An office named by a place and a topic speaks for the one body whose name holds both:
    "the Tamsett County health officer" -> "Tamsett County Health Department"."""
    title = re.sub(r"(?:'s|\u2019s)\b", "", mention.title)
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", title) if w.lower() not in ARTICLES]
    if mention.speaker.type != "person" or len(words) < 3 or words[-1].lower() not in HEAD_WORDS:
        return None
    described = words[:-1]
    places = [w for w in described if w[:1].isupper()]
    topics = [w for w in described if w[:1].islower()]
    if not places or not topics:
        return None
    wanted = {w.lower() for w in described}
    sides = {
        side
        for side in rules.resolver.registered
        for name in (side.name, *side.aliases)
        if wanted <= speaker_words(name) and name.split()[-1].lower() in ORG_WORDS
    }
    if len(sides) != 1:
        return None
    return sides.pop(), Evidence("office", " ".join(words), mention.at)
