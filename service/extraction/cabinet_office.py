"""Evidence rules for a bare cabinet office: "Abuja has demanded their release. ... Foreign
Minister X told journalists" speaks for the one state the text just before names; "Mines
Minister X" for the one government the registry holds, when no other is in sight."""

import re

from service.extraction.declared_neutral import following
from service.extraction.lexicon import (
    GOVERNMENT_WORDS,
    MINISTRY_TOPICS,
    NEUTRAL_ROLES,
    OFFICE_MODIFIERS,
)
from service.extraction.mention import Mention, words_of
from service.extraction.neutral_parties import is_neutral
from service.extraction.setting_rules import (
    ARTICLES,
    Found,
    Rules,
    bare_office,
    is_state,
    names_in,
)
from service.extraction.sides import Evidence, SideRef

CABINET_TITLES = frozenset({"minister", "premier"})
# What a minister's bare title may hold besides the office: its portfolio and its rank.
PORTFOLIO_WORDS = (
    CABINET_TITLES
    | MINISTRY_TOPICS
    | (OFFICE_MODIFIERS - {"the"})
    | {
        "deputy",
        "assistant",
        "and",
        "of",
        "for",
    }
)
# The name of a body a possessor owns: "the state's Department of Mines, Industry and ...".
OWNED_BODY = re.compile(
    r"(?<=\w)(?:'s|\u2019s)\s+[A-Z][\w-]*(?:\s+(?:of|for|and|the|&|[A-Z][\w-]*)\b)*"
)


def without_owned_bodies(text: str) -> str:
    """Text with the names of owned bodies cut after their possessor, which the text names:
    "the state's Department of Mines" names the state (not a body whose name holds it)."""
    return OWNED_BODY.sub("", text)


def governed(side: SideRef) -> bool:
    """A registered polity not in the gazetteer has a government ("Kavarian government")."""
    return any(words_of(alias) & GOVERNMENT_WORDS for alias in side.aliases)


def cabinet_office(rules: Rules, mention: Mention) -> Found:
    """A minister with a bare title speaks for the one state named in the sentence before
    in its paragraph and in its own sentence before it (by name, capital or demonym); none
    when two states are named there, or for a mediator."""
    words = bare_office(mention)
    if not words & CABINET_TITLES or is_neutral(mention):
        return None
    if words_of(following(mention)) & NEUTRAL_ROLES:
        return None  # "Foreign Minister X, who is mediating the talks"
    named = names_in(rules, without_owned_bodies(f"{mention.previous} {mention.before}"))
    states = [match for match in named if is_state(rules, match.side) or governed(match.side)]
    if len({match.side for match in states}) != 1:
        return None
    return states[-1].side, Evidence("office", states[-1].text, mention.at)


def registered_government_minister(rules: Rules, mention: Mention) -> Found:
    """A minister with a bare title ("Mines Minister X", "Premier X") speaks for the one
    government in the registry; none when the title or the text just before names another
    state ("Federal Resources Minister", "after talks in Canberra"), for a mediator, or when
    the registry holds two states."""
    words = words_of(mention.title if mention.speaker.type == "person" else "") - ARTICLES
    if not words & CABINET_TITLES or not words <= PORTFOLIO_WORDS or is_neutral(mention):
        return None  # "Ontario Water Minister", "Federal Water Minister": another's
    if words_of(following(mention)) & NEUTRAL_ROLES:
        return None
    # A government as a whole, not one ministry ("the fisheries ministry" of Norway: a
    # transport minister is not its officer), and no other state registered beside it.
    whole = GOVERNMENT_WORDS - {"ministry"}
    registered = rules.resolver.registered
    governments = {s for s in registered if any(words_of(n) & whole for n in (s.name, *s.aliases))}
    states = {s for s in registered if is_state(rules, s)}
    if len(governments) != 1 or states - governments:
        return None
    (state,) = governments
    for text in (mention.title, mention.phrase, mention.previous, mention.before):
        named = rules.resolver.country_in(text) if text else None
        if named is not None and named.side != state:
            return None  # another country's minister, or one just named
    return state, Evidence("office", mention.title, mention.at)
