"""Twenty writers, one polling consumer: every committed change exactly once, in order."""

import random
import threading
import time

import pytest
from bson import ObjectId

from service.changes.feed import ChangeFeed
from service.changes.recording import ChangeRecorder
from service.changes.repository import COMMITTED, ChangeRepository
from service.clock import utcnow
from service.store_state import store_lock
from tests.consistency import run_writers_and_consumer

WRITERS = 20
OPS_PER_WRITER = 20
SHARED_DOCS = 12
BACKLOG = 1000


class Writer:
    """Creates, compare-and-set updates and deletes on ``docs``, each recorded as a change."""

    def __init__(self, database, recorder: ChangeRecorder, truth: list, rng: random.Random):
        self.docs = database["docs"]
        self.cas_lock = store_lock(database)
        self.recorder = recorder
        self.truth = truth
        self.rng = rng

    def pause(self):
        time.sleep(self.rng.random() * 0.004)

    def create(self, doc_id):
        with self.recorder.record("claims", doc_id, "upsert", 1) as change:
            self.pause()
            self.docs.insert_one({"_id": doc_id, "version": 1, "change_seq": change.seq})
            self.pause()
        self.truth.append((change.seq, doc_id, "upsert", 1))

    def update(self, doc_id):
        current = self.docs.find_one({"_id": doc_id})
        if current is None:
            return
        version = current["version"] + 1
        with self.recorder.record("claims", doc_id, "upsert", version) as change:
            self.pause()
            with self.cas_lock:
                result = self.docs.update_one(
                    {"_id": doc_id, "version": version - 1},
                    {"$set": {"version": version, "change_seq": change.seq}},
                )
            if not result.modified_count:
                change.nothing_written()  # another writer won: this change did not happen
            self.pause()
        if result.modified_count:
            self.truth.append((change.seq, doc_id, "upsert", version))

    def delete(self, doc_id):
        current = self.docs.find_one({"_id": doc_id})
        if current is None:
            return
        with self.recorder.record("claims", doc_id, "delete", current["version"]) as change:
            self.pause()
            with self.cas_lock:
                result = self.docs.delete_one({"_id": doc_id, "version": current["version"]})
            if not result.deleted_count:
                change.nothing_written()
        if result.deleted_count:
            self.truth.append((change.seq, doc_id, "delete", current["version"]))


def backlog(changes: ChangeRepository, count: int):
    """Committed history from before the test, so scans run over a realistic store."""
    now = utcnow()
    changes.collection.insert_many(
        {
            "_id": n,
            "state": COMMITTED,
            "resource": "sides",
            "doc_id": ObjectId(),
            "op": "upsert",
            "event": "created",
            "version": 1,
            "refs": {},
            "reserved_at": now,
            "at": now,
        }
        for n in range(1, count + 1)
    )


def run_round(database, seed: int, in_process: bool):
    changes = ChangeRepository(database, in_process=in_process)
    backlog(changes, BACKLOG)
    feed = ChangeFeed(changes, lookup=lambda r, i: database["docs"].find_one({"_id": i}))
    recorder = ChangeRecorder(changes)
    shared = [ObjectId() for _ in range(SHARED_DOCS)]
    truth, seen, errors = [], [], []
    barrier = threading.Barrier(WRITERS + 1)
    done = threading.Event()

    def write(n):
        rng = random.Random(seed * 100 + n)
        writer = Writer(database, recorder, truth, rng)
        barrier.wait()
        try:
            for i in range(OPS_PER_WRITER):
                roll = rng.random()
                if i == 0 and n < SHARED_DOCS:
                    writer.create(shared[n])
                elif roll < 0.25:
                    writer.create(ObjectId())
                elif roll < 0.85:
                    writer.update(rng.choice(shared))
                else:
                    writer.delete(rng.choice(shared[SHARED_DOCS // 2 :]))
        except Exception as exc:  # surfaced by the assertion below
            errors.append(exc)

    def consume():
        rng = random.Random(seed)
        position = BACKLOG
        barrier.wait()
        while True:
            finished = done.is_set()
            items, next_position = feed.read(position, rng.randint(1, 9))
            assert next_position >= position
            seen.extend((r["_id"], r["doc_id"], r["op"], r["version"]) for r in items)
            position = next_position
            if not items:
                time.sleep(0.001)  # a polling client waits a little when it is caught up
            if finished and not items and position == changes.highest():
                return

    run_writers_and_consumer(write, WRITERS, consume, done)
    assert not errors, errors
    # Losing writers were part of the round: their void records must not reach the feed.
    assert changes.collection.count_documents({"state": "void"}) > 0
    return truth, seen


@pytest.mark.parametrize("in_process", [False, True], ids=["pending-records", "in-process"])
def test_a_polling_consumer_sees_every_change_once_in_order(database, mongo_client, in_process):
    for seed in range(2):
        db = mongo_client[f"{database.name}_{seed}"]
        try:
            truth, seen = run_round(db, seed, in_process)
        finally:
            mongo_client.drop_database(db.name)
        commit_order = [s for s, *_ in truth]
        # The race under test happened: some later number committed before an earlier one.
        assert commit_order != sorted(commit_order)
        truth = sorted(truth)
        sequences = [s for s, *_ in seen]
        assert sequences == sorted(set(sequences)), "a change came twice or out of order"
        assert seen == truth, "the feed's changes differ from the writes that happened"
        by_doc: dict = {}
        for _, doc_id, op, version in seen:
            previous = by_doc.get(doc_id)
            assert previous is None or previous[0] != "delete", "a change after a delete"
            assert previous is None or previous[1] < version or op == "delete"
            by_doc[doc_id] = (op, version)
        assert len(truth) > WRITERS * OPS_PER_WRITER // 4
