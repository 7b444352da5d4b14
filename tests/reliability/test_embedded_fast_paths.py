"""The embedded store's fast reads answer exactly as mongomock's own evaluation does."""

import contextlib
import copy
import random
from datetime import datetime

import mongomock
import pytest
from bson import ObjectId
from pymongo import ASCENDING
from pymongo.errors import DuplicateKeyError

from service.db import store_lock
from service.embedded_filters import simple_test
from service.embedded_store import deep_copy, field_index
from service.serialised import SerialCollection

IDS = [ObjectId() for _ in range(4)]
WORDS = ["a", "b", "c"]
FILTERS = [
    {},
    {"side": IDS[0]},
    {"side": IDS[1], "kind": "a"},
    {"side": None},
    {"side": {"$in": IDS[:2]}},
    {"side": {"$in": []}},
    {"tags": "b"},
    {"tags": {"$in": ["a", "c"]}},
    {"kind": {"$type": "string"}},
    {"$and": [{"kind": {"$type": "string"}}, {"kind": "b"}]},
    {"kind": "a", "n": {"$gte": 3}},  # not a plain filter: mongomock's own matching
    {"sub.x": "a"},
    {"_id": "missing"},
]
PROJECTIONS = [
    {"_id": 1},
    {"_id": 0},
    {"kind": 1},
    {"kind": True, "tags": 1},
    {"kind": 1, "_id": 0},
    {"sub": 1, "_id": False, "n": 1},
    {"kind": 0},  # exclusion: mongomock's own projection
    {"sub.x": 1},
]
ORDERS = [
    [("at", -1), ("ref", -1)],
    [("n", 1), ("ref", 1)],
    [("n", -1), ("_id", -1)],
    [("kind", 1), ("_id", 1)],
    [("$natural", -1)],
    [],
]


def random_doc(rng: random.Random, i: int) -> dict:
    """A document whose fields are sometimes missing, null, arrays or of another type."""
    doc: dict = {"_id": ObjectId() if i % 5 else f"s{i}", "n": rng.randrange(6)}
    doc["at"] = datetime(2026, 1, 1 + rng.randrange(5))
    doc["ref"] = ObjectId()
    for field, values in (("side", [*IDS, None, [IDS[0], None], []]), ("kind", [*WORDS, 3])):
        if rng.random() < 0.85:
            doc[field] = rng.choice(values)
    doc["tags"] = rng.sample(WORDS, rng.randrange(3))
    if rng.random() < 0.3:
        doc["sub"] = {"x": rng.choice(WORDS)}
    return doc


@pytest.fixture(name="pair")
def fixture_pair():
    """The same documents in a plain mongomock collection and in a serialised one."""
    rng = random.Random(3)
    docs = [random_doc(rng, i) for i in range(300)]
    plain = mongomock.MongoClient().db.c
    client = mongomock.MongoClient()
    fast = SerialCollection(client.db.c, store_lock(client))
    plain.insert_many([dict(d) for d in docs])
    fast.insert_many([dict(d) for d in docs])
    return plain, fast, docs


@pytest.mark.parametrize("query", FILTERS)
def test_find_count_and_page_match_mongomock(pair, query):
    plain, fast, _ = pair
    for order in ORDERS:
        expected = list(plain.find(query).sort(order) if order else plain.find(query))
        got = list(fast.find(query).sort(order) if order else fast.find(query))
        assert got == expected
        assert fast.count_documents(query) == plain.count_documents(query) == len(expected)
        page = list(plain.find(query).sort(order).skip(5).limit(7)) if order else expected[5:12]
        assert fast.find_page(query, order, 5, 7) == (page, len(expected))
    for projection in PROJECTIONS:
        got = [list(d.items()) for d in fast.find(query, projection)]
        assert got == [list(d.items()) for d in plain.find(query, projection)], projection
    assert list(fast.find(query, {"kind": 1}).limit(-3)) == list(
        plain.find(query, {"kind": 1}).limit(-3)
    )


def test_fast_filter_agrees_with_mongomock_document_by_document(pair):
    _, _, docs = pair
    for query in FILTERS:
        test = simple_test(query)
        if test is None:
            continue
        for doc in docs:
            assert test(doc) == mongomock.filtering.filter_applies(query, doc), (query, doc)
    assert simple_test({"n": {"$gte": 3}}) is None
    assert simple_test({"sub.x": "a"}) is None


