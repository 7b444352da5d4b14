"""The in-memory store's collections behind one lock: every call runs alone."""

from collections.abc import Mapping

import mongomock
from mongomock import helpers
from mongomock.collection import Cursor as CursorType

from service.embedded_store import (
    copy_document,
    field_index,
    found_dataset,
    iter_matching,
    read_cursor,
    sorted_matches,
)


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
        return next(iter(self.find(filter, *args, **kwargs).limit(1)), None)

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
