"""Fast paths of the embedded (mongomock) store that answer exactly as mongomock does.

mongomock evaluates every query by scanning with a generic filter evaluator, deep-copies
every match before it sorts, skips and limits, and finds a document by ``_id`` with a
scan. These functions work on the stored documents of one mongomock collection (the
caller holds the store's lock) and copy only what they return.
"""

import copy
import functools
import operator
from collections.abc import Mapping
from datetime import datetime

from bson import ObjectId
from mongomock import filtering

from service.embedded_filters import IDS, simple_test

NOTHING = object()
# The field each collection keeps an index of: a claim's article never changes.
INDEXED_FIELDS = {"claims": "article_id"}


class FieldIndex:
    """The ids of the documents holding each ObjectId value of one field, in the store's
    order. A superset: a deleted document's id stays until a read skips it. It is in step
    while the store holds as many documents as after the last write seen here; any other
    count (a write it did not see) or a write that may change the field rebuilds it."""

    def __init__(self, field: str):
        self.field = field
        self.ids: dict[ObjectId, dict] | None = None
        self.size = -1

    def candidates(self, store, value: ObjectId) -> list[dict]:
        """The stored documents that may hold ``value`` (every one that does)."""
        documents = store._documents
        if self.ids is None or len(documents) != self.size:
            self.rebuild(store)
        if self.ids is None:
            return list(dict.values(documents))
        # One look-up per id (an ObjectId hashes in Python): stored documents are dicts.
        return [doc for i in self.ids.get(value, ()) if (doc := documents.get(i)) is not None]

    def rebuild(self, store) -> None:
        """Index every stored document (none when a value is an array: not indexable)."""
        self.ids, self.size = {}, len(store._documents)
        if not self.add(dict.values(store._documents)):
            self.ids = None

    def add(self, docs) -> bool:
        """Index newly stored documents at the end; False when one cannot be indexed."""
        if self.ids is None:
            return False
        for doc in docs:
            value = doc.get(self.field)
            if isinstance(value, list | dict) or "_id" not in doc:
                self.ids = None
                return False
            if type(value) is ObjectId:
                ids = self.ids.setdefault(value, {})
                ids.pop(doc["_id"], None)
                ids[doc["_id"]] = None
        return True

    def wrote(self, store, size_before: int, changes_field: bool) -> None:
        """After a write of this process: keep in step, or start over."""
        if changes_field:
            self.ids = None
        elif self.size == size_before:
            self.size = len(store._documents)


def field_index(collection) -> FieldIndex | None:
    """The index a mongomock collection's store keeps (shared by all its wrappers)."""
    field = INDEXED_FIELDS.get(collection.name)
    if field is None:
        return None
    store = collection._store
    index = store.__dict__.get("claimdesk_index")
    if index is None:
        index = store.__dict__.setdefault("claimdesk_index", FieldIndex(field))
    return index


def id_scan(field: str, value: ObjectId, docs: list[dict]) -> list[dict]:
    """The documents whose ``field`` is ``value`` or an array holding it, comparing the id's
    bytes in its slot (ObjectId's own ``==`` is Python code: half a scan's time)."""
    raw = value.binary
    return [
        doc
        for doc in docs
        if getattr(found := doc.get(field), "_ObjectId__id", None) == raw
        or (found.__class__ is list and value in found)
    ]


def iter_matching(collection, spec):
    """The stored documents (not copies) of a mongomock collection that match ``spec``:
    one dictionary look-up for an ``_id`` given as an id or string, the indexed field's
    documents for an ObjectId of it, else a scan."""
    store = collection._store
    if store.is_empty:
        filtering.filter_applies(spec, {})  # mongomock validates the filter even then
    key = spec.get("_id") if isinstance(spec, Mapping) else None
    index = field_index(collection)
    indexed = spec.get(index.field) if index and isinstance(spec, Mapping) else None
    if type(key) in IDS:
        store._remove_expired_documents()
        # Not ``key in store``: its reader lock twice over, while the store's lock is held.
        found = store._documents.get(key, NOTHING)
        candidates = [] if found is NOTHING else [found]
    elif type(indexed) is ObjectId and index is not None:
        store._remove_expired_documents()
        candidates = index.candidates(store, indexed)
    else:
        store._remove_expired_documents()  # as store.documents does, without its generator
        # dict.values, not the OrderedDict's: the same order (mongomock never reorders),
        # without hashing every key (ObjectId hashes in Python).
        candidates = list(dict.values(store._documents))
    if isinstance(spec, dict) and len(spec) == 1:
        ((field, value),) = spec.items()
        if type(value) is ObjectId and "." not in field and not field.startswith("$"):
            return iter(id_scan(field, value, candidates))
    test = simple_test(spec)
    if test is None:
        return (doc for doc in candidates if filtering.filter_applies(spec, doc))
    return (doc for doc in candidates if test(doc))


