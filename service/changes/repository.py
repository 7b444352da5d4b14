"""Change records in MongoDB: reserved before a write, committed after, read in order.

See docs/design/changes.md for why the sequence is taken by a unique insert and why the
feed stops at the first pending record.
"""

import contextlib
import datetime as dt
import secrets

from pymongo import ASCENDING, DESCENDING
from pymongo.errors import DuplicateKeyError

from service.clock import utcnow
from service.store_state import state_for

PENDING, COMMITTED, VOID = "pending", "committed", "void"
RESOURCES = ("articles", "claims", "sides", "speakers")
EVENTS = {"articles": "article", "claims": "claim", "sides": "side", "speakers": "speaker"}
MAX_RESERVE_ATTEMPTS = 10_000


class ChangeRepository:
    """The ``changes`` collection: one record per write, ``_id`` the gapless sequence."""

    collection_name = "changes"

    def __init__(self, db, in_process: bool | None = None):
        self.db = db
        self.collection = db[self.collection_name]
        self.shared = state_for(db)
        self.lock = self.shared.lock
        # The in-memory store lives in this process, so its reservations can too: the
        # record is inserted once, when it is resolved (mongomock updates scan the
        # whole collection). MongoDB, shared by processes, keeps them as pending records.
        self.in_process = self.shared.in_memory if in_process is None else in_process

    def highest(self) -> int:
        """The highest sequence taken so far (0 before the first write)."""
        top = self.collection.find_one({}, {"_id": 1}, sort=[("_id", DESCENDING)])
        return top["_id"] if top else 0

    def oldest(self) -> int | None:
        """The lowest sequence still kept, or None when nothing was ever written."""
        # Both looked at under the lock: a record moved from pending to the collection in
        # between would be missed by both, and a valid cursor would look older than the feed.
        with self.lock:
            low = self.collection.find_one({}, {"_id": 1}, sort=[("_id", ASCENDING)])
            kept = [low["_id"]] if low else []
            if self.in_process and self.shared.pending:
                kept.append(min(self.shared.pending))  # reserved, not yet written
        return min(kept) if kept else None

    def reserve(self, resource: str, doc_id, op: str, version: int, refs=None) -> int:
        """Insert a pending record under the next free sequence and return that sequence."""
        event = "deleted" if op == "delete" else ("created" if version == 1 else "updated")
        record = {
            "state": PENDING,
            "resource": resource,
            "doc_id": doc_id,
            "op": op,
            "event": event,
            "version": version,
            "refs": dict(refs or {}),
            "reserved_at": utcnow(),
            "at": None,
        }
        if self.in_process:
            with self.lock:
                self.shared.highest_seen = (self.shared.highest_seen or self.highest()) + 1
                self.shared.pending[self.shared.highest_seen] = record
                return self.shared.highest_seen
        guess = self.shared.highest_seen
        for _ in range(MAX_RESERVE_ATTEMPTS):
            with self.lock:
                seq = (guess or self.highest()) + 1
                try:
                    self.collection.insert_one({**record, "_id": seq})
                except DuplicateKeyError:
                    guess = 0  # another writer took this number first: look again
                    continue
                self.shared.highest_seen = max(self.shared.highest_seen, seq)
            return seq
        raise RuntimeError("could not reserve a change sequence")

    def commit(self, seq: int) -> bool:
        """Mark a pending record committed; False if it had been settled as void meanwhile."""
        return self.resolve(seq, COMMITTED) or self.state_of(seq) == COMMITTED

    def void(self, seq: int) -> bool:
        """Mark a pending record void: its write did not happen."""
        return self.resolve(seq, VOID)

    def resolve(self, seq: int, state: str) -> bool:
        """Move a record out of pending, if it still is; whether this call did it."""
        sets = {"state": state, "at": utcnow()}
        with self.lock:
            if self.in_process:
                record = self.shared.pending.pop(seq, None)
                if record is not None:
                    self.collection.insert_one({**record, **sets, "_id": seq})
                return record is not None
            result = self.collection.update_one({"_id": seq, "state": PENDING}, {"$set": sets})
        return result.modified_count == 1

    def state_of(self, seq: int) -> str | None:
        """The state of one record (None once pruned)."""
        if self.in_process and seq in self.shared.pending:
            return PENDING
        record = self.collection.find_one({"_id": seq}, {"state": 1})
        return record["state"] if record else None

    def get(self, seq: int) -> dict | None:
        """One record."""
        return self.collection.find_one({"_id": seq})

    def exists(self, seq: int) -> bool:
        """Whether the record ``seq`` is kept."""
        return self.collection.find_one({"_id": seq}, {"_id": 1}) is not None

    def scan(self, after: int, limit: int) -> list[dict]:
        """Up to ``limit`` records after ``after``, in sequence order, whatever their state."""
        with self.lock:
            cursor = self.collection.find({"_id": {"$gt": after}})
            return list(cursor.sort("_id", ASCENDING).limit(limit))

    def others_for_version(self, record: dict) -> int:
        """How many other non-void records claim the same document and version."""
        return self.collection.count_documents(
            {
                "resource": record["resource"],
                "doc_id": record["doc_id"],
                "version": record["version"],
                "op": record["op"],
                "state": {"$ne": VOID},
                "_id": {"$ne": record["_id"]},
            }
        )

    def prune(self, older_than: dt.datetime) -> int:
        """Delete the settled records reserved before ``older_than``, as a sequence prefix.

        The highest record always stays: the next sequence is counted from it.
        """
        with self.lock:
            top = self.highest()
            last_old = self.collection.find_one(
                {"_id": {"$lt": top}, "reserved_at": {"$lt": older_than}},
                {"_id": 1},
                sort=[("_id", DESCENDING)],
            )
            if last_old is None:
                return 0
            return self.collection.delete_many({"_id": {"$lte": last_old["_id"]}}).deleted_count


class FeedIdentityRepository:
    """The ``change_feed`` collection: the feed's epoch, made once per database."""

    collection_name = "change_feed"

    def __init__(self, db):
        self.collection = db[self.collection_name]
        self.lock = state_for(db).lock

    def epoch(self) -> str:
        """The random id cursors carry, so a cursor from another database is recognised."""
        found = self.collection.find_one({"_id": "epoch"})
        if found:
            return found["value"]
        # Another worker may have made it first; theirs is the one then.
        with self.lock, contextlib.suppress(DuplicateKeyError):
            self.collection.insert_one({"_id": "epoch", "value": secrets.token_hex(6)})
        return self.collection.find_one({"_id": "epoch"})["value"]
