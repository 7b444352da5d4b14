"""Whom "he" and "she" stand for: a person in the sentence or paragraph, never a body."""

from service.extraction.discourse import Discourse, Speaker

BODY_TYPES = ("organization", "group")
DEFINITE_WORDS = ("the", "its", "their", "this", "that")


def described_body(referent: Speaker) -> bool:
    """A body named by a common noun ("The panel"): never what "he" or "she" stands for (a
    translated "he" may stand for a country, and a registered name may be a person's)."""
    words = (referent.name or "").split()
    return referent.type in BODY_TYPES and bool(words) and words[0].lower() in DEFINITE_WORDS


def first_person(discourse: Discourse, nearby: list[Speaker], wanted: str | None) -> Speaker | None:
    """The first person named earlier in the sentence, of the pronoun's gender: "Tom Hale
    said ..., and he said ..."."""
    people = (s for s in nearby if s.type == "person" and s.explicit and s.name)
    return next((s for s in people if discourse.genders.fits(s.name, wanted)), None)


def paragraph_person(discourse: Discourse, base: int, wanted: str | None) -> Speaker | None:
    """The one person of the pronoun's gender this paragraph (starting at base) introduced
    when the last subject is from an earlier paragraph: "At the station, Maureen Platt, 74,
    was waiting. '...,' she said"."""
    subject = discourse.last_subject
    if subject is not None and (subject.start or 0) >= base:
        return None
    fitting = [
        s
        for s in discourse.mentions
        if s.type == "person"
        and s.explicit
        and s.name
        and (s.start or 0) >= base
        and discourse.genders.fits(s.name, wanted)
    ]
    return fitting[0] if len(fitting) == 1 else None
