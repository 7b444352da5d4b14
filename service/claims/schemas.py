"""Claim schemas: ClaimSchema out; create, update and query schemas in."""

import marshmallow as ma

from service.extraction.types import EVIDENCE_VIAS, KINDS, SPEAKER_TYPES
from service.http.fields import (
    NOT_BLANK,
    BodySchema,
    DictSchema,
    ObjectIdField,
    QuerySchema,
    ResourceSchema,
    Sort,
    Span,
    UTCDateTime,
    filter_values,
    string,
    string_list,
)
from service.http.listing import page_schema

REVIEW_STATUSES = ("unreviewed", "confirmed", "rejected")
RATING_LABELS = {1: "False", 2: "Mostly false", 3: "Half true", 4: "Mostly true", 5: "True"}
ORIGINS = ("extracted", "manual")
READ_ONLY = ("origin", "published_at", "side_evidence")
SORT_KEYS = ("published_at", "created_at", "confidence", "span.start", "updated_at")


class ClaimSpeakerInputSchema(DictSchema):
    """Who made a claim, as a client writes it (the speaker id is resolved from the name)."""

    name = string(300, allow_none=True)
    title = string(300, allow_none=True)
    type = ma.fields.String(validate=ma.validate.OneOf(SPEAKER_TYPES), allow_none=True)


class ClaimSpeakerSchema(ClaimSpeakerInputSchema):
    """Who made a claim, and the speaker it was resolved to (read-only; null: no name)."""

    # Claims stored before speakers existed have none: show null.
    id = ObjectIdField(dump_only=True, allow_none=True, dump_default=None)


class RatingSchema(DictSchema):
    """A fact-check verdict: 1 (false) to 5 (true), its label, why, and where it is published."""

    value = ma.fields.Integer(allow_none=True, metadata={"minimum": 1, "maximum": 5})
    label = ma.fields.String(allow_none=True, metadata={"example": "Mostly false"})
    explanation = ma.fields.String(allow_none=True)
    url = ma.fields.String(allow_none=True, metadata={"description": "the published fact-check"})


class RatingInputSchema(BodySchema):
    """A verdict an editor sets: a value, a label, or both."""

    value = ma.fields.Integer(strict=True, allow_none=True, validate=ma.validate.Range(1, 5))
    label = string(100, allow_none=True, validate=NOT_BLANK)
    explanation = string(5000, allow_none=True)
    url = ma.fields.Url(schemes={"http", "https"}, require_tld=False, allow_none=True)

    @ma.validates_schema
    def value_or_label(self, data, **kwargs):
        """A verdict says something: a value or a label."""
        if data.get("value") is None and data.get("label") is None:
            raise ma.ValidationError("A rating needs a value (1-5) or a label.", "value")

    @ma.post_load
    def complete(self, data, **kwargs):
        """Every field present; a value without a label gets the scale's label."""
        rating = {"value": None, "label": None, "explanation": None, "url": None, **data}
        if rating["label"] is None:
            rating["label"] = RATING_LABELS[rating["value"]]
        return rating


class ReviewSchema(DictSchema):
    """A claim's review, as returned."""

    status = ma.fields.String(metadata={"enum": list(REVIEW_STATUSES)})
    note = ma.fields.String(allow_none=True)
    # Claims reviewed before verdicts existed have none: show null.
    rating = ma.fields.Nested(RatingSchema, allow_none=True, dump_default=None)
    reviewed_by = ma.fields.String(allow_none=True)
    reviewed_at = UTCDateTime(allow_none=True)


class ReviewInputSchema(BodySchema):
    """A review a client sets; who and when come from the request."""

    read_only = ("reviewed_by", "reviewed_at")
    status = ma.fields.String(validate=ma.validate.OneOf(REVIEW_STATUSES))
    note = string(2000, allow_none=True)
    rating = ma.fields.Nested(RatingInputSchema, allow_none=True)


class SideEvidenceSchema(DictSchema):
    """Why a claim belongs to its side: the rule and the words that show it."""

    via = ma.fields.String(metadata={"enum": list(EVIDENCE_VIAS)})
    text = ma.fields.String()
    span = ma.fields.Nested(Span, allow_none=True)


