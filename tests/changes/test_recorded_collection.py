"""The write seam: every write to a resource collection is a recorded, versioned change."""

import threading

import pytest
from bson import ObjectId
from pymongo import ReturnDocument
from pymongo.errors import BulkWriteError

from service.changes.feed import ChangeFeed
from service.changes.recorded import RecordedCollection
from service.changes.repository import ChangeRepository


@pytest.fixture
def changes(database):
    return ChangeRepository(database)


@pytest.fixture
def claims(database, changes):
    return RecordedCollection(database["claims"], "claims", changes)


@pytest.fixture
def articles(database, changes):
    return RecordedCollection(database["articles"], "articles", changes)


def feed(database, changes):
    """Every committed change: (id, op, version)."""
    reader = ChangeFeed(changes, lambda r, i: database[r].find_one({"_id": i}))
    items, _ = reader.read(0, 1000)
    return [(r["doc_id"], r["op"], r["version"]) for r in items]


def claim(**fields):
    return {"_id": ObjectId(), "version": 1, "text": "x", "n": 0, **fields}


def test_inserts_updates_and_deletes_are_changes(database, changes, claims):
    doc = claim()
    claims.insert_one(doc)
    assert database.claims.find_one()["change_seq"] == 1
    result = claims.update_one({"_id": doc["_id"]}, {"$set": {"text": "y"}})
    assert (result.matched_count, result.modified_count) == (1, 1)
    stored = database.claims.find_one()
    assert stored["version"] == 2 and stored["updated_at"] is not None
    assert claims.delete_one({"_id": doc["_id"]}).deleted_count == 1
    assert feed(database, changes) == [
        (doc["_id"], "upsert", 1),
        (doc["_id"], "upsert", 2),
        (doc["_id"], "delete", 2),
    ]


def test_an_update_that_changes_nothing_is_no_change(database, changes, claims):
    doc = claim()
    claims.insert_one(doc)
    result = claims.update_one({"_id": doc["_id"]}, {"$set": {"text": "x"}})
    assert (result.matched_count, result.modified_count) == (1, 0)
    assert claims.update_one({"_id": ObjectId()}, {"$set": {"text": "y"}}).matched_count == 0
    assert database.claims.find_one()["version"] == 1
    assert len(feed(database, changes)) == 1


def test_derived_counters_are_bookkeeping_not_changes(database, changes, articles):
    doc = {"_id": ObjectId(), "version": 1, "claim_count": 0, "side_ids": []}
    articles.insert_one(doc)
    articles.update_one({"_id": doc["_id"]}, {"$inc": {"claim_count": 2}})
    stored = database.articles.find_one()
    assert (stored["claim_count"], stored["version"]) == (2, 1)
    assert len(feed(database, changes)) == 1


def test_a_lost_compare_and_set_records_nothing(database, changes, claims):
    doc = claim()
    claims.insert_one(doc)
    lost = claims.find_one_and_update(
        {"_id": doc["_id"], "version": 7},
        {"$set": {"text": "y"}, "$inc": {"version": 1}},
        return_document=ReturnDocument.AFTER,
    )
    assert lost is None
    won = claims.find_one_and_update(
        {"_id": doc["_id"], "version": 1},
        {"$set": {"text": "y"}, "$inc": {"version": 1}},
        return_document=ReturnDocument.AFTER,
    )
    assert won["version"] == 2 and won["text"] == "y"
    assert claims.delete_one({"_id": doc["_id"], "version": 1}).deleted_count == 0
    assert feed(database, changes) == [(doc["_id"], "upsert", 1), (doc["_id"], "upsert", 2)]
    assert database.changes.count_documents({}) == 2  # a stale version reserves nothing


def test_many_writes_are_one_change_each(database, changes, claims):
    article = ObjectId()
    docs = [claim(article_id=article) for _ in range(3)]
    claims.insert_many(docs)
    assert (
        claims.update_many({"article_id": article}, {"$set": {"side_id": None}}).matched_count == 3
    )
    assert claims.delete_many({"article_id": article}).deleted_count == 3
    ops = [(op, version) for _, op, version in feed(database, changes)]
    assert ops == [("upsert", 1)] * 3 + [("upsert", 2)] * 3 + [("delete", 2)] * 3
    deleted = database.changes.find_one({"op": "delete"})
    assert deleted["refs"] == {"article_id": article, "side_ids": []}


def test_a_failed_insert_many_commits_only_what_was_stored(database, changes, claims):
    first = claim()
    claims.insert_one(first)
    batch = [claim(), {**first}, claim()]
    with pytest.raises(BulkWriteError):
        claims.insert_many(batch, ordered=True)
    stored = [doc_id for doc_id, _, _ in feed(database, changes)]
    assert stored == [first["_id"], batch[0]["_id"]]


def test_writes_that_would_bypass_the_feed_are_refused(claims):
    for name in ("replace_one", "bulk_write", "find_one_and_delete", "drop"):
        with pytest.raises(TypeError):
            getattr(claims, name)
    for call in (
        lambda: claims.update_one({}, {"$set": {"a": 1}}, upsert=True),
        lambda: claims.update_many({}, {"$set": {"a": 1}}, upsert=True),
        lambda: claims.find_one_and_update({}, {"$set": {"a": 1}}, sort=[("a", 1)]),
    ):
        with pytest.raises(TypeError):
            call()


def test_concurrent_blind_updates_lose_nothing_and_arrive_in_version_order(
    database, changes, claims
):
    doc = claim()
    claims.insert_one(doc)
    threads, rounds = 20, 10
    barrier = threading.Barrier(threads)

    def bump():
        barrier.wait()
        for _ in range(rounds):
            claims.update_one({"_id": doc["_id"]}, {"$inc": {"n": 1}})

    workers = [threading.Thread(target=bump) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    stored = database.claims.find_one()
    assert stored["n"] == threads * rounds
    assert stored["version"] == 1 + threads * rounds
    versions = [version for _, _, version in feed(database, changes)]
    assert versions == list(range(1, 2 + threads * rounds))
