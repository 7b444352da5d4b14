"""Evidence rule for a bare title bridged to the body named in the previous sentence:
"China's foreign ministry ... Spokesperson Lin Jian"."""

from typing import Protocol

from service.extraction.bridge_limits import expert_by_topic, named_as_place
from service.extraction.discourse import Discourse, speaker_words
from service.extraction.lexicon import SPOKESPERSON_WORDS
from service.extraction.mention import Mention
from service.extraction.setting_rules import OWN_AFFILIATION, role_of
from service.extraction.sides import Evidence, SideRef

Found = tuple[SideRef, Evidence] | None


class Rules(Protocol):
    """What this rule reads of the evidence rules' state (affiliation.Affiliations)."""

    discourse: Discourse


def bridged_office(rules: Rules, mention: Mention) -> Found:
    """A bare title that is an office of the body named in the previous sentence:
    "China's foreign ministry ... Spokesperson Lin Jian". Titles with an affiliation of
    their own never bridge."""
    title = mention.speaker.title or appositive(mention)
    words = speaker_words(title)
    if mention.speaker.type != "person" or not words or OWN_AFFILIATION.search(title):
        return None
    for body in reversed(rules.discourse.previous_sentence()):
        if body.type == "person" or body.side is None or named_as_place(body, mention.previous):
            continue
        body_words = speaker_words(body.name)
        if expert_by_topic(title.lower().split(), body_words):
            continue
        if words <= SPOKESPERSON_WORDS or role_of(words, body_words):
            shown = body.evidence or Evidence("office", body.name or "", body.start)
            return body.side, Evidence("office", shown.text, shown.at)
    return None


def appositive(mention: Mention) -> str:
    """The description set off after a name ("Maria Lopez, one of the organisers")."""
    name = mention.speaker.name or ""
    head, comma, rest = mention.phrase.partition(",")
    return rest.strip(" ,") if comma and name and head.strip().endswith(name) else ""