class ClaimFields(DictSchema):
    """Fields a claim has, in and out."""

    text = ma.fields.String(required=True)
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(KINDS))
    speaker = ma.fields.Nested(ClaimSpeakerSchema)
    side_id = ObjectIdField(allow_none=True)
    cue = ma.fields.String(allow_none=True)
    span = ma.fields.Nested(Span, allow_none=True)
    speaker_span = ma.fields.Nested(Span, allow_none=True)
    confidence = ma.fields.Float(validate=ma.validate.Range(min=0, max=1))
    # Read-only; claims stored before it existed have none: show null.
    side_evidence = ma.fields.Nested(SideEvidenceSchema, allow_none=True, dump_default=None)


class ClaimSchema(ResourceSchema, ClaimFields):
    """A claim as the API returns it."""

    article_id = ObjectIdField(required=True)
    origin = ma.fields.String(metadata={"enum": list(ORIGINS)})
    review = ma.fields.Nested(ReviewSchema)
    tags = ma.fields.List(ma.fields.String())
    published_at = UTCDateTime(allow_none=True)


class _ClaimWriteFields(BodySchema):
    """Fields a client writes on a claim, shared by create and update."""

    text = string(5000, min_length=1, validate=NOT_BLANK)
    kind = ma.fields.String(validate=ma.validate.OneOf(KINDS))
    speaker = ma.fields.Nested(ClaimSpeakerInputSchema, allow_none=True)
    side_id = ObjectIdField(allow_none=True)
    cue = string(100, allow_none=True)
    span = ma.fields.Nested(Span, allow_none=True)
    speaker_span = ma.fields.Nested(Span, allow_none=True)
    confidence = ma.fields.Float(validate=ma.validate.Range(min=0, max=1))
    review = ma.fields.Nested(ReviewInputSchema)
    tags = string_list(max_items=50, max_length=100, allow_none=True)


class ClaimCreateSchema(_ClaimWriteFields):
    """A new (manual) claim."""

    read_only = READ_ONLY
    article_id = ObjectIdField(required=True)
    text = string(5000, min_length=1, required=True, validate=NOT_BLANK)
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(KINDS))


class ClaimUpdateSchema(_ClaimWriteFields):
    """A merge patch of a claim (``null`` clears an optional field)."""

    read_only = (*READ_ONLY, "article_id")


class ClaimQuerySchema(QuerySchema):
    """Filters and sort of claim lists."""

    article_id = filter_values(ObjectIdField())
    side = filter_values(
        string(200, min_length=1), metadata={"description": "side id, slug, or none"}
    )
    speaker = filter_values(string(300, min_length=1), metadata={"description": "speaker name"})
    speaker_id = filter_values(ObjectIdField(), metadata={"description": "resolved speaker id"})
    kind = filter_values(ma.fields.String(validate=ma.validate.OneOf(KINDS)))
    origin = filter_values(ma.fields.String(validate=ma.validate.OneOf(ORIGINS)))
    review_status = filter_values(ma.fields.String(validate=ma.validate.OneOf(REVIEW_STATUSES)))
    tag = filter_values(string(100, min_length=1))
    q = string(500, min_length=1, metadata={"description": "full text over text and speaker"})
    min_confidence = ma.fields.Float(validate=ma.validate.Range(min=0, max=1))
    published_after = UTCDateTime(metadata={"description": "inclusive; a date means 00:00Z"})
    published_before = UTCDateTime(metadata={"description": "exclusive; a date means 00:00Z"})
    updated_after = UTCDateTime(
        metadata={"description": "changed at or after (inclusive); a date means 00:00Z"}
    )
    sort = Sort(SORT_KEYS, default="-created_at")


class ArticleClaimQuerySchema(ClaimQuerySchema):
    """Filters of an article's claims; body order by default."""

    sort = Sort(SORT_KEYS, default="span.start")


class SpeakerClaimQuerySchema(ClaimQuerySchema):
    """Filters of a speaker's claims; newest first by default."""

    sort = Sort(SORT_KEYS, default="-published_at")


ClaimPageSchema = page_schema(ClaimSchema, "ClaimPage")
