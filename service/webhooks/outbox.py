"""The outbox: one entry per (webhook, change) to deliver, kept until delivered or given up."""

import datetime as dt

from bson import ObjectId
from pymongo import ASCENDING
from pymongo.errors import DuplicateKeyError

from service.clock import utcnow
from service.store_state import store_lock

PENDING, DELIVERED, FAILED, CANCELLED = "pending", "delivered", "failed", "cancelled"
NEVER = dt.datetime(1970, 1, 1)


class OutboxRepository:
    """The ``webhook_outbox`` collection."""

    collection_name = "webhook_outbox"

    def __init__(self, db):
        self.collection = db[self.collection_name]
        self.lock = store_lock(db)

    def enqueue(self, webhook_id: ObjectId, change: dict, kind: str, body: str) -> bool:
        """Add a delivery of one change to one webhook; False if it was already there."""
        resource_key = f"{change['resource']}:{change['doc_id']}"
        entry = {
            "webhook_id": webhook_id,
            "seq": change["_id"],
            "event": kind,
            "resource_key": resource_key,
            "msg_id": f"msg_{change['_id']}_{webhook_id}",
            "body": body,
            "state": PENDING,
            "attempts": 0,
            "created_at": utcnow(),
            "first_attempt_at": None,
            "next_attempt_at": NEVER,
            "lease_until": NEVER,
            "expires_at": None,
        }
        with self.lock:
            try:
                self.collection.insert_one(entry)
            except DuplicateKeyError:
                return False  # another dispatcher fanned this change out first
        return True

    def due(self, now: dt.datetime, limit: int) -> list[dict]:
        """Pending entries whose next attempt is due, oldest change first."""
        query = {"state": PENDING, "next_attempt_at": {"$lte": now}, "lease_until": {"$lte": now}}
        cursor = self.collection.find(query).sort([("seq", ASCENDING), ("_id", ASCENDING)])
        return list(cursor.limit(limit))

    def blocked(self, entry: dict) -> bool:
        """Whether an earlier change of the same resource still waits for this webhook."""
        earlier = {
            "webhook_id": entry["webhook_id"],
            "resource_key": entry["resource_key"],
            "seq": {"$lt": entry["seq"]},
            "state": PENDING,
        }
        return self.collection.find_one(earlier, {"_id": 1}) is not None

    def lease(self, entry: dict, until: dt.datetime, now: dt.datetime) -> bool:
        """Take an entry for one attempt, unless another dispatcher holds it."""
        with self.lock:
            result = self.collection.update_one(
                {"_id": entry["_id"], "state": PENDING, "lease_until": {"$lte": now}},
                {"$set": {"lease_until": until}},
            )
        return result.modified_count == 1

    def settle(self, entry: dict, state: str, next_attempt_at=None, keep_days: int = 30) -> None:
        """Record an attempt's outcome: delivered, failed for good, or retry at a time."""
        now = utcnow()
        sets = {
            "state": state,
            "attempts": entry["attempts"] + 1,
            "first_attempt_at": entry["first_attempt_at"] or now,
            "lease_until": NEVER,
        }
        if state == PENDING:
            sets["next_attempt_at"] = next_attempt_at
        else:
            sets["expires_at"] = now + dt.timedelta(days=keep_days)
        self.collection.update_one({"_id": entry["_id"]}, {"$set": sets})

    def cancel_for(self, webhook_id: ObjectId) -> int:
        """Drop the pending deliveries of a deleted or deactivated webhook."""
        sets = {"state": CANCELLED, "expires_at": utcnow() + dt.timedelta(days=1)}
        with self.lock:
            result = self.collection.update_many(
                {"webhook_id": webhook_id, "state": PENDING}, {"$set": sets}
            )
        return result.modified_count

    def counts(self, webhook_id: ObjectId) -> dict[str, int]:
        """How many entries of a webhook are in each state."""
        group = {"$group": {"_id": "$state", "n": {"$sum": 1}}}
        rows = self.collection.aggregate([{"$match": {"webhook_id": webhook_id}}, group])
        return {row["_id"]: row["n"] for row in rows}


class DispatchCursorRepository:
    """The ``webhook_dispatch`` collection: how far the fan-out has read the change feed."""

    collection_name = "webhook_dispatch"

    def __init__(self, db):
        self.collection = db[self.collection_name]

    def position(self) -> int | None:
        """The last change fanned out (None before the first run)."""
        found = self.collection.find_one({"_id": "cursor"})
        return found["seq"] if found else None

    def advance(self, seq: int) -> None:
        """Move the cursor forward (never back: two dispatchers may race)."""
        self.collection.update_one({"_id": "cursor"}, {"$max": {"seq": seq}}, upsert=True)
