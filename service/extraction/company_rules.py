"""Evidence rule for a bare office of the article's one company: "Project director X said",
"The site director, X, said" in an article whose only registered company is named elsewhere."""

from typing import Protocol

from service.extraction.discourse import Discourse, Speaker
from service.extraction.lexicon import (
    COMPANY_NOUNS,
    COMPANY_OFFICES,
    CORPORATE_WORDS,
    HEAD_OFFICES,
)
from service.extraction.mention import Mention
from service.extraction.name_forms import is_person_side
from service.extraction.sides import Evidence, SideRef, SideResolver

ARTICLES = ("the ", "a ", "an ")


class Rules(Protocol):
    """What this rule reads of the evidence rules' state (affiliation.Affiliations)."""

    discourse: Discourse
    resolver: SideResolver


Found = tuple[SideRef, Evidence] | None


def company_office(rules: Rules, mention: Mention) -> Found:
    """A title that is nothing but a company office speaks for the one registered company
    the article has named; a head office ("chief executive") only when that company is the
    one registered organisation the article has named."""
    office = bare_title(mention.speaker.title or "")
    if mention.speaker.type != "person" or office not in COMPANY_OFFICES | HEAD_OFFICES:
        return None
    bodies = registered_bodies(rules.discourse)
    companies = {side: body for side, body in bodies.items() if is_company(side, body)}
    if office in HEAD_OFFICES and (len(bodies) != 1 or registered_companies(rules) > 1):
        return None  # a chief executive heads any body: only the one company at all
    if len(companies) != 1:
        return None
    side, body = next(iter(companies.items()))
    shown = body.evidence or Evidence("name", body.name or side.name, body.start)
    return side, Evidence("office", shown.text, shown.at)


def registered_companies(rules: Rules) -> int:
    """How many registered sides are companies by their own names."""
    return sum(is_company(side, None) for side in rules.resolver.registered)


def bare_title(title: str) -> str:
    """A title without its article, lower case ("The site director" -> "site director")."""
    lowered = " ".join(title.lower().split())
    for article in ARTICLES:
        lowered = lowered.removeprefix(article)
    return lowered


def registered_bodies(discourse: Discourse) -> dict[SideRef, Speaker]:
    """The registered bodies the article has shown so far, named or spoken for (a person side
    is no body), each with its first mention by name if any."""
    found: dict[SideRef, Speaker] = {}
    for speaker in discourse.mentions:
        side = speaker.side
        if side is None or side.auto or is_person_side(side.name, side.aliases):
            continue
        if side not in found or found[side].type == "person":
            found[side] = speaker  # its own name shows the body best
    return found


def is_company(side: SideRef, body: Speaker | None) -> bool:
    """Whether a side is a company: a corporate word ends its name ("Brightway Logistics",
    "X Ltd") or it is called by a company noun ("the developer")."""
    if head_word(side.name) in CORPORATE_WORDS and not members_group(side.name):
        return True
    # "group" alone also heads campaigns ("the campaign group")
    called = {head_word(n) for n in (*side.aliases, body.title if body and body.title else "")}
    return bool(called & (COMPANY_NOUNS - {"group"}))


def head_word(name: str) -> str:
    """The last word of a name, lower case."""
    words = name.lower().strip(" .,").split()
    return words[-1] if words else ""


def members_group(name: str) -> bool:
    """A group named for its members is no company ("Lower Dene Residents' Group")."""
    words = name.replace("\u2019", "'").split()
    return len(words) > 1 and words[-1].lower() == "group" and words[-2].endswith(("'", "'s"))
