"""The write seam of articles, claims, sides and speakers: every write is a recorded change.

A ``RecordedCollection`` stands in for the pymongo collection of a resource repository
(``persistence.Repository`` hands it out), so no write path can skip the feed: each
written document gets a change reserved before the write and committed after it; every
update becomes a compare-and-set on the version it read (one more version, a fresh
``updated_at``); a write that finds the document changed meanwhile reads it again and
retries, unless the caller itself named the version it expects.
"""

from bson import ObjectId
from pymongo import ReturnDocument
from pymongo.errors import PyMongoError
from pymongo.results import DeleteResult, InsertManyResult, InsertOneResult, UpdateResult

from service.changes.recording import ChangeRecorder
from service.changes.references import DERIVED_FIELDS, references
from service.changes.repository import ChangeRepository
from service.clock import utcnow

MAX_ATTEMPTS = 50
UNRECORDED_WRITES = {
    "replace_one",
    "find_one_and_replace",
    "find_one_and_delete",
    "bulk_write",
    "drop",
    "rename",
}
MISSING = object()


def dotted(doc: dict, path: str):
    """The value at a dotted path of a document (MISSING when absent)."""
    value = doc
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


class RecordedCollection:
    """A resource collection whose writes all pass through the change feed."""

    def __init__(self, collection, resource: str, changes: ChangeRepository):
        self._collection = collection
        self.resource = resource
        self.changes = changes
        self.recorder = ChangeRecorder(changes)
        self.lock = changes.lock
        self.derived = DERIVED_FIELDS.get(resource, set())

    def __getattr__(self, name):
        if name in UNRECORDED_WRITES:
            raise TypeError(f"{name} would bypass the change feed; use a recorded write")
        return getattr(self._collection, name)

    # ----- inserts -----

    def insert_one(self, document: dict, **kwargs) -> InsertOneResult:
        """Insert one document as version 1 (or the version it carries)."""
        document.setdefault("_id", ObjectId())
        version = document.get("version", 1)
        with self.recorder.record(self.resource, document["_id"], "upsert", version) as change:
            document["change_seq"] = change.seq
            result = self._collection.insert_one(document, **kwargs)
        return result

    def insert_many(self, documents: list[dict], **kwargs) -> InsertManyResult:
        """Insert documents, each a change; those not stored when it fails are voided."""
        for doc in documents:
            doc.setdefault("_id", ObjectId())
            version = doc.get("version", 1)
            doc["change_seq"] = self.changes.reserve(self.resource, doc["_id"], "upsert", version)
        try:
            result = self._collection.insert_many(documents, **kwargs)
        except BaseException:
            self._settle_failed_inserts(documents)
            raise
        for doc in documents:
            self._finish_insert(doc, True)
        return result

    def _settle_failed_inserts(self, documents: list[dict]) -> None:
        """After a failed insert_many: commit the documents stored, void the others."""
        query = {"_id": {"$in": [d["_id"] for d in documents]}}
        try:
            found = self._collection.find(query, {"change_seq": 1})
            stored = {(d["_id"], d.get("change_seq")) for d in found}
        except PyMongoError:
            stored = set()  # unknown: void them all; settling would judge the same way
        for doc in documents:
            self._finish_insert(doc, (doc["_id"], doc["change_seq"]) in stored)

    def _finish_insert(self, doc: dict, written: bool) -> None:
        """Commit or void the change of one inserted document."""
        seq, version = doc["change_seq"], doc.get("version", 1)
        self.recorder.finish(seq, written, self.resource, doc["_id"], "upsert", version)

    # ----- updates -----

    def find_one_and_update(self, filter: dict, update: dict, **kwargs):
        """Update the first match at the version it is read at; the document before or after."""
        after = kwargs.pop("return_document", ReturnDocument.BEFORE) == ReturnDocument.AFTER
        if kwargs.pop("upsert", False) or kwargs.get("sort"):
            raise TypeError("recorded writes take neither upsert nor sort")
        before, doc = self._update_first(filter, update)
        return doc if after else before

    def update_one(self, filter: dict, update: dict, **kwargs) -> UpdateResult:
        """Update the first match."""
        if kwargs.pop("upsert", False):
            raise TypeError("recorded writes do not upsert")
        before, doc = self._update_first(filter, update)
        matched = int(before is not None)
        return UpdateResult({"n": matched, "nModified": int(doc is not before)}, True)

    def update_many(self, filter: dict, update: dict, **kwargs) -> UpdateResult:
        """Update every match, one recorded change each."""
        if kwargs.pop("upsert", False):
            raise TypeError("recorded writes do not upsert")
        matched = modified = 0
        for found in list(self._collection.find(filter, {"_id": 1})):
            before, doc = self._update_first({**filter, "_id": found["_id"]}, update)
            matched += int(before is not None)
            modified += int(before is not None and doc is not before)
        return UpdateResult({"n": matched, "nModified": modified}, True)

    def _update_first(self, filter: dict, update: dict) -> tuple[dict | None, dict | None]:
        """(document before, after) of a conditional update; both None when nothing matched.

        "After" is the "before" object itself when the update would change nothing.
        """
        if self._derived_only(update):
            with self.lock:
                doc = self._collection.find_one_and_update(
                    filter, update, return_document=ReturnDocument.AFTER
                )
            return doc, doc  # bookkeeping: no new version, nothing in the feed
        for _ in range(MAX_ATTEMPTS):
            current = self._collection.find_one(filter)
            if current is None:
                return None, None
            if self._changes_nothing(current, update):
                return current, current
            doc = self._write_next_version(current, update)
            if doc is not None:
                return current, doc
            if "version" in filter:
                return None, None  # the caller's compare-and-set lost
        raise RuntimeError(f"the {self.resource} kept changing; gave up")

    def _write_next_version(self, current: dict, update: dict) -> dict | None:
        """Apply ``update`` if ``current`` is still at its version; None if it moved on."""
        version = current.get("version", 0) + 1
        refs = references(self.resource, current)
        with self.recorder.record(self.resource, current["_id"], "upsert", version, refs) as change:
            ops = {op: dict(fields) for op, fields in update.items()}
            ops.get("$inc", {}).pop("version", None)
            sets = ops.setdefault("$set", {})
            sets.update(version=version, change_seq=change.seq)
            sets.setdefault("updated_at", utcnow())
            with self.lock:
                doc = self._collection.find_one_and_update(
                    {"_id": current["_id"], "version": current.get("version", 0)},
                    {op: fields for op, fields in ops.items() if fields},
                    return_document=ReturnDocument.AFTER,
                )
            if doc is None:
                change.nothing_written()
        return doc

    def _derived_only(self, update: dict) -> bool:
        """Whether an update touches only counters the newsroom derives."""
        fields = {name.split(".")[0] for ops in update.values() for name in ops}
        return bool(fields) and fields <= self.derived

    @staticmethod
    def _changes_nothing(current: dict, update: dict) -> bool:
        """Whether a ``$set``/``$unset`` update would leave the document as it is."""
        if not set(update) <= {"$set", "$unset"}:
            return False
        quiet = {"updated_at", "updated_by"}
        sets = update.get("$set", {}).items()
        unsets = update.get("$unset", {})
        return all(dotted(current, k) == v for k, v in sets if k not in quiet) and all(
            dotted(current, k) is MISSING for k in unsets
        )

    # ----- deletes -----

    def delete_one(self, filter: dict, **kwargs) -> DeleteResult:
        """Delete the first match at the version it is read at."""
        return DeleteResult({"n": int(self._delete_first(filter))}, True)

    def delete_many(self, filter: dict, **kwargs) -> DeleteResult:
        """Delete every match, one recorded change each."""
        deleted = 0
        for found in list(self._collection.find(filter, {"_id": 1})):
            deleted += int(self._delete_first({**filter, "_id": found["_id"]}))
        return DeleteResult({"n": deleted}, True)

    def _delete_first(self, filter: dict) -> bool:
        """Delete one document recorded as a change; whether one was deleted."""
        for _ in range(MAX_ATTEMPTS):
            current = self._collection.find_one(filter)
            if current is None:
                return False
            version, refs = current.get("version", 0), references(self.resource, current)
            with self.recorder.record(self.resource, current["_id"], "delete", version, refs) as c:
                with self.lock:
                    gone = self._collection.delete_one({"_id": current["_id"], "version": version})
                if not gone.deleted_count:
                    c.nothing_written()
            if gone.deleted_count:
                return True
            if "version" in filter:
                return False
        raise RuntimeError(f"the {self.resource} kept changing; gave up")
