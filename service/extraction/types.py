"""The types the extractor hands to its callers: one definition for every caller."""

from dataclasses import dataclass, field
from typing import Literal, Protocol, TypedDict, get_args

Kind = Literal["direct", "indirect", "position"]
KINDS: tuple[Kind, ...] = get_args(Kind)

SpeakerType = Literal["person", "organization", "place", "group", "unknown"]
SPEAKER_TYPES: tuple[SpeakerType, ...] = get_args(SpeakerType)

EvidenceVia = Literal[
    "alias",
    "name",
    "title",
    "apposition",
    "relative_clause",
    "possessive",
    "coreference",
    "office",
    "role",
    "gazetteer",
    "speaker",
    "review",
    "manual",
]
EVIDENCE_VIAS: tuple[EvidenceVia, ...] = get_args(EvidenceVia)


class Span(TypedDict):
    """Character offsets in the article body, end exclusive."""

    start: int
    end: int


class Speaker(TypedDict):
    """Who made a claim, as the article names them."""

    name: str | None
    title: str | None
    type: SpeakerType


class SideEvidence(TypedDict):
    """Why a claim belongs to its side: the rule and the words that show it."""

    via: EvidenceVia
    text: str
    span: Span | None


class ExtractedClaim(TypedDict):
    """One claim as the extractor hands it to the store."""

    text: str
    kind: Kind
    speaker: Speaker
    cue: str | None
    span: Span
    speaker_span: Span | None
    confidence: float
    side_id: str | None
    side_name: str | None
    side_evidence: SideEvidence | None


class NewSide(TypedDict):
    """A gazetteer side that claims reference and the registry does not have yet."""

    name: str
    aliases: list[str]


@dataclass
class ExtractionResult:
    """Claims in body order, and the gazetteer sides they reference that are not registered."""

    claims: list[ExtractedClaim] = field(default_factory=list)
    new_sides: list[NewSide] = field(default_factory=list)


class ClaimExtractor(Protocol):
    """What the store needs of an extractor: a name, a version and `extract`."""

    name: str
    version: str

    def extract(
        self, text: str, sides: list[dict] | None = None, auto_sides: bool = True
    ) -> ExtractionResult:
        """Extract the claims of one article."""
        ...
