"""The one module that owns the MongoDB connection and the indexes."""

import copy
import functools
import logging
import operator
import threading
import weakref
from collections.abc import Callable, Mapping
from datetime import datetime

import mongomock
import pymongo
from bson import ObjectId
from flask import Flask, current_app
from mongomock import filtering, helpers
from mongomock.collection import Cursor as CursorType
from pymongo import ASCENDING, DESCENDING, TEXT, IndexModel
from pymongo.errors import PyMongoError

from service.formats.textsearch import TEXT_FIELDS

log = logging.getLogger(__name__)
EXTENSION = "claimdesk.db"
NOTHING = object()

INDEXES: dict[str, list[IndexModel]] = {
    "sides": [
        IndexModel([("updated_at", DESCENDING), ("_id", DESCENDING)], name="updated_at"),
        IndexModel([("match_keys", ASCENDING)], unique=True, name="match_keys_unique"),
        IndexModel([("slug", ASCENDING)], unique=True, name="slug_unique"),
        IndexModel([("name_key", ASCENDING), ("_id", ASCENDING)], name="name_key"),
        IndexModel([("created_at", DESCENDING), ("_id", DESCENDING)], name="created_at"),
    ],
    "articles": [
        IndexModel([("updated_at", DESCENDING), ("_id", DESCENDING)], name="updated_at"),
        IndexModel(
            [("url", ASCENDING)],
            unique=True,
            partialFilterExpression={"url": {"$type": "string"}},
            name="url_unique",
        ),
        IndexModel([("content_hash", ASCENDING)], unique=True, name="content_hash_unique"),
        IndexModel([("published_at", DESCENDING), ("_id", DESCENDING)], name="published_at"),
        IndexModel([("created_at", DESCENDING), ("_id", DESCENDING)], name="created_at"),
        IndexModel([("title", ASCENDING), ("_id", ASCENDING)], name="title"),
        IndexModel([("source", ASCENDING), ("published_at", DESCENDING)], name="source_date"),
        IndexModel([("tags", ASCENDING), ("published_at", DESCENDING)], name="tags_date"),
        IndexModel([("language", ASCENDING), ("published_at", DESCENDING)], name="lang_date"),
        IndexModel([("side_ids", ASCENDING), ("published_at", DESCENDING)], name="sides_date"),
        IndexModel([("claim_count", ASCENDING), ("published_at", DESCENDING)], name="count_date"),
        IndexModel(
            [(field, TEXT) for field in TEXT_FIELDS["articles"]],
            name="text",
            default_language="english",
            # Our `language` field holds any BCP 47 tag; MongoDB would reject unknown ones.
            language_override="text_language",
        ),
    ],
    "api_keys": [
        IndexModel([("key_hash", ASCENDING)], unique=True, name="key_hash_unique"),
        IndexModel([("revoked_at", ASCENDING), ("created_at", DESCENDING)], name="live"),
        # Unique: created_by/updated_by name a key, so a name must mean one key.
        IndexModel([("name", ASCENDING)], unique=True, name="name_unique"),
    ],
    "changes": [
        IndexModel(
            [("resource", ASCENDING), ("doc_id", ASCENDING), ("version", ASCENDING)],
            name="doc_version",
        ),
    ],
    "webhooks": [
        IndexModel([("created_at", DESCENDING), ("_id", DESCENDING)], name="created_at"),
        IndexModel([("active", ASCENDING)], name="active"),
    ],
    "webhook_outbox": [
        IndexModel([("webhook_id", ASCENDING), ("seq", ASCENDING)], unique=True, name="once"),
        IndexModel(
            [("state", ASCENDING), ("next_attempt_at", ASCENDING), ("seq", ASCENDING)], name="due"
        ),
        IndexModel(
            [("webhook_id", ASCENDING), ("resource_key", ASCENDING), ("seq", ASCENDING)],
            name="resource_order",
        ),
        IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_at_ttl"),
    ],
    "webhook_deliveries": [
        IndexModel([("webhook_id", ASCENDING), ("at", DESCENDING)], name="webhook_at"),
        IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_at_ttl"),
    ],
    "idempotency_keys": [
        IndexModel([("expires_at", ASCENDING)], expireAfterSeconds=0, name="expires_at_ttl"),
    ],
    "claims": [
        IndexModel([("updated_at", DESCENDING), ("_id", DESCENDING)], name="updated_at"),
        IndexModel([("article_id", ASCENDING), ("span.start", ASCENDING)], name="article_order"),
        IndexModel([("side_id", ASCENDING), ("published_at", DESCENDING)], name="side_date"),
        IndexModel([("speaker_key", ASCENDING), ("published_at", DESCENDING)], name="speaker"),
        IndexModel([("kind", ASCENDING), ("published_at", DESCENDING)], name="kind_date"),
        IndexModel([("origin", ASCENDING), ("published_at", DESCENDING)], name="origin_date"),
        IndexModel([("review.status", ASCENDING), ("created_at", DESCENDING)], name="review"),
        IndexModel([("tags", ASCENDING), ("published_at", DESCENDING)], name="tags_date"),
        IndexModel([("published_at", DESCENDING), ("_id", DESCENDING)], name="published_at"),
        IndexModel([("created_at", DESCENDING), ("_id", DESCENDING)], name="created_at"),
        IndexModel([("confidence", DESCENDING), ("_id", DESCENDING)], name="confidence"),
        IndexModel([("span.start", ASCENDING), ("_id", ASCENDING)], name="span_start"),
        IndexModel(
            [(field, TEXT) for field in TEXT_FIELDS["claims"]],
            name="text",
            default_language="english",
            language_override="text_language",
        ),
    ],
}


