"""Article schemas: ArticleSchema out; create, update and query schemas in."""

import marshmallow as ma

from service.http.fields import (
    NOT_BLANK,
    BodySchema,
    DictSchema,
    LanguageTag,
    ObjectIdField,
    OptionsSchema,
    QuerySchema,
    ResourceSchema,
    Sort,
    StoredJson,
    UTCDateTime,
    filter_values,
    string,
    string_list,
)
from service.http.listing import page_schema

READ_ONLY = ("content_hash", "side_ids", "claim_count", "extraction", "source_document")


class ExtractionRecordSchema(DictSchema):
    """The outcome of an extraction run."""

    status = ma.fields.String(metadata={"enum": ["pending", "done", "failed", "skipped"]})
    extractor = ma.fields.String(allow_none=True)
    extracted_at = UTCDateTime(allow_none=True)
    error = ma.fields.String(allow_none=True)


class ArticleSchema(ResourceSchema):
    """An article as the API returns it."""

    title = ma.fields.String(required=True)
    body = ma.fields.String(required=True)
    # Stored without the field when absent (the unique index is partial): show null.
    url = ma.fields.String(allow_none=True, dump_default=None)
    source = ma.fields.String(allow_none=True)
    authors = ma.fields.List(ma.fields.String())
    published_at = UTCDateTime(allow_none=True)
    language = ma.fields.String()
    tags = ma.fields.List(ma.fields.String())
    content_hash = ma.fields.String()
    side_ids = ma.fields.List(ObjectIdField())
    claim_count = ma.fields.Integer()
    extraction = ma.fields.Nested(ExtractionRecordSchema)
    source_document = StoredJson(
        allow_none=True,
        dump_default=None,
        metadata={
            "description": "the ninjs document the article was created from, if any",
            "x-ref": "NinjsDocument",
        },
    )


class _ArticleFields(BodySchema):
    """Fields a client writes, shared by create and update."""

    read_only = READ_ONLY
    url = ma.fields.Url(
        schemes={"http", "https"},
        require_tld=False,
        allow_none=True,
        validate=ma.validate.Length(max=2000),
    )
    source = string(200, allow_none=True)
    authors = string_list(max_items=50, max_length=200, allow_none=True)
    published_at = UTCDateTime(allow_none=True)
    language = LanguageTag()
    tags = string_list(max_items=50, max_length=100, allow_none=True)


class ArticleCreateSchema(_ArticleFields):
    """A new article."""

    title = string(500, min_length=1, required=True, validate=NOT_BLANK)
    body = string(200_000, min_length=1, required=True, validate=NOT_BLANK)
    language = LanguageTag(load_default="en")


class ArticleUpdateSchema(_ArticleFields):
    """A merge patch of an article (``null`` clears an optional field)."""

    title = string(500, min_length=1, validate=NOT_BLANK)
    body = string(200_000, min_length=1, validate=NOT_BLANK)


class ArticleCreateQuerySchema(OptionsSchema):
    """Options of an article creation."""

    extract = ma.fields.Boolean(load_default=True, metadata={"description": "extract claims now"})
    format = ma.fields.String(
        validate=ma.validate.OneOf(("json", "ninjs")),
        metadata={"description": "ninjs: the JSON body is an IPTC ninjs document"},
    )


class ArticleQuerySchema(QuerySchema):
    """Filters and sort of the article list."""

    q = string(500, min_length=1, metadata={"description": "full text over title and body"})
    source = filter_values(string(200, min_length=1))
    tag = filter_values(string(100, min_length=1))
    language = filter_values(
        LanguageTag(), metadata={"description": "BCP 47 range: `en` matches `en`, `en-GB`, ..."}
    )
    side = filter_values(string(200, min_length=1), metadata={"description": "side id or slug"})
    url = filter_values(string(2000, min_length=1))
    published_after = UTCDateTime(metadata={"description": "inclusive; a date means 00:00Z"})
    published_before = UTCDateTime(metadata={"description": "exclusive; a date means 00:00Z"})
    has_claims = ma.fields.Boolean()
    updated_after = UTCDateTime(
        metadata={"description": "changed at or after (inclusive); a date means 00:00Z"}
    )
    sort = Sort(("published_at", "created_at", "title", "updated_at"), default="-created_at")


class BalanceRowSchema(DictSchema):
    """One side's share of voice in an article."""

    side_id = ObjectIdField(allow_none=True)
    side_name = ma.fields.String(allow_none=True)
    claims = ma.fields.Integer()
    claim_share = ma.fields.Float()
    words = ma.fields.Integer()
    word_share = ma.fields.Float()
    by_kind = ma.fields.Dict(keys=ma.fields.String(), values=ma.fields.Integer())


class BalanceSchema(DictSchema):
    """Share of voice per side in an article (``side_id`` null: unattributed)."""

    article_id = ObjectIdField()
    total_claims = ma.fields.Integer()
    total_words = ma.fields.Integer()
    sides = ma.fields.List(ma.fields.Nested(BalanceRowSchema))


ArticlePageSchema = page_schema(ArticleSchema, "ArticlePage")
