"""The in-memory store's collections behind one lock: every call runs alone."""

import copy
import functools
from collections import Counter
from collections.abc import Mapping
from operator import methodcaller

import mongomock
from mongomock import helpers
from mongomock.collection import Cursor as CursorType
from mongomock.collection import validate_is_mapping

from service.embedded_inserts import fast_insert
from service.embedded_store import (
    CopyModule,
    copies,
    copy_document,
    field_index,
    found_dataset,
    iter_matching,
    read_cursor,
    sorted_matches,
)
from service.embedded_updates import fast_update, mongomock_values

# mongomock deep-copies each document before an update and each value it stores.
mongomock.collection.copy = CopyModule()  # type: ignore[assignment]
# ... and rebuilds every document, filter and update it is given (see mongomock_values).
helpers.patch_datetime_awareness_in_document = mongomock_values


class Serialised:
    """A mongomock object whose every call runs alone, under its store's lock."""

    def __init__(self, inner, lock):
        self._inner = inner
        self._lock = lock

    def __getattr__(self, name):
        value = getattr(self._inner, name)
        if not callable(value):
            return value

        def call(*args, **kwargs):
            with self._lock:
                result = self._call(name, value, args, kwargs)
            return self._wrap(result)

        return call

    def _call(self, name: str, method, args, kwargs):
        """Call a method of the wrapped object (the lock is held)."""
        return method(*args, **kwargs)

    def _wrap(self, result):
        """What a call hands back to the caller."""
        return result


class SerialCursor(Serialised):
    """A mongomock cursor that reads its results while holding the store's lock."""

    def __init__(self, inner, lock):
        super().__init__(inner, lock)
        self._results = None

    def _wrap(self, result):
        return self if result is self._inner else result

    def __iter__(self):
        if self._results is None:
            with self._lock:
                self._results = iter(read_cursor(self._inner))
        return self._results

    def __next__(self):
        return next(iter(self))


class SerialCollection(Serialised):
    """A mongomock collection whose every call runs alone, under one lock per store.

    mongomock's compound operations are not atomic (find_one_and_update finds with the
    filter, then updates by ``_id`` alone; delete_many can meet a document removed under
    it): serialising them gives the single-document atomicity MongoDB guarantees.
    """

    def __init__(self, inner, lock):
        super().__init__(inner, lock)
        # mongomock's own collection (not a test's wrapper): its reads, updates and
        # deletes find their documents through iter_matching.
        self.native = isinstance(inner, mongomock.Collection)
        if self.native:
            inner._iter_documents = lambda spec: iter_matching(inner, spec)
            inner._get_dataset = lambda *args: iter(found_dataset(inner, *args))

    def _wrap(self, result):
        return SerialCursor(result, self._lock) if isinstance(result, CursorType) else result

    def _call(self, name: str, method, args, kwargs):
        """Call it, keeping the store's field index in step with what a write changed."""
        if self.native and name in UPDATES and not touches_unique(self._inner, name, args, kwargs):
            method = functools.partial(without_unique_checks, self._inner, method)
            if name in PLAIN_UPDATES:
                method = functools.partial(fast_update, self._inner, name, method)
        elif self.native and name in INSERTS:
            method = functools.partial(fast_insert, self._inner, name, method)
        index = field_index(self._inner) if self.native and name not in READS else None
        if index is None:
            return method(*args, **kwargs)
        store = self._inner._store
        if name == "insert_many":
            args = (list(args[0]), *args[1:])  # a generator is read once: keep the documents
        size_before = len(store._documents)
        try:
            result = method(*args, **kwargs)
        except BaseException:
            index.wrote(store, size_before, changes_field=True)
            raise
        if name in ("insert_one", "insert_many"):
            index.add([args[0]] if name == "insert_one" else args[0])
        index.wrote(store, size_before, may_change(name, index.field, args, kwargs))
        return result

    def find_one(self, filter=None, *args, **kwargs):
        """The first document ``find`` would give (copying only that one)."""
        if not self.native:
            return self.__getattr__("find_one")(filter, *args, **kwargs)
        if filter is not None and not isinstance(filter, Mapping):
            filter = {"_id": filter}
        plain = len(args) + len(kwargs) <= 1 and set(kwargs) <= {"projection"}
        if not plain or self._inner.codec_options.tz_aware:
            return next(iter(self.find(filter, *args, **kwargs).limit(1)), None)
        projection = args[0] if args else kwargs.get("projection")
        validate_is_mapping("filter", filter if filter is not None else {})
        with self._lock:
            # The first match in store order, as a cursor without a sort gives it.
            spec = helpers.patch_datetime_awareness_in_document(filter or {})
            found = next(iter_matching(self._inner, spec), None)
            return None if found is None else copies(self._inner, [found], projection, dict)[0]

    def count_values(self, query: dict, field: str) -> dict:
        """How many documents matching ``query`` hold each value of the top-level ``field``
        (None when missing): what counting a find projected on it gives, without copies."""
        if self._inner.codec_options.tz_aware:
            found = self.find(query, {field: 1})
            return dict(Counter(doc.get(field) for doc in found))
        with self._lock:
            spec = helpers.patch_datetime_awareness_in_document(query)
            # map with methodcaller: the values are read in C, not a generator frame each.
            return dict(Counter(map(methodcaller("get", field), iter_matching(self._inner, spec))))

    def find_page(self, query: dict, order, skip: int, limit: int) -> tuple[list[dict], int]:
        """A page of ``find(query).sort(order)`` and the count of all matches, in one pass."""
        with self._lock:
            spec = helpers.patch_datetime_awareness_in_document(query)
            matched = sorted_matches(self._inner, spec, order)
            page = matched[skip : skip + limit]
            return [copy_document(doc) for doc in page], len(matched)