def make_client(config: dict):
    """Create the MongoDB client the settings ask for: a server, or the in-memory store."""
    uri = config.get("MONGO_URI")
    if not uri:
        return mongomock.MongoClient(tz_aware=False)
    timeout = config["MONGO_TIMEOUT_MS"]
    return pymongo.MongoClient(
        uri,
        serverSelectionTimeoutMS=timeout,
        connectTimeoutMS=timeout,
        socketTimeoutMS=max(timeout * 5, 10000),
        w="majority",
        retryWrites=True,
        appname="claimdesk",
    )


# Indexes an earlier version made that now stand in the way of their replacement.
OBSOLETE_INDEXES = {"api_keys": ["name"]}


def drop_obsolete_indexes(database) -> None:
    """Drop indexes replaced by others on the same keys (MongoDB refuses both at once)."""
    for collection_name, names in OBSOLETE_INDEXES.items():
        collection = database[collection_name]
        present = collection.index_information()
        for name in names:
            if name in present:
                collection.drop_index(name)


def ensure_indexes(database, in_memory: bool = False, collections=None) -> None:
    """Create every index the queries rely on (of ``collections``, if given); idempotent."""
    drop_obsolete_indexes(database)
    for name, models in INDEXES.items():
        if collections is not None and name not in collections:
            continue
        collection = database[name]
        if not in_memory:
            collection.create_indexes(models)
            continue
        for model in models:
            options = dict(model.document)
            keys = list(options.pop("key").items())
            # mongomock builds no text index ($text is refused there anyway) and drops
            # partialFilterExpression in create_indexes, so make them one by one.
            if TEXT not in dict(keys).values():
                collection.create_index(keys, **options)


def is_in_memory(client) -> bool:
    """Whether a client is the in-memory store, or a wrapper (in tests) that says so."""
    if isinstance(client, mongomock.MongoClient):
        return True
    # Not getattr: on a pymongo client any attribute name is a database.
    return getattr(client, "__dict__", {}).get("in_memory") is True


_STORE_LOCKS: "weakref.WeakKeyDictionary[object, threading.RLock]" = weakref.WeakKeyDictionary()
_STORE_LOCKS_GUARD = threading.Lock()


