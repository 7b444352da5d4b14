"""Fast tests of the plain filters the embedded store meets most, answering as mongomock's
own evaluation does; any other filter is left to mongomock."""

from collections.abc import Callable

from bson import ObjectId
from mongomock import filtering

IDS = (ObjectId, str)
MISSING = object()


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


def below_test(field: str, value):
    """A test of a whole document for ``{field: {"$not": {"$gte": n}}}`` with an int ``n``
    (the recount's compare-and-set); None for any other condition. An int value and a
    missing field (which nothing bounds) are answered here; anything else (null, arrays,
    other types) by mongomock."""
    inner = value.get("$not") if type(value) is dict and len(value) == 1 else None
    if type(inner) is not dict or len(inner) != 1 or type(inner.get("$gte")) is not int:
        return None
    bound, spec = inner["$gte"], {field: value}

    def test(doc: dict) -> bool:
        found = doc.get(field, MISSING)
        if found.__class__ is int:
            return not found >= bound
        return found is MISSING or filtering.filter_applies(spec, doc)

    return test


def field_conditions(spec) -> list[tuple[str, Callable, bool]] | None:
    """(field, test, whether it tests the whole document) for each condition of a filter
    of plain conditions on top-level fields (``$and`` of such filters too); None for any
    other filter."""
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
        if "." in field or field.startswith("$"):
            return None
        test = field_test(value)
        if test is not None:
            conditions.append((field, test, False))
            continue
        whole = below_test(field, value)
        if whole is None:
            return None
        conditions.append((field, whole, True))
    return conditions


def simple_test(spec):
    """A fast test for a filter ``field_conditions`` takes; None for any other. It answers
    as mongomock does: a field matches a condition its value meets, or an array holding a
    value that meets it (a missing field is ``None``)."""
    conditions = field_conditions(spec)
    if conditions is None:
        return None

    def test(doc: dict) -> bool:
        for field, check, whole in conditions:
            if whole:
                if not check(doc):
                    return False
                continue
            found = doc.get(field)
            if found.__class__ is list:
                if not any(check(value) for value in found):
                    return False
            elif not check(found):
                return False
        return True

    return test
