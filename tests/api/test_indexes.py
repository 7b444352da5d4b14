"""Every query shape the list endpoints can produce is served by an index in db.INDEXES.

The filter parameters are read from the query schemas and the MongoDB fields from what the
query builders make of them, so a new filter without an index fails here.
"""

import marshmallow as ma
import pytest
from bson import ObjectId
from pymongo import TEXT

from service.articles.repository import ArticleRepository
from service.articles.schemas import ArticleQuerySchema
from service.claims.repository import ClaimRepository
from service.claims.schemas import (
    ArticleClaimQuerySchema,
    ClaimQuerySchema,
    SpeakerClaimQuerySchema,
)
from service.db import EXTENSION, INDEXES
from service.http.fields import ObjectIdField, Sort, UTCDateTime
from service.persistence import sort_spec
from service.sides.repository import SideRepository
from service.sides.schemas import SideQuerySchema
from service.speakers.repository import SpeakerRepository
from service.speakers.schemas import SpeakerQuerySchema

PAGING = {"page", "per_page", "sort"}


def sides_query(db, filters):
    return SideRepository(db).query(
        filters.get("q"), filters.get("alias"), filters.get("updated_after")
    )


def articles_query(db, filters):
    side_ids = [ObjectId()] if filters.get("side") else None  # the route resolves sides
    return ArticleRepository(db).query(filters, side_ids)


def claims_query(db, filters):
    side_ids = [ObjectId(), None] if filters.get("side") else None  # id, slug or none
    return ClaimRepository(db).query(filters, side_ids)


def speakers_query(db, filters):
    side_ids = [ObjectId()] if filters.get("side") else None  # the listing resolves sides
    return SpeakerRepository(db).query(filters, side_ids)


ENDPOINTS = {
    "speakers": (SpeakerQuerySchema, SpeakerRepository, speakers_query),
    "speaker claims": (SpeakerClaimQuerySchema, ClaimRepository, claims_query),
    "sides": (SideQuerySchema, SideRepository, sides_query),
    "articles": (ArticleQuerySchema, ArticleRepository, articles_query),
    "claims": (ClaimQuerySchema, ClaimRepository, claims_query),
    "article claims": (ArticleClaimQuerySchema, ClaimRepository, claims_query),
}


def sample_value(field: ma.fields.Field) -> str:
    """A valid query-string value for a schema field."""
    inner = field.inner if isinstance(field, ma.fields.List) else field
    for validator in inner.validators:
        if isinstance(validator, ma.validate.OneOf):
            return next(iter(validator.choices))
    samples = [
        (ObjectIdField, str(ObjectId())),
        (UTCDateTime, "2021-06-16"),
        (ma.fields.Boolean, "true"),
        (ma.fields.Number, "0.5"),
        (ma.fields.String, "en"),
    ]
    for kind, value in samples:
        if isinstance(inner, kind):
            return value
    raise AssertionError(f"no sample value for {field!r}: teach sample_value about it")


def filter_params(schema_class) -> dict[str, object]:
    """Every filter parameter of a list schema with a sample value as the schema loads it."""
    schema = schema_class()
    params = {}
    for name, field in schema.fields.items():
        if name in PAGING:
            continue
        value = sample_value(field)
        params[name] = [value] if isinstance(field, ma.fields.List) else value
    return params


def filter_fields(query: dict) -> list[str]:
    """The document fields a MongoDB filter constrains, in order ($and/$or flattened)."""
    fields = []
    for key, value in query.items():
        if key in ("$and", "$or"):
            for part in value:
                fields.extend(f for f in filter_fields(part) if f not in fields)
        elif not key.startswith("$") and key not in fields:
            fields.append(key)
    return fields


def index_keys(collection: str) -> list[list[tuple[str, object]]]:
    return [list(model.document["key"].items()) for model in INDEXES[collection]]


def leading_fields(collection: str) -> set[str]:
    return {keys[0][0] for keys in index_keys(collection)}


