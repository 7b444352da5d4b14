"""What the article has mentioned so far, for resolving pronouns, surnames and roles."""

import re
from dataclasses import dataclass, replace
from typing import cast

from service.extraction.genders import Genders
from service.extraction.lexicon import COMPANY_NOUNS, CORPORATE_WORDS, LAWYER_WORDS, TITLE_WORDS
from service.extraction.name_forms import is_person_side
from service.extraction.sides import Evidence, SideRef
from service.extraction.types import Speaker as ClaimSpeaker
from service.extraction.types import SpeakerType

NAME_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Speaker:
    """Who made a claim, where they are mentioned, and the side they stand for."""

    name: str | None
    title: str | None
    type: str
    start: int | None = None
    end: int | None = None
    side: SideRef | None = None
    explicit: bool = True
    evidence: Evidence | None = None

    def as_dict(self) -> ClaimSpeaker:
        """The speaker object of a claim."""
        kind = cast(SpeakerType, self.type)  # the builders only make the contract's types
        return {"name": self.name, "title": self.title, "type": kind}

    def at(self, start: int, end: int, explicit: bool = False) -> "Speaker":
        """The same referent mentioned at another place (a pronoun or a role): its side
        is shown where it was introduced."""
        return replace(
            self, start=start, end=end, explicit=explicit, evidence=referred(self.evidence)
        )

    def with_side(self, side: SideRef | None, evidence: Evidence | None) -> "Speaker":
        """The same mention attributed to a side for the reason given."""
        return replace(self, side=side, evidence=evidence if side is not None else None)


def referred(evidence: Evidence | None) -> Evidence | None:
    """Evidence read at an earlier mention of the same referent."""
    return replace(evidence, via="coreference") if evidence is not None else None


def lowered(words: list[str]) -> list[str]:
    """Words in lower case."""
    return [w.lower() for w in words]


def speaker_words(text: str | None) -> set[str]:
    """Lower-cased words of a name or title."""
    return {w.lower() for w in NAME_WORD.findall(text or "")}


