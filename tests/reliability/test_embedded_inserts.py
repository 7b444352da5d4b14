"""The embedded store's fast inserts answer, store and refuse exactly as mongomock does."""

import random
from collections import OrderedDict
from datetime import datetime, timedelta, timezone

import mongomock
import pytest
from bson import SON, ObjectId
from pymongo import ASCENDING
from pymongo.errors import BulkWriteError, DuplicateKeyError

from service.db import store_lock
from service.embedded_inserts import insertable
from service.serialised import SerialCollection

FIXED_IDS = [ObjectId() for _ in range(6)]
IDS = [*FIXED_IDS, "s1", "s2", 7, 8, True, 2.5, {"k": 1}]
VALUES = [
    0,
    2.5,
    "x",
    None,
    True,
    [1, {"d": 2}],
    ("t", 1),
    {"k": [1, {"d": 2}]},
    SON([("a", 1)]),
    OrderedDict(b=2),
    datetime(2026, 3, 1, 12, 0, 0, 123456),
    datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2))),
    "\ud800",  # not valid UTF-8: BSON refuses it
    b"raw",
    ObjectId(),
]
ODD_KEYS = ["$top", "a\0b", 3, "a.b"]


def random_doc(rng: random.Random) -> dict:
    """Mostly plain documents; sometimes an odd key, value or _id, often a repeated slug."""
    doc: dict = {}
    if rng.random() < 0.7:
        doc["_id"] = rng.choice(IDS[:10] if rng.random() < 0.9 else IDS)
    if rng.random() < 0.8:
        doc["slug"] = rng.choice(["a", "b", "c", None, ["a", "z"]])
    if rng.random() < 0.5:
        doc["url"] = rng.choice(["u1", "u2", None, 5])
    if rng.random() < 0.5:
        doc["kind"], doc["n"] = rng.choice(["k", "l"]), rng.choice([1, 2])
    for _ in range(rng.randrange(3)):
        doc[f"f{rng.randrange(3)}"] = rng.choice(VALUES)
    odd = rng.random()
    if odd < 0.08:
        doc[rng.choice(ODD_KEYS)] = 1
    elif odd < 0.12:
        doc["nested"] = {rng.choice(ODD_KEYS): {"x": 1}}
    return doc


def make_collection(client, wrapped: bool):
    """A collection with unique indexes: plain, partial, sparse and compound."""
    collection = client.db.c
    if wrapped:
        collection = SerialCollection(collection, store_lock(client))
    collection.create_index([("slug", ASCENDING)], unique=True, sparse=True)
    collection.create_index(
        [("url", ASCENDING)], unique=True, partialFilterExpression={"url": {"$type": "string"}}
    )
    collection.create_index([("kind", ASCENDING), ("n", ASCENDING)], unique=True, sparse=True)
    return collection


def normalised(value, ids: dict):
    """``value`` with each id the fast store generated replaced by the plain store's one."""
    if isinstance(value, ObjectId):
        return ids.get(value, value)
    if isinstance(value, dict):
        return [(key, normalised(item, ids)) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return [normalised(item, ids) for item in value]
    return value


def outcome(method, *args, **kwargs):
    """What a call gave: the ids it reports inserted, or its error and its details."""
    try:
        result = method(*args, **kwargs)
    except BulkWriteError as error:
        return ("raised", BulkWriteError, error.details)
    except Exception as error:
        return ("raised", type(error), str(error))
    return ("result", getattr(result, "inserted_id", getattr(result, "inserted_ids", None)))


def call(rng: random.Random, docs: list[dict]):
    """A random insert call of ``docs``: insert_one, or insert_many in some shape."""
    shape = rng.random()
    if shape < 0.4:
        return "insert_one", (docs[0],), {}
    if shape < 0.8:
        return "insert_many", (docs,), {"ordered": rng.choice([True, False])}
    if shape < 0.9:
        return "insert_many", (docs,), {}
    return "insert_many", (iter(docs),), {}


@pytest.mark.parametrize("seed", range(8))
def test_inserts_match_mongomock(seed):
    rng = random.Random(seed)
    plain = make_collection(mongomock.MongoClient(), wrapped=False)
    fast = make_collection(mongomock.MongoClient(), wrapped=True)
    ids: dict = {}
    for step in range(250):
        docs = [random_doc(rng) for _ in range(rng.randrange(1, 5))]
        plain_docs = [dict(doc) for doc in docs]
        name, args, kwargs = call(rng, docs)
        plain_args = (plain_docs[0],) if name == "insert_one" else (plain_docs,)
        if isinstance(args[0], type(iter([]))):
            plain_args = (iter(plain_docs),)
        got = outcome(getattr(fast, name), *args, **kwargs)
        expected = outcome(getattr(plain, name), *plain_args, **kwargs)
        for mine, theirs in zip(docs, plain_docs, strict=True):
            if isinstance(mine.get("_id"), ObjectId) and "_id" in theirs:
                ids.setdefault(mine["_id"], theirs["_id"])
        assert normalised(got, ids) == normalised(expected, ids), (step, docs)
        assert normalised(docs, ids) == normalised(plain_docs, ids), (step, docs)
        assert normalised(list(fast.find()), ids) == normalised(list(plain.find()), ids), step


def test_insertable_takes_only_plain_documents():
    assert insertable({"_id": ObjectId(), "a": {"b": [1, {"$c": 2}]}, "at": datetime(2026, 1, 1)})
    assert insertable({"a": "x"})
    assert not insertable(SON(a=1))
    assert not insertable({"$a": 1})
    assert not insertable({"a": {"b\0": 1}})
    assert not insertable({"a": OrderedDict(b=1)})
    assert not insertable({"_id": {"k": 1}})
    assert not insertable({"a": "\ud800"})
    assert insertable({"a": {"$b": 1}})  # only top-level names may not start with $


def test_fast_insert_refuses_duplicates_and_changes_nothing():
    client = mongomock.MongoClient()
    fast = make_collection(client, wrapped=True)
    first = {"slug": "a"}
    fast.insert_one(first)
    assert isinstance(first["_id"], ObjectId)
    with pytest.raises(DuplicateKeyError):
        fast.insert_one({"_id": first["_id"], "slug": "other"})
    with pytest.raises(DuplicateKeyError):
        fast.insert_one({"slug": "a"})
    with pytest.raises(BulkWriteError) as raised:
        fast.insert_many([{"_id": 1, "url": "u"}, {"_id": 2, "url": "u"}, {"_id": 3}])
    assert raised.value.details["nInserted"] == 1
    assert [doc["_id"] for doc in fast.find()] == [first["_id"], 1]