# Calls that change no document (aggregate is not one: $out and $merge write).
READS = frozenset(
    {"find", "find_one", "count_documents", "estimated_document_count", "distinct"}
    | {"index_information", "list_indexes", "create_index", "create_indexes"}
)
UPDATES = ("update_one", "update_many", "find_one_and_update")
PLAIN_UPDATES = ("update_one", "find_one_and_update")  # of one document: see fast_update
INSERTS = ("insert_one", "insert_many")


def named_fields(update, upsert) -> set[str] | None:
    """The top-level fields an update's operators name; None when it may set others (an
    upsert, a replacement or pipeline, a ``$rename``)."""
    if upsert or not isinstance(update, dict):
        return None
    roots = set()
    for operator_name, fields in update.items():
        if operator_name == "$rename" or not operator_name.startswith("$"):
            return None
        if not isinstance(fields, dict):
            return None
        roots |= {key.split(".", 1)[0] for key in fields}
    return roots


def touches_unique(collection, name: str, args, kwargs) -> bool:
    """Whether an update may change a field a unique index holds or filters on. mongomock
    recounts every unique index after each update (a scan of the collection per index);
    a document whose indexed fields are unchanged cannot have become a duplicate."""
    update = args[1] if len(args) > 1 else kwargs.get("update")
    position = 4 if name == "find_one_and_update" else 2  # after projection and sort
    upsert = (len(args) > position and args[position]) or kwargs.get("upsert")
    named = named_fields(update, upsert)
    if named is None:
        return True
    return not named.isdisjoint(unique_fields(collection))


def unique_fields(collection) -> frozenset[str]:
    """The top-level fields the unique indexes of a mongomock collection key or filter on
    (worked out again only when its indexes are no longer those it was worked out from:
    asked on every update)."""
    store = collection._store
    indexes = store.indexes
    known = store.__dict__.get("claimdesk_unique_fields")
    if known is not None and known[0] == indexes:
        return known[1]
    fields: set[str] = set()
    for index in indexes.values():
        if index.get("unique"):
            fields |= {key.split(".", 1)[0] for key, _ in index.get("key", ())}
            fields |= filter_fields(index.get("partialFilterExpression"))
    store.__dict__["claimdesk_unique_fields"] = (copy.deepcopy(indexes), frozenset(fields))
    return frozenset(fields)


def filter_fields(spec) -> set[str]:
    """The top-level fields a filter names (under ``$and`` and the like too)."""
    if isinstance(spec, list):
        return set().union(*(filter_fields(part) for part in spec))
    if not isinstance(spec, dict):
        return set()
    found = set()
    for key, value in spec.items():
        if key.startswith("$"):
            found |= filter_fields(value)
        else:
            found.add(key.split(".", 1)[0])
    return found


def without_unique_checks(collection, method, *args, **kwargs):
    """Call an update of mongomock's collection skipping its unique-index recount (the
    store's lock is held, so no other call meets the collection meanwhile)."""
    collection._ensure_uniques = skip_unique_check
    try:
        return method(*args, **kwargs)
    finally:
        del collection._ensure_uniques


def skip_unique_check(new_data) -> None:
    """Stands in for mongomock's recount of unique indexes while an update runs."""


def may_change(name: str, field: str, args, kwargs) -> bool:
    """Whether a successful write may have set ``field`` of a stored document: an insert or
    a delete does not (the index learns inserts itself); an update only if an operator
    names the field or it upserts; anything else may."""
    if name in ("insert_one", "insert_many", "delete_one", "delete_many"):
        return False
    if name not in UPDATES:
        return True
    update = args[1] if len(args) > 1 else kwargs.get("update")
    upsert = args[2] if len(args) > 2 and name != "find_one_and_update" else False
    if upsert or kwargs.get("upsert") or not isinstance(update, dict):
        return True
    for operator_name, fields in update.items():
        if not operator_name.startswith("$") or not isinstance(fields, dict):
            return True
        if any(key == field or key.startswith(f"{field}.") for key in fields):
            return True
    return False


DATABASE_METHODS = {"command", "drop_collection", "list_collection_names", "create_collection"}


class SerialDatabase:
    """A mongomock database handing out serialised collections."""

    def __init__(self, inner, lock):
        self._inner = inner
        self._lock = lock
        self._collections: dict[str, SerialCollection] = {}

    def __getitem__(self, name: str) -> SerialCollection:
        collection = self._collections.get(name)
        if collection is None:
            collection = SerialCollection(self._inner[name], self._lock)
            self._collections[name] = collection
        return collection

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in {"name", "client"}:
            return getattr(self._inner, name)
        if name not in DATABASE_METHODS:
            return self[name]  # attribute access names a collection, as in pymongo
        method = getattr(self._inner, name)

        def call(*args, **kwargs):
            with self._lock:
                return method(*args, **kwargs)

        return call