def test_reads_by_id_find_one_document_and_return_copies(pair):
    plain, fast, docs = pair
    for doc in docs[:40]:
        assert fast.find_one(doc["_id"]) == plain.find_one(doc["_id"])
        assert fast.find_one({"_id": doc["_id"], "n": doc["n"]}) == doc
        assert fast.find_one({"_id": doc["_id"], "n": doc["n"] + 1}) is None
    found = fast.find_one({"_id": docs[0]["_id"]})
    found["n"] = 99
    found["tags"].append("z")
    assert fast.find_one({"_id": docs[0]["_id"]}) == plain.find_one({"_id": docs[0]["_id"]})
    nested = next(d for d in fast.find({"sub.x": {"$exists": True}}))
    nested["sub"]["x"] = "changed"
    assert fast.find_one(nested["_id"])["sub"]["x"] != "changed"
    assert fast.find_one({"_id": ObjectId()}) is None


def test_writes_by_id_compare_and_delete(pair):
    _, fast, docs = pair
    target = docs[1]["_id"]
    moved = fast.find_one_and_update(
        {"_id": target, "n": docs[1]["n"]}, {"$inc": {"n": 10}}, return_document=True
    )
    assert moved["n"] == docs[1]["n"] + 10
    assert (
        fast.update_one({"_id": target, "n": docs[1]["n"]}, {"$set": {"n": 0}}).matched_count == 0
    )
    assert fast.delete_one({"_id": target}).deleted_count == 1
    assert fast.find_one(target) is None


def test_unique_indexes_with_a_partial_filter_still_refuse_duplicates():
    client = mongomock.MongoClient()
    urls = SerialCollection(client.db.u, store_lock(client))
    urls.create_index(
        [("url", ASCENDING)], unique=True, partialFilterExpression={"url": {"$type": "string"}}
    )
    urls.insert_many([{"url": "u"}, {"url": None}, {"url": None}, {"n": 1}])
    with pytest.raises(DuplicateKeyError):
        urls.insert_one({"url": "u"})
    with pytest.raises(DuplicateKeyError):
        urls.update_one({"n": 1}, {"$set": {"url": "u"}})
    urls.update_one({"n": 1}, {"$set": {"url": "v"}})
    assert sorted(d["url"] for d in urls.find({"url": {"$type": "string"}})) == ["u", "v"]


UNIQUE_UPDATES = [
    ({"$set": {"url": "u"}}, {}, True),
    ({"$set": {"url.x": 1}}, {}, True),
    ({"$unset": {"slug": ""}}, {}, True),
    ({"$rename": {"n": "url"}}, {}, True),
    ({"$set": {"n": 2}}, {"upsert": True}, True),
    ({"$set": {"kind": "b"}}, {}, True),  # the partial filter's field
    ({"$inc": {"n": 1}, "$set": {"tags": ["a"]}}, {}, False),
]


def unique_collection() -> SerialCollection:
    """Two documents under a unique index with a partial filter and a plain one."""
    client = mongomock.MongoClient()
    docs = SerialCollection(client.db.u, store_lock(client))
    docs.create_index(
        [("url", ASCENDING)], unique=True, partialFilterExpression={"kind": {"$type": "string"}}
    )
    docs.create_index([("slug", ASCENDING)], unique=True)
    docs.insert_many([{"url": "u", "slug": "a", "kind": "a"}, {"n": 1, "slug": "b"}])
    return docs


@pytest.mark.parametrize(("update", "options", "checked"), UNIQUE_UPDATES)
def test_updates_recount_unique_indexes_when_an_indexed_field_may_change(
    update, options, checked, monkeypatch
):
    calls = []
    recount = mongomock.Collection._ensure_uniques
    monkeypatch.setattr(
        mongomock.Collection, "_ensure_uniques", lambda c, d: calls.append(d) or recount(c, d)
    )
    upsert = bool(options)
    writes = [
        lambda docs: docs.update_one({"slug": "b"}, update, **options),
        lambda docs: docs.update_one({"slug": "b"}, update, upsert),
        lambda docs: docs.find_one_and_update({"slug": "b"}, update, {"n": 1}, None, upsert),
    ]
    for write in writes:
        docs, calls[:] = unique_collection(), []
        with contextlib.suppress(DuplicateKeyError):  # $set url "u" is one: checked, refused
            write(docs)
        assert bool(calls) == checked
        assert "_ensure_uniques" not in vars(docs._inner)  # the skip is undone after the call


