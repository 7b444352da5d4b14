"""The embedded store's fast path for plain updates by ``_id``, answering as mongomock does.

mongomock runs every update through its generic machinery: it finds the document, copies
it whole as a rollback snapshot, applies each operator through a field-path walker,
compares the document with the snapshot, and for ``find_one_and_update`` reads it again.
The bookkeeping writes (count tickets, recounts, compare-and-set of a version) are all
``$set`` / ``$inc`` of top-level fields of one document named by ``_id``: those are
applied here to the stored document directly, value by value as mongomock's own
``$set`` and ``$inc`` apply them. Anything else, and any document a fast write could not
treat exactly as mongomock would, goes through mongomock. The caller holds the store's
lock and has ruled out fields a unique index keys or filters on.
"""

from collections.abc import Callable

from bson import BSON, ObjectId
from mongomock import helpers
from pymongo import ReturnDocument
from pymongo.results import UpdateResult

from service.embedded_store import IDS, copies, deep_copy, iter_matching, simple_projection

OPERATORS = frozenset({"$set", "$inc"})
NUMBERS = (int, float)  # bool is not one: mongomock would add it as an int
MISSING = object()
# mongomock's own, kept: ``mongomock_values`` hands it what it has no shortcut for.
MONGOMOCK_VALUES = helpers.patch_datetime_awareness_in_document
PLAIN_VALUES = frozenset({str, int, float, bool, type(None), bytes, ObjectId})
SURE_VALUES = frozenset({float, bool, type(None), ObjectId})


def mongomock_values(value):
    """mongomock's ``patch_datetime_awareness_in_document`` (the form in which it stores
    a value and reads a filter: datetimes naive UTC to the millisecond, dicts and lists
    copied), with plain values, dicts and lists handled without its isinstance chain:
    every inserted document, filter and update passes through it."""
    cls = value.__class__
    if cls in PLAIN_VALUES:
        return value
    if cls is dict:
        return {key: mongomock_values(item) for key, item in value.items()}
    if cls is list:
        return [mongomock_values(item) for item in value]
    return MONGOMOCK_VALUES(value)  # datetimes, tuples, OrderedDicts, subclasses, ...


def plain_fields(update) -> bool:
    """Whether ``update`` only ``$set``s / ``$inc``s (by a number) top-level fields other
    than ``_id``, each named once."""
    if type(update) is not dict or not update or not set(update) <= OPERATORS:
        return False
    seen: set[str] = set()
    for fields in update.values():
        if type(fields) is not dict or not fields:
            return False
        for name in fields:
            plain = type(name) is str and name and not name.startswith("$")
            if not plain or "." in name or "\0" in name or name == "_id" or name in seen:
                return False
            seen.add(name)
    return all(type(value) in NUMBERS for value in update.get("$inc", {}).values())


def plain_call(name: str, args: tuple, kwargs: dict) -> tuple | None:
    """(filter, update, projection, whether the document after is returned) of an
    ``update_one`` / ``find_one_and_update`` call of the plain shape; None for any other."""
    if len(args) < 2:
        return None
    spec, update = args[0], args[1]
    if name == "update_one":
        if len(args) > 2 or kwargs:
            return None
        projection, after = None, False
    else:
        if len(args) > 3 or set(kwargs) - {"projection", "return_document"}:
            return None
        projection = args[2] if len(args) > 2 else kwargs.get("projection")
        after = kwargs.get("return_document", ReturnDocument.BEFORE) is ReturnDocument.AFTER
    if type(spec) is not dict or type(spec.get("_id")) not in IDS or not plain_fields(update):
        return None
    if projection is not None and (
        simple_projection(projection) is None or not projection.get("_id", 1)
    ):
        return None  # mongomock reads the document after by the filter, not by its _id
    return spec, update, projection, after


def fits(doc: dict, update: dict) -> bool:
    """Whether the fast write treats ``doc`` exactly as mongomock would: every ``$inc``
    meets a number or nothing, every ``$set`` value encodes as BSON (mongomock checks
    each as it goes and would stop half way through)."""
    for field in update.get("$inc", {}):
        if type(doc.get(field, 0)) not in NUMBERS:
            return False
    try:
        for field, value in update.get("$set", {}).items():
            if not always_encodes(value):
                BSON.encode({field: value})
    except Exception:
        return False
    return True


def always_encodes(value) -> bool:
    """Whether BSON surely encodes ``value`` (a bool, float, None, ObjectId, an int of 64
    bits, or a list of those), so it need not be tried: a recount sets three such."""
    cls = value.__class__
    if cls in SURE_VALUES:
        return True
    if cls is int:
        return -(2**63) <= value < 2**63
    return cls is list and all(always_encodes(item) for item in value)


def write(doc: dict, update: dict) -> bool:
    """Apply a plain update to a stored document as mongomock's ``$set`` (lists copied)
    and ``$inc`` (a missing field counts from 0) do; whether it changed the document."""
    changed = False
    for operator, fields in update.items():
        for field, value in fields.items():
            old = doc.get(field, MISSING)
            if operator == "$set":
                new = deep_copy(value) if isinstance(value, tuple | list) else value
            else:
                new = (0 if old is MISSING else old) + value
            doc[field] = new
            changed = changed or old is MISSING or not (old is new or old == new)
    return changed


def fast_update(collection, name: str, slow: Callable, *args, **kwargs):
    """An ``update_one`` / ``find_one_and_update`` of mongomock's ``collection``: the
    plain ones applied here, the others by ``slow`` (mongomock's own)."""
    call = plain_call(name, args, kwargs)
    if call is None or collection.codec_options.tz_aware:
        return slow(*args, **kwargs)
    spec, update, projection, after = call
    spec = helpers.patch_datetime_awareness_in_document(spec)
    update = helpers.patch_datetime_awareness_in_document(update)
    doc = next(iter_matching(collection, spec), None)
    if doc is not None and not fits(doc, update):
        return slow(*args, **kwargs)
    if name == "update_one":
        changed = doc is not None and write(doc, update)
        return UpdateResult(update_result(collection, doc is not None, changed), True)
    if doc is None:
        return None
    before = None if after else copies(collection, [doc], projection, dict)[0]
    write(doc, update)
    return copies(collection, [doc], projection, dict)[0] if after else before


def update_result(collection, matched: bool, changed: bool) -> dict:
    """The raw result mongomock gives for an update of at most one document."""
    return {
        "connectionId": collection.database.client._id,
        "err": None,
        "n": int(matched),
        "nModified": int(changed),
        "ok": 1,
        "upserted": None,
        "updatedExisting": matched,
    }
