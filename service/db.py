"""The one module that owns the MongoDB connection and the indexes."""

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import mongomock
import pymongo
from flask import Flask, current_app
from pymongo import ASCENDING, DESCENDING, TEXT, IndexModel
from pymongo.errors import PyMongoError

from service.formats.textsearch import TEXT_FIELDS
from service.serialised import SerialDatabase

log = logging.getLogger(__name__)
T = TypeVar("T")
EXTENSION = "claimdesk.db"

INDEXES: dict[str, list[IndexModel]] = {
    "sides": [
        IndexModel([("updated_at", DESCENDING), ("_id", DESCENDING)], name="updated_at"),
        IndexModel([("match_keys", ASCENDING)], unique=True, name="match_keys_unique"),
        IndexModel([("slug", ASCENDING)], unique=True, name="slug_unique"),
        IndexModel([("name_key", ASCENDING), ("_id", ASCENDING)], name="name_key"),
        IndexModel([("created_at", DESCENDING), ("_id", DESCENDING)], name="created_at"),
    ],
    "speakers": [
        IndexModel([("updated_at", DESCENDING), ("_id", DESCENDING)], name="updated_at"),
        # One speaker per name or alias within a type: concurrent first sights make one.
        IndexModel(
            [("type", ASCENDING), ("match_keys", ASCENDING)], unique=True, name="names_unique"
        ),
        IndexModel([("match_keys", ASCENDING), ("created_at", ASCENDING)], name="match_keys"),
        IndexModel([("name_key", ASCENDING), ("_id", ASCENDING)], name="name_key"),
        IndexModel([("created_at", DESCENDING), ("_id", DESCENDING)], name="created_at"),
        IndexModel([("last_seen", DESCENDING), ("_id", DESCENDING)], name="last_seen"),
        IndexModel([("memberships.side_id", ASCENDING), ("name_key", ASCENDING)], name="side"),
        IndexModel([("type", ASCENDING), ("name_key", ASCENDING)], name="type_name"),
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
        IndexModel(
            [("speaker.id", ASCENDING), ("published_at", DESCENDING)], name="speaker_id_date"
        ),
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
        self.made: dict = {}  # by kind: (database, the one made over it); see per_database

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


def per_database(kind: Callable[[Any], T]) -> T:
    """The app's one ``kind`` (a repository, a desk) over its database, made on first use:
    those keep nothing of a request, only the database, and making one per request takes
    a dozen objects (its collection's change-feed wrapper among them)."""
    db = get_db()
    made = get_store().made
    found = made.get(kind)
    if found is None or found[0] is not db:
        found = made[kind] = (db, kind(db))
    return found[1]
