"""The delivery log: one record per attempt, kept for 30 days (TTL index)."""

import datetime as dt

from bson import ObjectId
from pymongo import DESCENDING

from service.clock import utcnow


class DeliveryRepository:
    """The ``webhook_deliveries`` collection."""

    collection_name = "webhook_deliveries"

    def __init__(self, db, keep_days: int = 30):
        self.collection = db[self.collection_name]
        self.keep = dt.timedelta(days=keep_days)

    def log(self, entry: dict, attempt: dict) -> dict:
        """Record one attempt of an outbox entry."""
        now = utcnow()
        doc = {
            "webhook_id": entry["webhook_id"],
            "outbox_id": entry["_id"],
            "msg_id": entry["msg_id"],
            "event": entry["event"],
            "seq": entry["seq"],
            "attempt": entry["attempts"] + 1,
            "at": now,
            "expires_at": now + self.keep,
            **attempt,
        }
        self.collection.insert_one(doc)
        return doc

    def page(self, webhook_id: ObjectId, page: int, per_page: int) -> tuple[list[dict], int]:
        """One page of a webhook's attempts, newest first."""
        query = {"webhook_id": webhook_id}
        total = self.collection.count_documents(query)
        cursor = self.collection.find(query).sort([("at", DESCENDING), ("_id", DESCENDING)])
        return list(cursor.skip((page - 1) * per_page).limit(per_page)), total