def store_lock(client) -> threading.RLock:
    """The one lock every caller of an in-memory client shares (one per client)."""
    with _STORE_LOCKS_GUARD:
        lock = _STORE_LOCKS.get(client)
        if lock is None:
            lock = _STORE_LOCKS[client] = threading.RLock()
        return lock


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
                result = value(*args, **kwargs)
            return self._wrap(result)

        return call

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


IDS = (ObjectId, str)


def field_test(value):
    """A test of one field's value for a plain condition (an id or string, ``None``,
    ``$in`` of ids or strings, ``$type: "string"``); None for any other condition."""
    if type(value) in IDS:
        return lambda found: found == value
    if value is None:
        return lambda found: found is None
    if isinstance(value, dict) and value == {"$type": "string"}:
        return lambda found: isinstance(found, str)
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("$in"), list):
        wanted = set(value["$in"])
        if all(type(v) in IDS for v in wanted):
            return lambda found: isinstance(found, IDS) and found in wanted
    return None


def field_conditions(spec) -> list[tuple[str, Callable]] | None:
    """(field, test of a value) for each condition of a filter of plain conditions on
    top-level fields (``$and`` of such filters too); None for any other filter."""
    if not isinstance(spec, dict):
        return None
    conditions = []
    for field, value in spec.items():
        if field == "$and" and isinstance(value, list) and value:
            parts = [field_conditions(part) for part in value]
            if any(part is None for part in parts):
                return None
            conditions += [condition for part in parts for condition in part or ()]
            continue
        test = field_test(value)
        if test is None or "." in field or field.startswith("$"):
            return None
        conditions.append((field, test))
    return conditions


def simple_test(spec):
    """A fast test for a filter ``field_conditions`` takes; None for any other. It answers
    as mongomock does: a field matches a condition its value meets, or an array holding a
    value that meets it (a missing field is ``None``)."""
    conditions = field_conditions(spec)
    if conditions is None:
        return None

    def test(doc: dict) -> bool:
        for field, check in conditions:
            found = doc.get(field)
            if found.__class__ is list:
                if not any(check(value) for value in found):
                    return False
            elif not check(found):
                return False
        return True

    return test


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
    one dictionary look-up for an ``_id`` given as an id or string, else a scan."""
    store = collection._store
    if store.is_empty:
        filtering.filter_applies(spec, {})  # mongomock validates the filter even then
    key = spec.get("_id") if isinstance(spec, Mapping) else None
    if type(key) in IDS:
        candidates = [store[key]] if key in store else []
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


def copies(collection, docs: list, projection, container) -> list:
    """What mongomock hands out for stored documents: projected copies."""
    if not projection and container is dict:
        return [copy_document(doc) for doc in docs]
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


class Store:
    """The database handle of one app, with indexes created once the server answers."""

    def __init__(self, client, db_name: str):
        self.client = client
        self.in_memory = is_in_memory(client)
        self.database = client[db_name]
        if self.in_memory:
            self.database = SerialDatabase(self.database, store_lock(client))
        self._indexes_ready = False
        self._lock = threading.Lock()

    def ensure_ready(self) -> None:
        """Make sure indexes exist; raises pymongo errors while the server is away."""
        if self._indexes_ready:
            return
        with self._lock:
            if not self._indexes_ready:
                ensure_indexes(self.database, self.in_memory)
                self._indexes_ready = True

    def ping(self) -> None:
        """Raise a pymongo error unless the server answers now."""
        self.client.admin.command("ping")
        self.ensure_ready()


def init_app(app: Flask, mongo_client=None) -> Store:
    """Attach a Store to the app, trying to create the indexes now."""
    client = mongo_client if mongo_client is not None else make_client(app.config)
    store = Store(client, app.config["MONGO_DB"])
    try:
        store.ensure_ready()
    except PyMongoError as exc:
        log.warning("MongoDB not reachable at start (%s); indexes will be made later", exc)
    app.extensions[EXTENSION] = store
    return store


def get_store() -> Store:
    """The Store of the current app."""
    return current_app.extensions[EXTENSION]


def get_db():
    """The database of the current app, with indexes in place."""
    store = get_store()
    store.ensure_ready()
    return store.database
