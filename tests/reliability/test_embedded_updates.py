"""The embedded store's fast updates by _id and fast find_one answer exactly as mongomock."""

import random
import threading
from collections import OrderedDict
from datetime import UTC, datetime, timedelta, timezone

import mongomock
import pytest
from bson import SON, Decimal128, ObjectId, Timestamp
from pymongo import ASCENDING, ReturnDocument
from pymongo.errors import DuplicateKeyError

from service.db import store_lock
from service.embedded_updates import MONGOMOCK_VALUES, mongomock_values, plain_call
from service.serialised import SerialCollection

WORDS = ["a", "b", "c"]
VALUES = [
    0,
    7,
    2.5,
    -1,
    "x",
    None,
    True,
    [ObjectId(), ObjectId()],
    ("t", 1),
    {"k": [1, {"d": 2}]},
    datetime(2026, 3, 1, 12, 0, 0, 123456),
    datetime(2026, 3, 1, 12, 0, 0, 123456, tzinfo=timezone(timedelta(hours=2))),
    "\ud800",  # not valid UTF-8: BSON refuses it
    2**63,  # beyond 64 bits: BSON refuses it
    -(2**63),
    [1, 2**64],
    [[ObjectId()], 1.5],
]
FIELDS = ["n", "m", "tags", "kind", "new"]
PROJECTIONS = [
    None,
    {"_id": 1},
    {"_id": True},
    {"_id": 0},
    {"n": 1},
    {"n": 1, "tags": True},
    {"n": 1, "_id": 0},
    {"n": 0},
    {"s.x": 1},
]


def random_doc(rng: random.Random, i: int) -> dict:
    """A document whose fields are sometimes missing, null, strings or arrays."""
    doc: dict = {"_id": ObjectId() if i % 4 else f"s{i}", "slug": f"slug{i}"}
    for field in ("n", "m"):
        if rng.random() < 0.8:
            doc[field] = rng.choice([0, 1, 2.5, None, "3", [1]])
    doc["tags"] = rng.sample(WORDS, rng.randrange(3))
    if rng.random() < 0.5:
        doc["kind"] = rng.choice(WORDS)
    return doc


def random_update(rng: random.Random) -> dict:
    """Mostly plain $set / $inc updates, sometimes a shape the fast path leaves alone."""
    update: dict = {}
    for operator in rng.sample(["$set", "$inc"], rng.randrange(1, 3)):
        fields = rng.sample(FIELDS, rng.randrange(1, 3))
        if operator == "$set":
            update["$set"] = {f: rng.choice(VALUES) for f in fields}
        else:
            update["$inc"] = {f: rng.choice([1, -2, 0.5, 0, True]) for f in fields}
    odd = rng.random()
    if odd < 0.05:
        update["$unset"] = {"kind": ""}
    elif odd < 0.1:
        update.setdefault("$set", {})["s.x"] = 1
    elif odd < 0.15:
        update["$inc"] = {"n": 1, **update.get("$inc", {})}
        update["$set"] = {"n": 5, **update.get("$set", {})}  # one field twice
    return update


def random_filter(rng: random.Random, docs: list[dict]) -> dict:
    """By _id (of a stored, deleted or unknown document), often with another condition."""
    doc_id = rng.choice([*(d["_id"] for d in docs), ObjectId(), "s-unknown"])
    spec: dict = {"_id": doc_id}
    condition = rng.random()
    if condition < 0.3:
        spec["n"] = {"$not": {"$gte": rng.choice([0, 1, 2])}}
    elif condition < 0.5:
        spec["kind"] = rng.choice([*WORDS, None])
    elif condition < 0.55:
        spec = {"slug": rng.choice(docs)["slug"]}  # not by _id: mongomock's own path
    return spec


def outcome(method, *args, **kwargs):
    """What a call gave: its result (an UpdateResult as its raw result) or its error."""
    try:
        result = method(*args, **kwargs)
    except Exception as error:
        return ("raised", type(error))
    raw = getattr(result, "raw_result", None)
    if raw is not None:  # each client numbers its connection: the rest must agree
        return ("result", {k: v for k, v in raw.items() if k != "connectionId"})
    return ("result", result)


def items(docs) -> list:
    """Documents as lists of items: equal only in the same key order."""
    return [list(d.items()) for d in docs]