class Discourse:
    """Entities mentioned in the article so far, most recent last."""

    def __init__(self) -> None:
        self.mentions: list[Speaker] = []
        self.last_subject: Speaker | None = None
        self.sentence = 0
        self._sentence_of: list[int] = []
        self._subject_at = -1
        self.genders = Genders()

    def mention(self, speaker: Speaker) -> None:
        """Record an entity mention."""
        self.mentions.append(speaker)
        self._sentence_of.append(self.sentence)

    def subject(self, speaker: Speaker) -> None:
        """Record the subject of the current sentence."""
        self.last_subject = speaker
        self._subject_at = self.sentence

    def next_sentence(self) -> None:
        """Mark the end of a sentence."""
        self.sentence += 1

    def previous_sentence(self) -> list[Speaker]:
        """Entities mentioned in the sentence just finished, its subject last."""
        last = self.sentence - 1
        found = [s for s, n in zip(self.mentions, self._sentence_of, strict=True) if n == last]
        if self.last_subject is not None and self._subject_at == last:
            found.append(self.last_subject)
        return found

    def by_surname(self, word: str) -> Speaker | None:
        """The latest person whose full name ends with word (in any case: "Al-Maamari" for
        "Salim al-Maamari"), or has it as a middle name ("Ticona" of the double surname
        "Marcelo Ticona Vargas"), or, failing that, starts with it."""
        people = [(s, named_words(s)) for s in reversed(self.mentions)]
        people = [(s, words) for s, words in people if len(words) > 1]
        wanted = word.lower()
        for positions in (slice(-1, None), slice(1, -1), slice(0, 1)):
            found = next((s for s, words in people if wanted in words[positions]), None)
            if found is not None:
                return as_person(found)
        return None

    def by_name(self, name: str) -> Speaker | None:
        """The first mention (the introduction) of a person by the same full name with a side."""
        wanted = name.lower()
        return next(
            (
                s
                for s in self.mentions
                if s.type == "person" and s.side is not None and (s.name or "").lower() == wanted
            ),
            None,
        )

    def by_title_head(self, noun: str) -> Speaker | None:
        """The latest person whose title is headed by noun ("the superintendent" after
        "Superintendent Gregory Ashby", but not "the retailer" after "a spokeswoman for
        the retailer")."""
        noun = noun.lower()
        people = [s for s in reversed(self.mentions) if s.name and s.explicit and s.title]
        return next((s for s in people if title_head(s.title or "") == noun), None)

    def by_role(
        self, noun: str, personal: bool, modifiers: frozenset[str] = frozenset()
    ) -> Speaker | None:
        """The latest entity named by noun: a person by title ("the spokesman") or an
        organisation by name ("the coalition"); modifiers must match too ("the central bank"
        is not "Baltic Crest Bank", "the Kenyan minister" not "Tanzania's minister")."""
        noun = noun.lower()
        named = [s for s in reversed(self.mentions) if s.name and s.explicit]
        if personal:
            wanted = {noun, *modifiers}
            return next((s for s in named if wanted <= speaker_words(s.title)), None)
        wanted = {noun, *modifiers}
        for types in (("organization", "place"), ("group",)):
            found = [s for s in named if s.type in types and wanted <= speaker_words(s.name)]
            headed = [s for s in found if (s.name or "").lower().split()[-1:] == [noun]]
            if headed or found:
                return (headed or found)[0]
        return None

    def by_company(self) -> Speaker | None:
        """The latest organisation introduced as a company ("Northwind Homes, the
        developer"; "Calder Chemical Corp."): what "the company" refers back to."""
        for speaker in reversed(self.mentions):
            if speaker.type != "organization" or not speaker.explicit or not speaker.name:
                continue
            last = speaker.name.split()[-1].lower().strip(".,")
            if title_head(speaker.title or "") in COMPANY_NOUNS or last in CORPORATE_WORDS:
                return speaker
        return None

    def counsel(self) -> Speaker | None:
        """Referent of a bare "counsel said": the subject of the sentence just before, when
        that subject was introduced as counsel (a lawyer's title, or whom they argue for)."""
        found = self.last_subject
        if found is None or found.type != "person" or self._subject_at < self.sentence - 1:
            return None
        lawyer = bool(speaker_words(found.title) & LAWYER_WORDS)
        arguing = found.evidence is not None and found.evidence.via == "role"
        return found if lawyer or arguing else None

    def personal(self, wanted: str | None = None) -> Speaker | None:
        """Referent of he/she: the last subject, else the last person mentioned, of the
        pronoun's gender when a person's gender is known."""
        subject = self.last_subject
        fits = subject is not None and self.genders.fits(subject.name, wanted)
        if subject and subject.type != "group" and (subject.type != "person" or fits):
            return subject
        people = (s for s in reversed(self.mentions) if s.type == "person")
        return next((s for s in people if self.genders.fits(s.name, wanted)), None)

    def person(self, other_than: str | None, wanted: str | None = None) -> Speaker | None:
        """Owner of his/her in a title ("her barrister"): a person other than the one
        titled and of the pronoun's gender, never a body (a registered person's side shows
        a person however the mention was typed: "Fenn" for side "Dario Fenn")."""
        found = self.personal(wanted)
        fits = found is not None and self.genders.fits(found.name, wanted)
        if found is not None and fits and is_person(found) and found.name != other_than:
            return found
        people = (s for s in reversed(self.mentions) if is_person(s) and s.name != other_than)
        return next((s for s in people if self.genders.fits(s.name, wanted)), None)

    def plural(self) -> Speaker | None:
        """Referent of they when a group (people, not one body) was named in the last two
        sentences: "Tenants said ... The council said ... They said" are the tenants."""
        recent = zip(reversed(self.mentions), reversed(self._sentence_of), strict=True)
        found = (s for s, n in recent if n >= self.sentence - 2 and people_named(s))
        return next(found, None)

    def recent_body(self) -> Speaker | None:
        """The organisation "its president" or "the group" refers to: the subject of the last
        sentence if it is one, else the one mentioned last within two sentences."""
        subject = self.last_subject
        recent = self._subject_at >= self.sentence - 1
        if subject is not None and subject.type == "organization" and recent:
            return subject
        window = self.sentence - 2
        found = [
            s
            for s, n in zip(self.mentions, self._sentence_of, strict=True)
            if n >= window and s.type == "organization"
        ]
        return max(found, key=lambda s: s.start or -1, default=None)

    def collective(self, nearby: list[Speaker]) -> Speaker | None:
        """Referent of they/it: a group, organisation or place nearby, else the last subject."""
        for speaker in reversed(nearby):
            if speaker.type in ("organization", "place", "group"):
                return speaker
        if self.last_subject and self.last_subject.type != "person":
            return self.last_subject
        groups = ("organization", "place", "group")
        return next((s for s in reversed(self.mentions) if s.type in groups), None)


def title_head(title: str) -> str:
    """The word a title is headed by: the last before any of/for/at ("chair of the union")."""
    words = re.split(r"\s+(?:of|for|at|with|in|to)\s+", title.lower(), maxsplit=1)[0].split()
    return words[-1].strip(",.") if words else ""


def named_words(speaker: Speaker) -> list[str]:
    """The lower-cased words of a person's name; of a mention left untyped with a title in
    lower case before the name ("union chairman Kang Tae-jun"), the name's words."""
    words = (speaker.name or "").split()
    if speaker.type == "person":
        return lowered(words)
    titled = [w for w in words if not w[:1].isupper()]
    if speaker.type != "unknown" or not set(lowered(titled)) & TITLE_WORDS:
        return []
    return lowered(words[len(titled) :]) if words[: len(titled)] == titled else []


def as_person(speaker: Speaker) -> Speaker:
    """A titled untyped mention as the person it names ("Kang Tae-jun", a person)."""
    if speaker.type == "person" or not speaker.name:
        return speaker
    words = speaker.name.split()
    name = " ".join(words[len([w for w in words if not w[:1].isupper()]) :])
    return replace(speaker, name=name, type="person")


def is_person(speaker: Speaker) -> bool:
    """Whether a mention is of a person: typed so, or naming a side that is a person."""
    side = speaker.side
    return speaker.type == "person" or (
        side is not None and is_person_side(side.name, side.aliases)
    )


def people_named(speaker: Speaker) -> bool:
    """A group of people named by a short plural ("Tenants", "Local residents"), not a
    description that happens to be a subject ("The tensions between Russia and ...")."""
    words = (speaker.name or "").lower().split()
    return speaker.type == "group" and 0 < len(words) <= 3 and not set(words) & CONNECTIVES


CONNECTIVES = frozenset({"between", "of", "and", "in", "over", "with", "from", "for"})
