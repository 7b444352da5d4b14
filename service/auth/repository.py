"""API keys in MongoDB: only a hash of each key is stored."""

import hashlib
import secrets

from bson import ObjectId
from pymongo.errors import DuplicateKeyError

from service.clock import utcnow
from service.errors import Conflict, NotFound
from service.persistence import Repository

ROLES = ("reader", "editor", "admin")
KEY_PREFIX = "cdk_"


def hash_key(key: str) -> str:
    """sha256 of a key: keys are 256-bit random, so a fast hash is enough."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def new_key() -> str:
    """A fresh random API key."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


class KeyRepository(Repository):
    """Create, find, list and revoke API keys."""

    collection_name = "api_keys"
    resource = "API key"
    sort_fields = {"created_at": "created_at", "name": "name"}

    def create(self, name: str, role: str, actor: str | None = None, key: str | None = None):
        """Store a new key; returns (document, the key in clear — shown once)."""
        key = key or new_key()
        doc = self.stamp_new(
            {
                "name": name,
                "role": role,
                "key_hash": hash_key(key),
                # Only our own keys show a prefix; an operator's chosen key shows nothing of itself.
                "hint": key[: len(KEY_PREFIX) + 4] if key.startswith(KEY_PREFIX) else "",
                "revoked_at": None,
            },
            actor,
        )
        try:
            self.collection.insert_one(doc)
        except DuplicateKeyError as exc:
            taken = self.collection.find_one({"name": name}, {"_id": 1})
            existing = taken["_id"] if taken else None
            raise Conflict(f"An API key named {name!r} exists", existing) from exc
        return doc, key

    def ensure(self, name: str, role: str, key: str) -> None:
        """Make sure a given key exists (a bootstrap admin key); idempotent across workers.

        Names are unique: a new key configured under the same name replaces the old one's
        hash (a rotation); a revoked bootstrap key stays revoked.
        """
        key_hash = hash_key(key)
        doc = self.stamp_new({"name": name, "role": role, "hint": "", "revoked_at": None}, None)
        doc.update(created_by="bootstrap", updated_by="bootstrap")
        try:
            self.collection.update_one({"key_hash": key_hash}, {"$setOnInsert": doc}, upsert=True)
            return
        except DuplicateKeyError:
            pass  # another worker inserted it first, or the name holds an earlier key
        self.collection.update_one(
            {"name": name, "key_hash": {"$ne": key_hash}},
            {
                "$set": {"key_hash": key_hash, "updated_at": utcnow(), "updated_by": "bootstrap"},
                "$inc": {"version": 1},
            },
        )

    def authenticate(self, key: str) -> dict | None:
        """The name and role of the live key presented, or None."""
        live = {"key_hash": hash_key(key), "revoked_at": None}
        return self.collection.find_one(live, {"name": 1, "role": 1, "_id": 0})

    def revoke(self, key_id: ObjectId, actor: str | None = None) -> dict:
        """Revoke a key; it stops working on the next request."""
        key = self.get(key_id)
        if key["revoked_at"] is None:
            key = self.compare_and_set(key_id, key["version"], {"revoked_at": utcnow()}, actor)
        return key

    def revoke_by_name(self, name: str, actor: str | None = None) -> list[dict]:
        """Revoke every live key with a name."""
        live = list(self.collection.find({"name": name, "revoked_at": None}, {"_id": 1}))
        if not live:
            raise NotFound(f"No live API key named {name!r}")
        return [self.revoke(doc["_id"], actor) for doc in live]

    def query(self, include_revoked: bool) -> dict:
        """The filter of the key list."""
        return {} if include_revoked else {"revoked_at": None}