def has_prefix(collection: str, spec: list[tuple[str, int | None]]) -> bool:
    """Whether some index starts with these fields, in these directions or all reversed.

    A direction of None (an equality match) fits either direction.
    """
    for keys in index_keys(collection):
        head = keys[: len(spec)]
        if [name for name, _ in head] != [name for name, _ in spec]:
            continue
        for sign in (1, -1):
            if all(d is None or d == sign * k for (_, d), (_, k) in zip(spec, head, strict=True)):
                return True
    return False


def shapes(endpoint: str, db):
    """(description, collection, filter fields, sort spec) for each filter alone and with
    each allowed sort, and each sort alone."""
    schema_class, repo_class, build = ENDPOINTS[endpoint]
    schema = schema_class()
    collection = repo_class.collection_name
    sorts = schema.fields["sort"].allowed
    for name, value in [(None, None), *filter_params(schema_class).items()]:
        filters = schema.load({name: value} if name else {})
        query = build(db, filters)
        for sort in sorts:
            for direction in (1, -1):
                spec = sort_spec([(sort, direction)], repo_class.sort_fields)
                yield name, collection, query, spec


@pytest.fixture
def db(mongo_client):
    """A database handle for the query builders, which only build filters (no app needed)."""
    return mongo_client["claimdesk_query_builders"]


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_every_filter_is_built_into_the_query(endpoint, db):
    schema_class, _repo, build = ENDPOINTS[endpoint]
    params = filter_params(schema_class)
    assert params, "no filters found"
    for name, value in params.items():
        query = build(db, schema_class().load({name: value}))
        assert query, f"{endpoint}: filter {name!r} does not reach the query"


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_each_filter_leads_an_index(endpoint, db):
    for name, collection, query, spec in shapes(endpoint, db):
        fields = filter_fields(query)
        if name is None:
            # A sort-only query walks an index on the sort field, id as tie-break.
            assert fields == []
            assert has_prefix(collection, spec), f"{endpoint}: no index for sort {spec}"
            continue
        if "$text" in query:
            assert any(TEXT in dict(keys).values() for keys in index_keys(collection))
        for field in fields:
            assert field in leading_fields(collection), (
                f"{endpoint}: filter {name!r} queries {field!r}, which leads no index in "
                f"db.INDEXES[{collection!r}]"
            )


PRIMARY_SHAPES = [
    # (endpoint, filter parameter, sort key)
    ("claims", "article_id", "span.start"),
    ("article claims", "article_id", "span.start"),
    ("claims", "side", "published_at"),
    ("claims", "speaker", "published_at"),
    ("claims", "speaker_id", "published_at"),
    ("speaker claims", "speaker_id", "published_at"),
    ("speakers", "side", "name"),
    ("speakers", "type", "name"),
    ("articles", None, "published_at"),
    ("articles", "source", "published_at"),
    ("articles", "tag", "published_at"),
]


def test_primary_shapes_use_a_full_index_prefix(db):
    for endpoint, param, sort in PRIMARY_SHAPES:
        schema_class, repo_class, build = ENDPOINTS[endpoint]
        params = filter_params(schema_class)
        query = build(db, schema_class().load({param: params[param]} if param else {}))
        equality = [(field, None) for field in filter_fields(query)]
        for direction in (1, -1):
            spec = sort_spec([(sort, direction)], repo_class.sort_fields)
            wanted = [*equality, spec[0]]
            assert has_prefix(repo_class.collection_name, wanted), (endpoint, wanted)


def test_article_claims_default_to_body_order(db):
    defaults = ArticleClaimQuerySchema().load({})
    assert defaults["sort"] == [("span.start", 1)]
    assert isinstance(ArticleClaimQuerySchema().fields["sort"], Sort)


def test_indexes_exist_after_app_creation(app, real_mongo):
    database = app.extensions[EXTENSION].database
    for collection, models in INDEXES.items():
        present = database[collection].index_information()
        for model in models:
            name = model.document["name"]
            keys = list(model.document["key"].items())
            if TEXT in dict(keys).values() and not real_mongo:
                continue  # mongomock builds no text indexes
            assert name in present, f"{collection}.{name} missing"
            if TEXT not in dict(keys).values():
                assert present[name]["key"] == keys, name
            assert bool(present[name].get("unique")) == bool(model.document.get("unique")), name
