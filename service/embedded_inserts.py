"""The embedded store's fast path for inserts of plain documents, answering as mongomock does.

mongomock checks each inserted document through abstract-class tests and a recursive
walk in Python before it encodes it as BSON. A plain document (a dict of str keys, dicts
and values of known types) is checked here with one walk and the same BSON encoding, and
stored as mongomock stores it: the same ``_id``, the same duplicate-key errors (the store's
``_id`` and mongomock's own recount of each unique index), the same results. Anything
else, and any document mongomock would refuse, goes through mongomock, which then
answers as it always did. The caller holds the store's lock.
"""

from collections.abc import Callable
from datetime import datetime

import bson
from bson import ObjectId
from mongomock import helpers
from pymongo.errors import BulkWriteError, DuplicateKeyError, WriteError
from pymongo.results import InsertManyResult, InsertOneResult

# Values mongomock neither walks into nor may see as a mapping.
LEAVES = frozenset({str, int, float, bool, type(None), bytes, ObjectId, datetime, list})
IDS = (ObjectId, str, int)


def plain_keys(document: dict, top: bool = True) -> bool:
    """Whether mongomock's key checks pass ``document`` (str keys without a null character,
    none at the top starting with ``$``) and it holds only dicts and ``LEAVES``."""
    for key, value in document.items():
        if key.__class__ is not str or "\0" in key or (top and key.startswith("$")):
            return False
        cls = value.__class__
        if cls is dict:
            if not plain_keys(value, top=False):
                return False
        elif cls not in LEAVES:
            return False
    return True


def insertable(document) -> bool:
    """Whether the fast insert stores ``document`` exactly as mongomock's would."""
    if document.__class__ is not dict or not plain_keys(document):
        return False
    if "_id" in document and document["_id"].__class__ not in IDS:
        return False  # a dict _id is hashed by mongomock's own type: its path
    try:
        bson.encode(document)
    except Exception:
        return False
    return True


def store_one(collection, document: dict):
    """Store a document ``insertable`` accepted, as mongomock's ``_insert`` does."""
    if "_id" not in document:
        document["_id"] = ObjectId()  # as pymongo does, in the caller's document
    object_id = document["_id"]
    store = collection._store
    store._remove_expired_documents()  # as ``object_id in store`` does, without its
    # reader lock (the store's lock is held: no other call meets the store meanwhile)
    if object_id in store._documents:
        raise DuplicateKeyError("E11000 Duplicate Key Error", 11000)
    data = helpers.patch_datetime_awareness_in_document(document)
    store[object_id] = data
    try:
        collection._ensure_uniques(data)
    except DuplicateKeyError:
        del store[object_id]
        raise
    return object_id


def fast_insert(collection, name: str, slow: Callable, *args, **kwargs):
    """An ``insert_one`` / ``insert_many`` of mongomock's ``collection``: plain documents
    stored here, anything else by ``slow`` (mongomock's own)."""
    if name == "insert_one":
        if len(args) != 1 or kwargs or not insertable(args[0]):
            return slow(*args, **kwargs)
        return InsertOneResult(store_one(collection, args[0]), acknowledged=True)
    documents = args[0] if len(args) == 1 else None
    ordered = kwargs.get("ordered", True)
    if set(kwargs) - {"ordered"} or ordered.__class__ is not bool:
        return slow(*args, **kwargs)
    if documents.__class__ is not list or not documents:
        return slow(*args, **kwargs)
    if not all(insertable(document) for document in documents):
        return slow(*args, **kwargs)
    return InsertManyResult(store_many(collection, documents, ordered), acknowledged=True)


def store_many(collection, documents: list[dict], ordered: bool) -> list:
    """Store documents ``insertable`` accepted, reporting write errors as mongomock does."""
    results, write_errors = [], []
    for index, document in enumerate(documents):
        try:
            results.append(store_one(collection, document))
        except WriteError as error:
            write_errors.append(
                {"index": index, "code": error.code, "errmsg": str(error), "op": document}
            )
            if ordered:
                break
    if write_errors:
        raise BulkWriteError({"writeErrors": write_errors, "nInserted": len(results)})
    return results
