"""Idempotency records in MongoDB, expired by a TTL index 24 hours after first use."""

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from bson import Binary
from pymongo.errors import DuplicateKeyError

from service.clock import utcnow
from service.store_state import store_lock

NEW, REPLAY, MISMATCH, IN_FLIGHT = "new", "replay", "mismatch", "in_flight"


@dataclass
class Claim:
    """The outcome of presenting a key: what to do, and the record behind it."""

    outcome: str
    record: dict


def record_id(scope: str, key: str) -> str:
    """The record's id: a hash, so neither scope nor key needs escaping or a length cap."""
    return hashlib.sha256(f"{scope}\0{key}".encode()).hexdigest()


class IdempotencyRepository:
    """The ``idempotency_keys`` collection: one record per (scope, key)."""

    collection_name = "idempotency_keys"

    def __init__(self, db, ttl_seconds: int = 86400, lease_seconds: int = 300):
        self.collection = db[self.collection_name]
        self.lock = store_lock(db)
        self.ttl = dt.timedelta(seconds=ttl_seconds)
        self.lease = dt.timedelta(seconds=lease_seconds)

    def claim(self, scope: str, key: str, fingerprint: str) -> Claim:
        """Start a request under ``key``, or say why not (replay, other body, in flight)."""
        rid = record_id(scope, key)
        for _ in range(10):
            now = utcnow()
            with self.lock:
                try:
                    return Claim(NEW, self._insert(rid, scope, fingerprint, now))
                except DuplicateKeyError:
                    found = self.collection.find_one({"_id": rid})
                if found is None:
                    continue  # expired and removed in between
                if found["expires_at"] <= now:
                    # Expired (the TTL monitor runs once a minute): the key is free again.
                    self.collection.delete_one({"_id": rid, "token": found["token"]})
                    continue
                if found["fingerprint"] != fingerprint:
                    return Claim(MISMATCH, found)
                if found["state"] == "done":
                    return Claim(REPLAY, found)
                if found["lease_until"] > now:
                    return Claim(IN_FLIGHT, found)
                taken = self._take_over(found, now)
                if taken is not None:
                    return Claim(NEW, taken)
        raise RuntimeError("idempotency record kept changing")

    def _insert(self, rid: str, scope: str, fingerprint: str, now: dt.datetime) -> dict:
        """A new running record (DuplicateKeyError if the key is taken)."""
        record = {
            "_id": rid,
            "scope": scope,
            "fingerprint": fingerprint,
            "state": "running",
            "token": secrets.token_hex(8),
            "created_at": now,
            "lease_until": now + self.lease,
            "expires_at": now + self.ttl,
            "response": None,
        }
        self.collection.insert_one(record)
        return record

    def _take_over(self, found: dict, now: dt.datetime) -> dict | None:
        """Run again a request whose first run died without an answer (its lease ran out)."""
        token = secrets.token_hex(8)
        sets = {"token": token, "lease_until": now + self.lease}
        result = self.collection.update_one(
            {"_id": found["_id"], "token": found["token"], "state": "running"}, {"$set": sets}
        )
        return {**found, **sets} if result.modified_count else None

    def finish(self, record: dict, status: int, headers: dict, body: bytes) -> bool:
        """Keep the answer to replay it; False if another run took the key over."""
        response = {"status": status, "headers": headers, "body": Binary(body)}
        with self.lock:
            result = self.collection.update_one(
                {"_id": record["_id"], "token": record["token"]},
                {"$set": {"state": "done", "response": response}},
            )
        return result.modified_count == 1

    def release(self, record: dict) -> None:
        """Forget a key whose request got no answer worth replaying (a 5xx, a broken stream)."""
        with self.lock:
            self.collection.delete_one({"_id": record["_id"], "token": record["token"]})
