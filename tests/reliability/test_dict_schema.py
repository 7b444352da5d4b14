"""Schemas of stored documents dump exactly what marshmallow's own accessor dumps."""

import random
from collections import OrderedDict
from datetime import UTC, datetime

import marshmallow as ma
import pytest
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
    """The same fields read and dumped by marshmallow's own accessor and loop."""

    def get_attribute(self, obj, attr, default):
        return ma.Schema.get_attribute(self, obj, attr, default)

    def _serialize(self, obj, *, many=False):
        return ma.Schema._serialize(self, obj, many=many)


OWN = {"get_attribute": Marshmallows.get_attribute, "_serialize": Marshmallows._serialize}


def marshmallow_dump(schema_class: type[ma.Schema], doc) -> dict:
    """What ``schema_class`` dumps when every field is read by marshmallow's accessor."""
    own = type("Own", (schema_class,), OWN)
    nested = {}
    for name, field in own._declared_fields.items():
        if isinstance(field, ma.fields.Nested) and isinstance(field.nested, type):
            nested[name] = ma.fields.Nested(
                type("Own", (field.nested,), OWN),
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


class Shouting(ma.fields.String):
    """A field that serializes in a way of its own."""

    def serialize(self, attr, obj, accessor=None, **kwargs):
        return str(super().serialize(attr, obj, accessor, **kwargs)).upper()


class Part(DictSchema):
    """A nested part."""

    n = ma.fields.Integer(allow_none=True)
    label = ma.fields.String(data_key="Label", dump_default="?")


class Mixed(DictSchema):
    """Every way a field can be read: by name, another key, a path, a method, a function,
    a key named like a dict method, defaults, nested one and many."""

    name = ma.fields.String(allow_none=True)
    renamed = ma.fields.String(data_key="otherName")
    inner = ma.fields.String(attribute="sub.x")
    aliased = ma.fields.Integer(attribute="real")
    values = ma.fields.Raw()
    loud = Shouting()
    computed = ma.fields.Method("compute")
    called = ma.fields.Function(len)
    when = ma.fields.DateTime(allow_none=True)
    part = ma.fields.Nested(Part, allow_none=True)
    parts = ma.fields.List(ma.fields.Nested(Part))
    many = ma.fields.Nested(Part, many=True, dump_default=list)
    nothing = ma.fields.String(dump_default=None)
    hidden = ma.fields.String(load_only=True)

    def compute(self, obj):
        return obj.get("name", "-")


class MarshmallowMixed(Mixed):
    """The same, read and dumped by marshmallow's own accessor and loop (nested too)."""

    get_attribute = Marshmallows.get_attribute
    _serialize = Marshmallows._serialize
    part = ma.fields.Nested(type("OwnPart", (Part,), OWN), allow_none=True)
    parts = ma.fields.List(ma.fields.Nested(type("OwnPart", (Part,), OWN)))
    many = ma.fields.Nested(type("OwnPart", (Part,), OWN), many=True, dump_default=list)


def random_mixed(rng: random.Random) -> dict:
    """A document with each field present, null, missing or of an odd kind."""
    part = {"n": 1, "label": "x"}
    choices = {
        "name": ["a", None, 5, b"b", ma.missing],
        "renamed": ["r"],
        "otherName": ["wrong key"],
        "sub": [{"x": "y"}, {}],
        "sub.x": ["flat"],
        "real": [7, "8"],
        "aliased": [9],
        "values": [[1, 2], None, {"k": 1}],
        "loud": ["quiet", None],
        "when": [datetime(2026, 1, 2, tzinfo=UTC), None],
        "part": [part, None, {}, {"label": None}],
        "parts": [[part, {}], []],
        "many": [[part], [], None],
        "nothing": ["something"],
        "hidden": ["secret"],
    }
    return {key: rng.choice(opts) for key, opts in choices.items() if rng.random() < 0.7}


def test_every_way_of_reading_a_field_dumps_as_marshmallow_dumps_it():
    rng = random.Random(6)
    for _ in range(500):
        doc = random_mixed(rng)
        for many in (False, True):
            docs = [doc, dict(doc)] if many else doc
            try:
                expected = MarshmallowMixed(many=many).dump(docs)
            except (TypeError, AttributeError, ValueError) as error:
                with pytest.raises(type(error)):
                    Mixed(many=many).dump(docs)
                continue
            assert Mixed(many=many).dump(docs) == expected, doc
    ordered = OrderedDict(name="o")  # not a plain dict: marshmallow's own loop
    assert Mixed().dump(ordered) == MarshmallowMixed().dump(ordered)
