"""What the article has mentioned so far, for resolving pronouns, surnames and roles."""

import re
from dataclasses import dataclass, replace

from service.extraction.sides import SideRef

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

    def as_dict(self) -> dict:
        """The speaker object of a claim."""
        return {"name": self.name, "title": self.title, "type": self.type}

    def at(self, start: int, end: int, explicit: bool = False) -> "Speaker":
        """The same referent mentioned at another place (a pronoun or a role)."""
        return replace(self, start=start, end=end, explicit=explicit)

    @property
    def words(self) -> set[str]:
        """Lower-cased words of the name and title, for role look-ups."""
        return {w.lower() for w in NAME_WORD.findall(f"{self.name or ''} {self.title or ''}")}


class Discourse:
    """Entities mentioned in the article so far, most recent last."""

    def __init__(self) -> None:
        self.mentions: list[Speaker] = []
        self.last_subject: Speaker | None = None

    def mention(self, speaker: Speaker) -> None:
        """Record an entity mention."""
        self.mentions.append(speaker)

    def by_surname(self, word: str) -> Speaker | None:
        """The latest person whose full name ends with word ("Eriksen" -> "Tor Eriksen")."""
        for speaker in reversed(self.mentions):
            name = speaker.name or ""
            if speaker.type == "person" and " " in name and name.split()[-1] == word:
                return speaker
        return None

    def by_role(self, noun: str) -> Speaker | None:
        """The latest named entity whose name or title contains noun ("the coalition")."""
        for speaker in reversed(self.mentions):
            if speaker.name and speaker.explicit and noun.lower() in speaker.words:
                return speaker
        return None

    def personal(self) -> Speaker | None:
        """Referent of he/she: the last subject, else the last person mentioned."""
        if self.last_subject and self.last_subject.type != "group":
            return self.last_subject
        return next((s for s in reversed(self.mentions) if s.type == "person"), None)

    def collective(self, nearby: list[Speaker]) -> Speaker | None:
        """Referent of they/it: a group, organisation or place nearby, else the last subject."""
        for speaker in reversed(nearby):
            if speaker.type in ("organization", "place", "group"):
                return speaker
        if self.last_subject and self.last_subject.type != "person":
            return self.last_subject
        groups = ("organization", "place", "group")
        return next((s for s in reversed(self.mentions) if s.type in groups), None)