def test_an_update_leaving_unique_fields_alone_still_cannot_make_a_duplicate():
    client = mongomock.MongoClient()
    docs = SerialCollection(client.db.u, store_lock(client))
    docs.create_index([("slug", ASCENDING)], unique=True)
    docs.insert_many([{"slug": "a", "n": 0}, {"slug": "b", "n": 0}])
    docs.find_one_and_update({"slug": "a"}, {"$inc": {"n": 1}})
    with pytest.raises(DuplicateKeyError):
        docs.find_one_and_update({"slug": "a"}, {"$set": {"slug": "b"}})
    assert sorted((d["slug"], d["n"]) for d in docs.find({}, {"_id": 0})) == [("a", 1), ("b", 0)]


def test_a_unique_index_made_or_dropped_after_updates_is_heeded_by_the_next_one():
    """The unique fields are remembered between updates, never past a change of indexes."""
    client = mongomock.MongoClient()
    docs = SerialCollection(client.db.u, store_lock(client))
    docs.insert_many([{"slug": "a", "code": 1}, {"slug": "b", "code": 2}])
    docs.update_one({"slug": "a"}, {"$set": {"code": 3}})  # no unique index yet
    docs.create_index([("code", ASCENDING)], unique=True)
    with pytest.raises(DuplicateKeyError):
        docs.update_one({"slug": "a"}, {"$set": {"code": 2}})
    docs.drop_index("code_1")
    docs.create_index([("code", ASCENDING)], unique=True, partialFilterExpression={"n": 1})
    docs.update_one({"slug": "a"}, {"$set": {"code": 2}})  # outside the partial index
    docs.update_one({"slug": "b"}, {"$set": {"n": 1}})
    with pytest.raises(DuplicateKeyError):
        docs.update_one({"slug": "a"}, {"$set": {"n": 1}})
    found = sorted((d["slug"], d["code"], d.get("n")) for d in docs.find())
    assert found == [("a", 2, None), ("b", 2, 1)]


def test_claims_article_index_stays_exact_through_every_kind_of_write():  # noqa: PLR0912 - one branch per kind of write
    rng = random.Random(11)
    articles = [ObjectId() for _ in range(5)]
    plain = mongomock.MongoClient().db.claims
    client = mongomock.MongoClient()
    fast = SerialCollection(client.db.claims, store_lock(client))
    bypass = client.db.claims  # a write the wrapper never sees

    def new(i):
        return {"_id": ObjectId(), "article_id": rng.choice(articles), "n": i % 3}

    def both(method, *args, **kwargs):
        for collection in (plain, fast):
            copied = [dict(a) if isinstance(a, dict) else a for a in args]
            getattr(collection, method)(*copied, **kwargs)

    both("insert_many", [new(i) for i in range(60)])
    for step in range(120):
        kind = step % 9
        some = rng.choice(list(plain.find({}, {"_id": 1})))["_id"]
        if kind == 0:
            docs = [new(step) for _ in range(3)]
            plain.insert_many([dict(d) for d in docs])
            fast.insert_many(dict(d) for d in docs)  # a generator, read once
        elif kind == 1:
            both("delete_one", {"_id": some})
        elif kind == 2:
            gone = plain.find_one({"_id": some})
            both("delete_one", {"_id": some})
            both("insert_one", gone)  # the same id again: now last in store order
        elif kind == 3:
            both("update_one", {"_id": some}, {"$set": {"article_id": rng.choice(articles)}})
        elif kind == 4:
            both("update_many", {"n": step % 3}, {"$inc": {"n": 1}})
        elif kind == 5:
            doc = new(step)
            plain.insert_one(dict(doc))
            bypass.insert_one(dict(doc))
        elif kind == 6:
            with pytest.raises(DuplicateKeyError):
                fast.insert_one({"_id": some, "article_id": articles[0]})
            with pytest.raises(DuplicateKeyError):
                plain.insert_one({"_id": some, "article_id": articles[0]})
        elif kind == 7 and step > 100:  # an array: the index stands aside from then on
            both("find_one_and_update", {"_id": some}, {"$set": {"article_id": [articles[1]]}})
        elif kind == 8:
            both("delete_many", {"article_id": rng.choice(articles), "n": 0})
        for article in [*articles, ObjectId()]:
            for query in ({"article_id": article}, {"article_id": article, "n": 1}):
                assert list(fast.find(query)) == list(plain.find(query)), (step, query)
            assert fast.count_documents({"article_id": article}) == plain.count_documents(
                {"article_id": article}
            )
        if step < 100:
            assert field_index(client.db.claims).ids is not None  # the reads above used it


