"""The extractor: article text and side registry in, attributed claims out."""

from typing import cast

from service.extraction.analysis import Found, analyse
from service.extraction.attribution import (
    ParagraphState,
    attribute,
    opening_source,
    paragraph_state,
)
from service.extraction.captions import body_paragraphs
from service.extraction.discourse import Discourse
from service.extraction.documents import Documents
from service.extraction.evidence import side_evidence
from service.extraction.pipeline import DEFAULT_MODEL, load_pipeline, model_version
from service.extraction.sides import SideResolver
from service.extraction.stated_roles import stated_roles, with_stated_roles
from service.extraction.types import ExtractedClaim, ExtractionResult, Kind, NewSide, Span

EXTRACTOR_NAME = "claimdesk-rules"
EXTRACTOR_VERSION = "1.0.0"
# Base confidence per kind: explicit quotes beat reported speech beat inferred stances.
BASE_CONFIDENCE = {"direct": 0.9, "indirect": 0.8, "position": 0.65}
INFERRED_SPEAKER_PENALTY = 0.15


class Extractor:
    """Rule-based claim extractor over a spaCy dependency parse."""

    name = EXTRACTOR_NAME

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32):
        self.model = model
        self.batch_size = batch_size
        self.version = f"{EXTRACTOR_VERSION}+{model}"

    @property
    def model_version(self) -> str:
        """Name and version of the spaCy pipeline (loads it)."""
        return model_version(self.model)

    def extract(
        self, text: str, sides: list[dict] | None = None, auto_sides: bool = True
    ) -> ExtractionResult:
        """Extract the claims of one article."""
        return self.extract_many([text], sides, auto_sides)[0]

    def extract_many(
        self, texts: list[str], sides: list[dict] | None = None, auto_sides: bool = True
    ) -> list[ExtractionResult]:
        """Extract the claims of several articles, parsing all their paragraphs as one batch."""
        nlp = load_pipeline(self.model)
        split = [body_paragraphs(text) for text in texts]
        every = (p.text for paragraphs in split for p in paragraphs)
        docs = iter(nlp.pipe(every, batch_size=max(self.batch_size, 8 * len(texts))))
        return [
            self._claims(text, paragraphs, [next(docs) for _ in paragraphs], sides, auto_sides)
            for text, paragraphs in zip(texts, split, strict=True)
        ]

    def _claims(self, text, paragraphs, docs, sides, auto_sides: bool) -> ExtractionResult:
        """The claims of one article from its parsed paragraphs."""
        resolver = SideResolver(sides, auto_sides)
        discourse = Discourse()
        state = ParagraphState()
        found: list[Found] = []
        documents = Documents()
        analyses = [
            analyse(doc, paragraph.start, resolver, discourse, documents)
            for paragraph, doc in zip(paragraphs, docs, strict=True)
        ]
        for index, (paragraph, analysis) in enumerate(zip(paragraphs, analyses, strict=True)):
            following = opening_source(analyses[index + 1] if index + 1 < len(analyses) else None)
            claims = attribute(analysis, state, following)
            state = paragraph_state(analysis, claims, paragraph.ends_with_colon)
            for claim in claims:
                claim.start += paragraph.start
                claim.end += paragraph.start
                claim.cue_at += paragraph.start
            found.extend(drop_nested(claims))
        with_stated_roles(found, stated_roles(analyses, resolver, discourse))
        kept = sorted(found, key=lambda f: (f.start, f.end))
        return ExtractionResult(
            [claim_dict(text, f) for f in kept], new_sides(kept) if auto_sides else []
        )


def drop_nested(found: list[Found]) -> list[Found]:
    """Drop repeated claims and claims inside another claim whose cue is also inside it
    (speech within speech: the outer speaker is the one reporting)."""
    kept: list[Found] = []
    for claim in found:
        if any(nested(claim, other) for other in found if other is not claim):
            continue
        if any((k.start, k.end) == (claim.start, claim.end) for k in kept):
            continue
        kept.append(claim)
    return kept


def nested(inner: Found, outer: Found) -> bool:
    """Whether inner lies strictly inside outer together with its cue."""
    inside = outer.start <= inner.start and inner.end <= outer.end
    smaller = (inner.end - inner.start) < (outer.end - outer.start)
    return inside and smaller and outer.start <= inner.cue_at < outer.end


def confidence(found: Found) -> float:
    """Higher for explicit evidence (quote, named speaker) than for inferred attribution."""
    score = BASE_CONFIDENCE[found.kind] * found.weight
    if not found.speaker.explicit:
        score -= INFERRED_SPEAKER_PENALTY
    return round(max(0.05, min(1.0, score)), 3)


def claim_dict(text: str, found: Found) -> ExtractedClaim:
    """The claim object handed to the store."""
    speaker, side = found.speaker, found.speaker.side
    speaker_span: Span | None = None
    if speaker.start is not None and speaker.end is not None:
        speaker_span = {"start": speaker.start, "end": speaker.end}
    return {
        "text": text[found.start : found.end],
        "kind": cast(Kind, found.kind),
        "speaker": speaker.as_dict(),
        "cue": found.cue,
        "span": {"start": found.start, "end": found.end},
        "speaker_span": speaker_span,
        "confidence": confidence(found),
        "side_id": side.id if side else None,
        "side_name": side.name if side else None,
        "side_evidence": side_evidence(text, speaker.evidence) if side else None,
    }


def new_sides(found: list[Found]) -> list[NewSide]:
    """Gazetteer countries referenced by claims that have no registered side."""
    sides: dict[str, NewSide] = {}
    for claim in found:
        side = claim.speaker.side
        if side is not None and side.auto:
            sides.setdefault(side.name, {"name": side.name, "aliases": list(side.aliases)})
    return list(sides.values())


def loaded_extractor(model: str = DEFAULT_MODEL) -> Extractor:
    """An extractor whose model is loaded now (in a process about to extract many texts)."""
    load_pipeline(model)
    return Extractor(model=model)
