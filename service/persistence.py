"""The data-layer seam: paging, sorting and compare-and-set writes over pymongo."""

from collections.abc import Iterator
from typing import Any

from bson import ObjectId
from pymongo import ReturnDocument

from service.changes.recorded import RecordedCollection
from service.changes.repository import RESOURCES, ChangeRepository
from service.clock import utcnow
from service.errors import NotFound, VersionMismatch
from service.formats.textsearch import TEXT_FIELDS, parse_query
from service.serialised import SerialCollection


def sort_spec(keys, field_map: dict[str, str]) -> list[tuple[str, int]]:
    """Map API sort keys to document fields, breaking ties on ``_id``."""
    spec = [(field_map[name], direction) for name, direction in keys]
    tie = spec[-1][1] if spec else 1
    return [*spec, ("_id", tie)]


def any_of(values: list):
    """An equality or ``$in`` match for a list of literal values (none matches nothing)."""
    return values[0] if len(values) == 1 else {"$in": list(values)}


def equal_to_any(filters: dict, fields: dict[str, str]) -> dict:
    """``field: value`` (or ``$in``) for each repeatable filter given, by parameter name."""
    return {field: any_of(filters[param]) for param, field in fields.items() if filters.get(param)}


def date_range(after=None, before=None) -> dict | None:
    """A ``published_at`` range: after inclusive, before exclusive."""
    bounds = {}
    if after is not None:
        bounds["$gte"] = after
    if before is not None:
        bounds["$lt"] = before
    return bounds or None


def published_and_text(filters: dict) -> dict:
    """The ``published_after`` / ``published_before`` range and the ``q`` full-text search."""
    query = {}
    published = date_range(filters.get("published_after"), filters.get("published_before"))
    if published:
        query["published_at"] = published
    if filters.get("q"):
        query["$text"] = {"$search": filters["q"]}
    return {**query, **updated_since(filters.get("updated_after"))}


def updated_since(after) -> dict:
    """Documents changed at or after ``after`` (inclusive: a client resyncing from the
    newest ``updated_at`` it saw misses nothing written in that same millisecond)."""
    return {"updated_at": {"$gte": after}} if after is not None else {}


def field_texts(doc: dict, fields) -> list[str | None]:
    """The string values of (dotted) fields of a document."""
    texts: list[str | None] = []
    for field in fields:
        value: object = doc
        for part in field.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        texts.append(value if isinstance(value, str) else None)
    return texts


class Repository:
    """Base of the per-resource repositories: one collection, plain dicts, domain errors."""

    collection_name = ""
    resource = "resource"
    sort_fields: dict[str, str] = {}

    def __init__(self, db):
        self.db = db
        collection = db[self.collection_name]
        # The embedded store counts and pages in one scan; MongoDB uses an index for each.
        native = isinstance(collection, SerialCollection) and collection.native
        self._one_pass = collection if native else None
        # Articles, claims and sides: every write goes through the change feed.
        self.collection: Any = (
            RecordedCollection(collection, self.collection_name, ChangeRepository(db))
            if self.collection_name in RESOURCES
            else collection
        )

    def find(self, item_id: ObjectId) -> dict | None:
        """One document, or None."""
        return self.collection.find_one({"_id": item_id})

    def get(self, item_id: ObjectId) -> dict:
        """One document, or NotFound."""
        doc = self.collection.find_one({"_id": item_id})
        if doc is None:
            raise NotFound(f"No {self.resource} with id {item_id}")
        return doc

    def order(self, sort) -> list[tuple[str, int]]:
        """The MongoDB sort of API sort keys, ties broken on ``_id``."""
        return sort_spec(sort, self.sort_fields)

    def find_page(self, query: dict, sort, page: int, per_page: int) -> tuple[list[dict], int]:
        """One page of the documents matching ``query`` and the total count."""
        order = self.order(sort)
        start = (page - 1) * per_page
        try:
            if self._one_pass is not None:
                return self._one_pass.find_page(query, order, start, per_page)
            total = self.collection.count_documents(query)
        except NotImplementedError:
            # The in-memory store (mongomock) has no $text: match the text in process.
            matched = list(self._text_matched_in_process(query, order))
            return matched[start : start + per_page], len(matched)
        cursor = self.collection.find(query).sort(order).skip(start).limit(per_page)
        return list(cursor), total

    def find_matching(self, query: dict, order: list[tuple[str, int]]) -> Iterator[dict]:
        """Every document matching ``query`` in ``order``, lazily (for exports and ``q``)."""
        if "$text" not in query:
            yield from self.collection.find(query).sort(order)
            return
        try:
            cursor = self.collection.find(query).sort(order)
            first = next(cursor, None)
        except NotImplementedError:
            # The in-memory store (mongomock) has no $text: match the text in process.
            yield from self._text_matched_in_process(query, order)
            return
        if first is not None:
            yield first
            yield from cursor

    def _text_matched_in_process(self, query: dict, order) -> Iterator[dict]:
        """The documents the rest of ``query`` finds whose text-index fields match its $text."""
        rest = {key: value for key, value in query.items() if key != "$text"}
        search = parse_query(query["$text"]["$search"])
        fields = TEXT_FIELDS[self.collection_name]
        for doc in self.collection.find(rest).sort(order):
            if search.matches(field_texts(doc, fields)):
                yield doc

    def by_ids(self, ids, fields: tuple[str, ...]) -> dict[ObjectId, dict]:
        """``fields`` of the documents with these ids, by id (those that exist)."""
        wanted = [i for i in ids if i is not None]
        cursor = self.collection.find({"_id": {"$in": wanted}}, dict.fromkeys(fields, 1))
        return {doc["_id"]: doc for doc in cursor}

    def stamp_new(self, doc: dict, actor: str | None) -> dict:
        """Add the bookkeeping fields every new document has."""
        now = utcnow()
        doc.update(created_at=now, updated_at=now, version=1, created_by=actor, updated_by=actor)
        return doc

    def compare_and_set(
        self,
        item_id: ObjectId,
        version: int,
        changes: dict,
        actor: str | None,
        unset: tuple[str, ...] = (),
    ) -> dict:
        """Apply ``changes`` (and remove ``unset``) if the document is still at ``version``."""
        if not changes and not unset:
            current = self.get(item_id)
            if current["version"] != version:
                raise VersionMismatch(f"The {self.resource} changed since version {version}")
            return current  # an empty merge patch changes nothing, not even the version
        sets = dict(changes)
        sets.update(updated_at=utcnow(), updated_by=actor)
        update: dict = {"$set": sets, "$inc": {"version": 1}}
        if unset:
            update["$unset"] = dict.fromkeys(unset, "")
        doc = self.collection.find_one_and_update(
            {"_id": item_id, "version": version}, update, return_document=ReturnDocument.AFTER
        )
        if doc is None:
            self.get(item_id)
            raise VersionMismatch(f"The {self.resource} changed since version {version}")
        return doc

    def delete_at_version(self, item_id: ObjectId, version: int) -> None:
        """Delete the document if it is still at ``version``."""
        if self.collection.delete_one({"_id": item_id, "version": version}).deleted_count:
            return
        self.get(item_id)
        raise VersionMismatch(f"The {self.resource} changed since version {version}")
