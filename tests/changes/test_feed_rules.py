"""The feed's rules one by one: horizon, settling, late writers, retention, cursors."""

import base64
import datetime as dt

import pytest
from bson import ObjectId

from service.changes import cursor
from service.changes.feed import ChangeFeed
from service.changes.recording import ChangeRecorder
from service.changes.repository import ChangeRepository, FeedIdentityRepository
from service.errors import Gone, InvalidReference


@pytest.fixture
def changes(database):
    """Reservations as pending records: the MongoDB way, here on any backend."""
    return ChangeRepository(database, in_process=False)


@pytest.fixture(params=[False, True], ids=["pending-records", "in-process"])
def any_changes(database, request):
    """Both ways of holding reservations (in-process is the in-memory store's)."""
    return ChangeRepository(database, in_process=request.param)


def feed_of(database, changes, timeout=60.0):
    docs = database["docs"]
    return ChangeFeed(changes, lambda r, i: docs.find_one({"_id": i}), pending_timeout=timeout)


def age(changes, seq, seconds):
    """Pretend record ``seq`` was reserved ``seconds`` ago."""
    past = changes.get(seq)["reserved_at"] - dt.timedelta(seconds=seconds)
    changes.collection.update_one({"_id": seq}, {"$set": {"reserved_at": past}})


def test_the_feed_stops_before_a_pending_record(database, any_changes):
    changes = any_changes
    feed = feed_of(database, changes)
    first = changes.reserve("claims", ObjectId(), "upsert", 1)
    second = changes.reserve("claims", ObjectId(), "upsert", 1)
    changes.commit(second)
    assert feed.read(0, 10) == ([], 0)
    changes.commit(first)
    items, position = feed.read(0, 10)
    assert [r["_id"] for r in items] == [first, second]
    assert position == second


def test_void_records_are_passed_silently(database, any_changes):
    changes = any_changes
    recorder = ChangeRecorder(changes)
    with recorder.record("sides", ObjectId(), "upsert", 1) as change:
        change.nothing_written()
    with pytest.raises(RuntimeError), recorder.record("sides", ObjectId(), "upsert", 1):
        raise RuntimeError("the write failed")
    with recorder.record("sides", ObjectId(), "upsert", 1):
        pass
    items, position = feed_of(database, changes).read(0, 10)
    assert [r["_id"] for r in items] == [3]
    assert position == 3
    assert [changes.state_of(n) for n in (1, 2, 3)] == ["void", "void", "committed"]


def test_a_stale_pending_record_whose_write_landed_is_committed(database, changes):
    doc_id = ObjectId()
    seq = changes.reserve("claims", doc_id, "upsert", 1)
    database["docs"].insert_one({"_id": doc_id, "version": 1, "change_seq": seq})
    feed = feed_of(database, changes, timeout=30)
    assert feed.read(0, 10) == ([], 0)  # young: maybe still writing
    age(changes, seq, 31)
    items, _ = feed.read(0, 10)
    assert [r["_id"] for r in items] == [seq]


def test_a_stale_pending_record_without_its_write_is_void(database, changes):
    seq = changes.reserve("claims", ObjectId(), "upsert", 1)
    later = changes.reserve("claims", ObjectId(), "upsert", 1)
    changes.commit(later)
    age(changes, seq, 120)
    items, position = feed_of(database, changes).read(0, 10)
    assert [r["_id"] for r in items] == [later]
    assert changes.state_of(seq) == "void"
    assert position == later


def test_a_stale_delete_is_judged_by_whether_the_document_is_gone(database, changes):
    gone, kept = ObjectId(), ObjectId()
    database["docs"].insert_one({"_id": kept, "version": 2})
    first = changes.reserve("claims", gone, "delete", 1)
    second = changes.reserve("claims", kept, "delete", 2)
    age(changes, first, 120)
    age(changes, second, 120)
    items, _ = feed_of(database, changes).read(0, 10)
    assert [(r["_id"], r["op"]) for r in items] == [(first, "delete")]
    assert changes.state_of(second) == "void"


def test_an_update_overtaken_by_another_writer_of_its_version_is_void(database, changes):
    doc_id = ObjectId()
    lost = changes.reserve("claims", doc_id, "upsert", 2)
    won = changes.reserve("claims", doc_id, "upsert", 2)
    database["docs"].insert_one({"_id": doc_id, "version": 2, "change_seq": won})
    changes.commit(won)
    age(changes, lost, 120)
    items, _ = feed_of(database, changes).read(0, 10)
    assert [r["_id"] for r in items] == [won]


def test_a_writer_slower_than_the_timeout_records_its_change_again(database, changes):
    recorder = ChangeRecorder(changes)
    feed = feed_of(database, changes, timeout=0)
    doc_id = ObjectId()
    with recorder.record("claims", doc_id, "upsert", 1) as change:
        assert feed.read(0, 10) == ([], 1)  # settled as void: the write has not landed yet
        database["docs"].insert_one({"_id": doc_id, "version": 1, "change_seq": change.seq})
    items, position = feed.read(1, 10)
    assert [(r["doc_id"], r["version"], r["state"]) for r in items] == [(doc_id, 1, "committed")]
    assert position == 2


def test_the_resource_filter_and_scan_limit_still_move_the_cursor(database, any_changes):
    changes = any_changes
    recorder = ChangeRecorder(changes)
    for _ in range(5):
        with recorder.record("sides", ObjectId(), "upsert", 1):
            pass
    with recorder.record("claims", ObjectId(), "upsert", 1):
        pass
    feed = feed_of(database, changes)
    assert feed.read(0, 10, ["claims"], scan_limit=3) == ([], 3)
    items, position = feed.read(3, 10, ["claims"])
    assert [r["_id"] for r in items] == [6]
    assert position == 6


def test_pruning_keeps_a_suffix_and_older_cursors_are_gone(database, any_changes):
    changes = any_changes
    recorder = ChangeRecorder(changes)
    for _ in range(4):
        with recorder.record("sides", ObjectId(), "upsert", 1):
            pass
    for seq in (1, 2, 3, 4):
        age(changes, seq, 86400 * 31)
    cutoff = dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(days=30)
    assert changes.prune(cutoff) == 3  # the highest stays: the sequence goes on from it
    feed = feed_of(database, changes)
    assert feed.start() == 3
    with pytest.raises(Gone):
        feed.read(2, 10)
    assert feed.read(3, 10)[1] == 4
    with recorder.record("sides", ObjectId(), "upsert", 1) as change:
        pass
    assert change.seq == 5
    with pytest.raises(InvalidReference):
        feed.read(9, 10)


def test_cursors_are_opaque_and_tied_to_their_feed(database):
    epoch = FeedIdentityRepository(database).epoch()
    assert FeedIdentityRepository(database).epoch() == epoch
    token = cursor.encode(epoch, 42)
    assert "42" not in token
    assert cursor.decode(token, epoch) == 42
    with pytest.raises(Gone):
        cursor.decode(cursor.encode("another", 42), epoch)
    malformed = [base64.urlsafe_b64encode(f"{epoch}.{n}".encode()).decode() for n in ("x", "-1")]
    for bad in ("", "!!", "bm90aGluZw", "LTE", "%%%", *malformed):
        with pytest.raises(InvalidReference):
            cursor.decode(bad, epoch)