# Types whose Python order is their BSON order, when every sorted value has one of them.
NATIVE_ORDER = ({datetime}, {ObjectId}, {str}, {int}, {float}, {int, float})


def sort_key(key: str, dataset: list):
    """The key mongomock sorts ``key`` by, or the plain field when every document holds a
    value of one natively ordered type (the same order, without BSON comparisons)."""
    if "." not in key:
        types = {type(doc.get(key, NOTHING)) for doc in dataset}
        if types in NATIVE_ORDER:
            return operator.itemgetter(key)
    return functools.partial(filtering.resolve_sort_key, key)


def sorted_matches(collection, spec, sort) -> list:
    """The stored documents matching ``spec`` in mongomock's order for ``sort``."""
    dataset = list(iter_matching(collection, spec))
    if isinstance(sort, dict):
        sort = list(sort.items())
    for key, direction in reversed(sort or []):
        if key == "$natural":
            if direction < 0:
                dataset.reverse()
            continue
        if key.startswith("$"):
            raise NotImplementedError(f"Sorting by {key} is not implemented in mongomock yet")
        # mongomock stores datetimes naive (UTC), so they never meet aware ones here.
        dataset.sort(key=sort_key(key, dataset), reverse=direction < 0)
    return dataset


# Values nobody changes in place: a copy of a document may share them.
IMMUTABLE = frozenset({str, int, float, bool, type(None), bytes, ObjectId, datetime})


def copy_document(value):
    """A copy of a stored document as mongomock's own copy makes it (dicts and lists new,
    other values copied), sharing the immutable values instead of copying them."""
    if value.__class__ in IMMUTABLE:
        return value
    if isinstance(value, list):
        return [copy_document(item) for item in value]
    if isinstance(value, dict):
        return {key: copy_document(item) for key, item in value.items()}
    return copy.copy(value)


def deep_copy(value, memo=None):
    """``copy.deepcopy`` of a document, sharing its immutable values instead of copying
    them (a datetime or ObjectId copied takes Python code each); anything but plain dicts,
    lists and those values is deep-copied as before."""
    if memo is None:
        cls = value.__class__
        if cls in IMMUTABLE:
            return value
        if cls is dict:
            return {key: deep_copy(item) for key, item in value.items()}
        if cls is list:
            return [deep_copy(item) for item in value]
    return copy.deepcopy(value, memo)


class CopyModule:
    """The ``copy`` module as mongomock's collection module sees it: its deep copies (a
    snapshot of the document before each update, each inserted value) take ``deep_copy``."""

    deepcopy = staticmethod(deep_copy)

    def __getattr__(self, name: str):
        return getattr(copy, name)


def simple_projection(projection):
    """A fast projection for plain top-level fields included (``_id`` kept unless 0), as
    mongomock makes it (fields in document order, ``_id`` last); None for any other."""
    if not isinstance(projection, dict):
        return None
    keep_id = projection.get("_id", 1)
    wanted = {key for key in projection if key != "_id"}
    if keep_id not in (0, 1) or type(keep_id) not in (int, bool):
        return None
    if not wanted:  # {"_id": 1}: the id alone; {"_id": 0} excludes, as mongomock does it
        return (lambda doc: {"_id": doc["_id"]} if "_id" in doc else {}) if keep_id else None
    for key in wanted:
        value = projection[key]
        if "." in key or key.startswith("$") or value != 1 or type(value) not in (int, bool):
            return None

    def project(doc: dict) -> dict:
        copied = {key: copy_document(value) for key, value in doc.items() if key in wanted}
        if keep_id and "_id" in doc:
            copied["_id"] = doc["_id"]
        return copied

    return project


def copies(collection, docs: list, projection, container) -> list:
    """What mongomock hands out for stored documents: projected copies."""
    if container is dict and not projection:
        return [copy_document(doc) for doc in docs]
    project = simple_projection(projection) if container is dict else None
    if project is not None:
        return [project(doc) for doc in docs]
    return [collection._copy_only_fields(doc, projection, container) for doc in docs]


def found_dataset(collection, spec, sort, projection, container) -> list:
    """mongomock's ``_get_dataset`` (every match, sorted and copied), the fast way."""
    return copies(collection, sorted_matches(collection, spec, sort), projection, container)


def read_cursor(cursor) -> list:
    """What iterating a fresh mongomock cursor gives, copying only the documents returned
    (mongomock copies every match before it skips and limits)."""
    factory = cursor._factory
    if cursor._emitted or cursor.collection.codec_options.tz_aware or factory.keywords:
        return list(cursor)
    spec, sort, projection, container = factory.args
    dataset = sorted_matches(cursor.collection, spec, sort)[cursor._skip :]
    if cursor._limit:
        dataset = dataset[: abs(cursor._limit)]
    return copies(cursor.collection, dataset, projection, container)