def mutable_parts(value) -> list:
    """Every dict and list inside a value (the value too)."""
    if isinstance(value, dict):
        return [value, *(p for item in value.values() for p in mutable_parts(item))]
    if isinstance(value, list):
        return [value, *(p for item in value for p in mutable_parts(item))]
    return []


def test_deep_copy_equals_deepcopy_and_shares_nothing_mutable(pair):
    _, _, docs = pair
    odd = {"set": {1, 2}, "bytes": bytearray(b"x"), "nested": [{"a": [1, {"b": None}]}]}
    for doc in [*docs, odd]:
        copied = deep_copy(doc)
        assert copied == copy.deepcopy(doc) == doc
        originals = {id(part) for part in mutable_parts(doc)}
        assert not originals & {id(part) for part in mutable_parts(copied)}
    assert copied["set"] is not odd["set"] and copied["bytes"] is not odd["bytes"]


def test_an_update_refused_by_a_unique_index_rolls_back_whole():
    client = mongomock.MongoClient()
    docs = SerialCollection(client.db.u, store_lock(client))
    docs.create_index([("slug", ASCENDING)], unique=True)
    docs.insert_many([{"slug": "a", "tags": ["x"], "at": datetime(2026, 1, 1)}, {"slug": "b"}])
    with pytest.raises(DuplicateKeyError):
        docs.update_one({"slug": "a"}, {"$set": {"slug": "b"}, "$push": {"tags": "y"}})
    assert docs.find_one({"slug": "a"}, {"_id": 0}) == {
        "slug": "a",
        "tags": ["x"],
        "at": datetime(2026, 1, 1),
    }


def test_below_filter_of_the_recount_agrees_with_mongomock():
    """``{field: {"$not": {"$gte": n}}}`` (the recount's compare-and-set) on every kind of
    value, missing and null included, alone and next to other conditions."""
    values = [0, 2, 3, 5, -1, 2.5, 3.0, float("nan"), True, False, None, "3", [1, 4], [], [None]]
    values += [[7], {"a": 1}, datetime(2026, 1, 1), ObjectId(), 2**40]
    docs = [{"_id": i, "kind": WORDS[i % 3]} for i in range(len(values) + 1)]
    for doc, value in zip(docs, values, strict=False):
        doc["t"] = value  # the last document has no "t"
    plain = mongomock.MongoClient().db.c
    client = mongomock.MongoClient()
    fast = SerialCollection(client.db.c, store_lock(client))
    plain.insert_many(copy.deepcopy(docs))
    fast.insert_many(copy.deepcopy(docs))
    for bound in (-1, 0, 3, 10):
        for query in (
            {"t": {"$not": {"$gte": bound}}},
            {"kind": "a", "t": {"$not": {"$gte": bound}}},
            {"$and": [{"t": {"$not": {"$gte": bound}}}, {"kind": {"$type": "string"}}]},
        ):
            test = simple_test(query)
            assert test is not None
            for doc in docs:
                assert test(doc) == mongomock.filtering.filter_applies(query, doc), (query, doc)
            assert list(fast.find(query)) == list(plain.find(query))
        for doc in docs:
            query = {"_id": doc["_id"], "t": {"$not": {"$gte": bound}}}
            update = {"$set": {"seen": bound}}
            got, expected = fast.update_one(query, update), plain.update_one(query, update)
            assert (got.matched_count, got.modified_count) == (
                expected.matched_count,
                expected.modified_count,
            )
    assert list(fast.find()) == list(plain.find())
    for other in ({"t": {"$not": {"$gte": 2.5}}}, {"t": {"$not": {"$gt": 1}}}, {"t": {"$not": 3}}):
        assert simple_test(other) is None