@pytest.mark.parametrize("seed", range(6))
def test_plain_updates_and_find_one_match_mongomock(seed):
    rng = random.Random(seed)
    docs = [random_doc(rng, i) for i in range(40)]
    plain = mongomock.MongoClient().db.c
    client = mongomock.MongoClient()
    fast = SerialCollection(client.db.c, store_lock(client))
    for collection in (plain, fast):
        collection.create_index([("slug", ASCENDING)], unique=True)
        collection.insert_many([dict(d) for d in docs])
    for step in range(300):
        spec, update = random_filter(rng, docs), random_update(rng)
        after = rng.choice([ReturnDocument.AFTER, ReturnDocument.BEFORE])
        name, args, kwargs = rng.choice(
            [
                ("update_one", (spec, update), {}),
                ("find_one_and_update", (spec, update, rng.choice(PROJECTIONS)), {}),
                (
                    "find_one_and_update",
                    (spec, update),
                    {"projection": rng.choice(PROJECTIONS), "return_document": after},
                ),
            ]
        )
        got = outcome(getattr(fast, name), *args, **kwargs)
        assert got == outcome(getattr(plain, name), *args, **kwargs), (step, spec, update)
        assert items(fast.find()) == items(plain.find()), (step, spec, update)
        for projection in PROJECTIONS:
            got = outcome(fast.find_one, spec, projection)
            assert got == outcome(plain.find_one, spec, projection), (spec, projection)


def test_plain_call_takes_only_the_plain_shapes():
    doc_id = ObjectId()
    assert plain_call("update_one", ({"_id": doc_id}, {"$inc": {"n": 1}}), {}) is not None
    assert plain_call("update_one", ({"_id": doc_id}, {"$inc": {"n": 1}}, True), {}) is None
    assert plain_call("update_one", ({"_id": doc_id}, {"$inc": {"n": 1}}), {"upsert": 1}) is None
    assert plain_call("update_one", ({"_id": {"$in": [doc_id]}}, {"$set": {"n": 1}}), {}) is None
    assert plain_call("update_one", ({"_id": doc_id}, {"$set": {"a.b": 1}}), {}) is None
    assert plain_call("update_one", ({"_id": doc_id}, {"$set": {"_id": 1}}), {}) is None
    assert plain_call("update_one", ({"_id": doc_id}, {"$set": {}}), {}) is None
    assert plain_call("update_one", ({"_id": doc_id}, {"$inc": {"n": "1"}}), {}) is None
    assert plain_call("update_one", ({"_id": doc_id},), {}) is None
    same = ({"_id": doc_id}, {"$set": {"n": 1}})
    assert plain_call("find_one_and_update", same, {"sort": [("n", 1)]}) is None
    assert plain_call("find_one_and_update", (*same, {"n": 1, "_id": 0}), {}) is None
    assert plain_call("find_one_and_update", same, {"projection": {"n": 1}}) is not None


def test_fast_find_one_hands_out_copies_and_keeps_tz_aware_clients_on_mongomock():
    client = mongomock.MongoClient()
    fast = SerialCollection(client.db.c, store_lock(client))
    fast.insert_one({"_id": 1, "tags": ["a"], "at": datetime(2026, 1, 1)})
    found = fast.find_one({"_id": 1})
    found["tags"].append("b")
    assert fast.find_one(1) == {"_id": 1, "tags": ["a"], "at": datetime(2026, 1, 1)}
    assert fast.find_one() == fast.find_one({}) == fast.find_one(1)
    with pytest.raises(TypeError):
        fast.find_one(None, {"tags": 1}, "extra")
    aware = mongomock.MongoClient(tz_aware=True)
    aware_fast = SerialCollection(aware.db.c, store_lock(aware))
    aware_fast.insert_one({"_id": 1, "at": datetime(2026, 1, 1)})
    assert aware_fast.find_one(1)["at"] == datetime(2026, 1, 1, tzinfo=UTC)
    aware_fast.update_one({"_id": 1}, {"$set": {"n": 1}})
    assert aware_fast.find_one_and_update({"_id": 1}, {"$inc": {"n": 1}})["n"] == 1


def test_fast_updates_leave_unique_fields_to_mongomock():
    client = mongomock.MongoClient()
    fast = SerialCollection(client.db.c, store_lock(client))
    fast.create_index([("slug", ASCENDING)], unique=True)
    fast.insert_many([{"_id": 1, "slug": "a"}, {"_id": 2, "slug": "b"}])
    with pytest.raises(DuplicateKeyError):
        fast.update_one({"_id": 1}, {"$set": {"slug": "b"}})
    assert fast.find_one(1) == {"_id": 1, "slug": "a"}


