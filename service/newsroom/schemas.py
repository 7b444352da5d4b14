"""Schemas of extraction results: claims (a claims schema) with their article's record."""

import marshmallow as ma

from service.articles.schemas import ExtractionRecordSchema
from service.claims.schemas import ClaimFields, ClaimSchema, ReviewSchema
from service.http.fields import NOT_BLANK, BodySchema, UTCDateTime, string


class ExtractedClaimSchema(ClaimFields):
    """A claim as extraction would store it (nothing stored yet)."""

    side_name = ma.fields.String(allow_none=True)
    origin = ma.fields.String()
    review = ma.fields.Nested(ReviewSchema)


class ExtractionResultSchema(ma.Schema):
    """Claims from an extraction run."""

    claims = ma.fields.List(ma.fields.Nested(ClaimSchema))
    extraction = ma.fields.Nested(ExtractionRecordSchema)


class PreviewResultSchema(ma.Schema):
    """Claims extraction would store for a text."""

    claims = ma.fields.List(ma.fields.Nested(ExtractedClaimSchema))
    extraction = ma.fields.Nested(ExtractionRecordSchema)


class PreviewSchema(BodySchema):
    """Text to extract claims from without storing anything."""

    text = string(200_000, min_length=1, required=True, validate=NOT_BLANK)
    title = string(500, allow_none=True)
    published_at = UTCDateTime(
        allow_none=True,
        metadata={"description": "the date speakers' memberships are read at (default: now)"},
    )
