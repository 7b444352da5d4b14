"""What the evidence rules read about one mention: its own words, its context and the
roles its sentence gives it, with descriptions cut before topics and past roles."""

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from service.extraction.discourse import Speaker
from service.extraction.lexicon import FORMER_WORDS, SEPARATION_MARKERS, TOPIC_MARKERS

WORD = re.compile(r"[A-Za-z]+")
PARTS = re.compile(r",|;|\band\b")
# A role held in the past up to a time: "who worked as a team leader at X until 2023".
ENDED_ROLE = re.compile(r"\b(?:worked|served|was|were)\b.*\buntil\b")
# A title held up to a past year: "the company's finance chief until 2020" (not a term that
# runs on: "who will chair it until 2030", "chief executive until at least 2027").
ENDED_TITLE = re.compile(
    r"^(?!.*\b(?:will|remains?|is|are|at\s+least)\b).*\buntil\s+(?:19|20)\d\d\b"
)
# A role held over a closed span of past years: "who led the council from 2009 to 2017".
ENDED_SPAN = re.compile(
    r"^(?!.*\b(?:will|remains?|is|are)\b).*\bfrom\s+(?:19|20)\d\d\s+(?:to|until)\s+"
    r"(?:19|20)\d\d\b"
)


def words_of(text: str) -> set[str]:
    """Lower-cased words of a text."""
    return {w.lower() for w in WORD.findall(text)}


def without_topic(text: str) -> str:
    """A description cut before what the source knows about ("familiar with the plans") and
    before a denied link ("which is independent of the union")."""
    lowered = text.lower()
    markers = (*TOPIC_MARKERS, *SEPARATION_MARKERS)
    cut = min((lowered.find(m) for m in markers if m in lowered), default=len(text))
    return text[:cut]


def without_former(text: str) -> str:
    """A description without the parts that name a past role ("the Harbour First candidate
    and a former harbour master"; "a former employee of the airline" speaks for no one)."""
    parts = PARTS.split(text)
    # Lower case only: "Former Miners' Association" is a name.
    kept = [
        part
        for part in parts
        if not set(re.findall(r"[a-z-]+", part)) & FORMER_WORDS and not ended(part)
    ]
    return text if len(kept) == len(parts) else ", ".join(p.strip() for p in kept if p.strip())


def ended(part: str) -> bool:
    """A part of a description that names a role held only in the past."""
    return bool(ENDED_ROLE.search(part) or ENDED_TITLE.search(part) or ENDED_SPAN.search(part))


@dataclass
class Mention:
    """What the evidence rules read about one mention: its own words and its context."""

    speaker: Speaker
    name: str
    title: str
    phrase: str
    relatives: list[str]
    nearby: list[Speaker]
    roles: list[str] = field(default_factory=list)
    setting: str = ""
    head: Token | None = None  # where the mention is in its parsed paragraph

    @property
    def before(self) -> str:
        """The words of its sentence before it: "Kenya's sports ministry has asked the
        federation ..., Principal Secretary X said"."""
        head = self.head
        return head.doc[head.sent.start : head.left_edge.i].text if head is not None else ""

    @property
    def previous(self) -> str:
        """The sentence before its own in its paragraph ("" for the first)."""
        head = self.head
        start = head.sent.start if head is not None else 0
        return head.doc[start - 1].sent.text if head is not None and start > 0 else ""

    @property
    def at(self) -> int | None:
        """Where the mention is in the body."""
        return self.speaker.start


def read_mention(
    speaker: Speaker, context: list[str], nearby: list[Speaker], roles: list[str]
) -> Mention:
    """The mention's texts, cut before topics and past roles."""
    name = without_former(without_topic(speaker.name or ""))
    title = without_former(without_topic(speaker.title or ""))
    context = [without_former(without_topic(text)) for text in context]
    roles = [without_former(without_topic(text)) for text in roles]
    phrase = context[0] if context else ""
    return Mention(speaker, name, title, phrase, context[1:], nearby, roles)


# A relative clause of place or time describes what it hangs on ("chairman of the club,
# where Baird began playing"); one of "which"/"who" may show whom a body acts for.
RELATIVE = re.compile(r",\s+(?:where|when)\b.*$", re.IGNORECASE | re.DOTALL)


def without_relatives(text: str) -> str:
    """Text without a relative clause of place or time set off by a comma."""
    return RELATIVE.sub("", text)
