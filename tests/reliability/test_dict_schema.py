"""Schemas of stored documents dump exactly what marshmallow's own accessor dumps."""

import random
from collections import OrderedDict
from datetime import UTC, datetime

import marshmallow as ma
from bson import ObjectId

from service.articles.schemas import ArticleSchema
from service.claims.schemas import ClaimSchema
from service.http.fields import DictSchema


class Odd(DictSchema):
    """Fields that marshmallow reads by path, by attribute or from a key named like a
    dict method."""

    name = ma.fields.String()
    inner = ma.fields.String(attribute="sub.x")
    items = ma.fields.Raw()
    missing_default = ma.fields.String(dump_default="none given")


class Marshmallows(Odd):
    """The same fields read by marshmallow's own accessor."""

    def get_attribute(self, obj, attr, default):
        return ma.Schema.get_attribute(self, obj, attr, default)


def marshmallow_dump(schema_class: type[ma.Schema], doc) -> dict:
    """What ``schema_class`` dumps when every field is read by marshmallow's accessor."""
    own = type("Own", (schema_class,), {"get_attribute": Marshmallows.get_attribute})
    nested = {}
    for name, field in own._declared_fields.items():
        if isinstance(field, ma.fields.Nested) and isinstance(field.nested, type):
            nested[name] = ma.fields.Nested(
                type("Own", (field.nested,), {"get_attribute": Marshmallows.get_attribute}),
                allow_none=field.allow_none,
                dump_default=field.dump_default,
                attribute=field.attribute,
            )
    return type("OwnNested", (own,), nested)().dump(doc)


def random_claim(rng: random.Random) -> dict:
    """A stored claim with fields sometimes missing or null."""
    at = datetime(2026, 1, 1, tzinfo=UTC)
    doc = {
        "_id": ObjectId(),
        "article_id": ObjectId(),
        "text": "t",
        "kind": "direct",
        "speaker": {"name": "A", "title": None, "type": "person", "id": ObjectId()},
        "side_id": ObjectId(),
        "span": {"start": 0, "end": 1},
        "side_evidence": {"via": "manual", "text": "S", "span": None},
        "review": {"status": "confirmed", "note": None, "rating": None},
        "created_at": at,
        "updated_at": at,
        "version": 3,
        "created_by": "k",
    }
    for key in list(doc):
        if key != "_id" and rng.random() < 0.3:
            if rng.random() < 0.5:
                del doc[key]
            else:
                doc[key] = None
    return doc


def test_claims_dump_as_marshmallow_dumps_them():
    rng = random.Random(5)
    for _ in range(200):
        doc = random_claim(rng)
        try:
            expected = marshmallow_dump(ClaimSchema, doc)
        except (TypeError, AttributeError, KeyError, ValueError) as error:
            failed = type(error)
            try:
                ClaimSchema().dump(doc)
            except failed:
                continue
            raise
        assert ClaimSchema().dump(doc) == expected, doc


def test_an_article_dumps_as_marshmallow_dumps_it():
    at = datetime(2026, 1, 1, tzinfo=UTC)
    doc = {"_id": ObjectId(), "title": "T", "body": "B", "created_at": at, "updated_at": at}
    doc |= {"version": 1, "tags": ["a"], "side_ids": [ObjectId()]}
    assert ArticleSchema().dump(doc) == marshmallow_dump(ArticleSchema, doc)


def test_paths_attributes_and_method_names_read_as_marshmallow_reads_them():
    docs = [
        {"name": "n", "sub": {"x": "y"}, "items": [1]},
        {"name": None, "sub.x": "flat", "sub": {"x": "nested"}},
        {},  # "items" missing: marshmallow falls back to the dict's own attribute
        OrderedDict(name="o", items=2),
    ]
    for doc in docs:
        assert Odd().dump(doc) == Marshmallows().dump(doc)
    assert Odd().dump({"sub": {"x": "y"}})["inner"] == "y"