@pytest.mark.parametrize("round_no", range(25))
def test_racing_tickets_and_recounts_on_one_document_stay_exact(round_no):
    client = mongomock.MongoClient()
    fast = SerialCollection(client.db.c, store_lock(client))
    fast.insert_many([{"_id": ObjectId(), "slug": f"s{i}"} for i in range(500)])
    target = fast.find_one({"slug": f"s{round_no * 7 % 500}"})["_id"]
    threads, per_thread = 8, 40
    barrier = threading.Barrier(threads)
    tickets: list[list[int]] = [[] for _ in range(threads)]

    def writer(slot: int) -> None:
        barrier.wait()
        for _ in range(per_thread):
            doc = fast.find_one_and_update(
                {"_id": target},
                {"$inc": {"count_ticket": 1}},
                projection={"count_ticket": 1},
                return_document=ReturnDocument.AFTER,
            )
            ticket = doc["count_ticket"]
            tickets[slot].append(ticket)
            fast.update_one(
                {"_id": target, "counted_ticket": {"$not": {"$gte": ticket}}},
                {"$set": {"counted_ticket": ticket, "claim_count": ticket * 2}},
            )

    workers = [threading.Thread(target=writer, args=(slot,)) for slot in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    taken = sorted(t for slot in tickets for t in slot)
    assert taken == list(range(1, threads * per_thread + 1))  # every ticket once
    final = fast.find_one(target)
    assert final["count_ticket"] == final["counted_ticket"] == threads * per_thread
    assert final["claim_count"] == 2 * threads * per_thread  # the newest recount stayed


@pytest.mark.parametrize("tz_aware", [False, True])
def test_counting_values_in_place_matches_counting_a_projected_find(tz_aware):
    rng = random.Random(5)
    articles, sides = [ObjectId() for _ in range(4)], [ObjectId() for _ in range(3)]
    plain = mongomock.MongoClient(tz_aware=tz_aware).db.c
    client = mongomock.MongoClient(tz_aware=tz_aware)
    fast = SerialCollection(client.db.c, store_lock(client))
    docs = []
    for _ in range(200):
        doc = {"_id": ObjectId(), "article_id": rng.choice(articles)}
        if rng.random() < 0.8:
            doc["side_id"] = rng.choice([*sides, None])
        docs.append(doc)
    for collection in (plain, fast):
        collection.insert_many([dict(d) for d in docs])
    for query in [*({"article_id": a} for a in articles), {"article_id": ObjectId()}, {}]:
        expected: dict = {}
        for doc in plain.find(query, {"side_id": 1}):
            expected[doc.get("side_id")] = expected.get(doc.get("side_id"), 0) + 1
        assert fast.count_values(query, "side_id") == expected


def random_value(rng: random.Random, depth: int = 0):
    """A value of any kind mongomock may be handed, nested a few levels."""
    kinds = [
        0,
        2.5,
        True,
        None,
        "s",
        b"b",
        ObjectId(),
        datetime(2026, 3, 1, 12, 0, 0, 123456),
        datetime(2026, 3, 1, 12, 0, 0, 999999, tzinfo=timezone(timedelta(hours=-3))),
        Timestamp(0, 0),
        Timestamp(5, 1),
        Decimal128("1.5"),
    ]
    if depth < 3:
        kinds += [
            {f"k{i}": random_value(rng, depth + 1) for i in range(rng.randrange(4))},
            [random_value(rng, depth + 1) for _ in range(rng.randrange(4))],
            tuple(random_value(rng, depth + 1) for _ in range(2)),
            OrderedDict(a=random_value(rng, depth + 1)),
            SON(b=random_value(rng, depth + 1)),
        ]
    return rng.choice(kinds)


def shape(value):
    """A value with every container's type and every leaf's type spelled out."""
    if isinstance(value, dict):
        return (type(value), [(k, shape(v)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        return (type(value), [shape(item) for item in value])
    if isinstance(value, Timestamp):
        return (Timestamp, value.time > 0)  # a fresh one is the current time
    return (type(value), value)


def test_mongomock_values_are_mongomock_own_form():
    rng = random.Random(9)
    for _ in range(2000):
        value = random_value(rng)
        ours, theirs = mongomock_values(value), MONGOMOCK_VALUES(value)
        assert shape(ours) == shape(theirs), value
        if isinstance(value, dict | list):
            assert ours is not value  # containers are copied, as mongomock copies them
