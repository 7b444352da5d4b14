"""Marshmallow fields and base schemas shared by the resources."""

import datetime as dt
import json
import re

import marshmallow as ma
from bson import ObjectId
from bson.errors import InvalidId

from service.formats.errors import InvalidDocument
from service.formats.languages import normalize_language

UTC = dt.UTC
DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Regexp validators match at the start: allow leading spaces, demand one non-space.
NOT_BLANK = ma.validate.Regexp(r"\s*\S", error="Must not be blank.")
ABSENT = object()


class DictSchema(ma.Schema):
    """A schema of stored documents (plain dicts): each field's value read with one look-up
    instead of marshmallow's accessor chain (four calls a field, a dozen fields a claim),
    and handed straight to the field's formatting when the key is there."""

    def _serialize(self, obj, *, many: bool = False):
        """marshmallow's ``Schema._serialize``; a plain dict's fields that read a key of
        their own name go from ``obj.get`` to the field's ``_serialize`` (what
        ``Field.serialize`` does once it has read a value)."""
        if many and obj is not None:
            return [self._serialize(d, many=False) for d in obj]
        if obj.__class__ is not dict:
            return super()._serialize(obj, many=many)
        plan = self.__dict__.get("_dump_plan") or self._make_dump_plan()
        ret = self.dict_class()
        accessor = self.get_attribute
        for attr_name, field_obj, key, direct in plan:
            value = obj.get(attr_name, ABSENT) if direct else ABSENT
            if value is ABSENT or value is ma.missing:
                value = field_obj.serialize(attr_name, obj, accessor=accessor)
            else:
                value = field_obj._serialize(value, attr_name, obj)
            if value is ma.missing:
                continue
            ret[key] = value
        return ret

    def _make_dump_plan(self) -> list[tuple]:
        """(name, field, output key, whether its value is ``obj.get(name)``) of each dumped
        field, once per schema: a field that reads another attribute or a path, or
        reads or serializes in a way of its own, keeps marshmallow's way."""
        own_reading = type(self).get_attribute is DictSchema.get_attribute
        plan = []
        for attr_name, field_obj in self.dump_fields.items():
            cls = type(field_obj)
            direct = (
                own_reading
                and field_obj._CHECK_ATTRIBUTE
                and field_obj.attribute is None
                and "." not in attr_name
                and cls.serialize is ma.fields.Field.serialize
                and cls.get_value is ma.fields.Field.get_value
            )
            key = field_obj.data_key if field_obj.data_key is not None else attr_name
            plan.append((attr_name, field_obj, key, direct))
        self.__dict__["_dump_plan"] = plan
        return plan

    def get_attribute(self, obj, attr, default):
        """``obj[attr]`` when ``obj`` is a plain dict holding it; else marshmallow's own
        reading (dotted paths, objects, a missing key)."""
        if obj.__class__ is dict and "." not in attr:
            value = obj.get(attr, ABSENT)
            if value is not ABSENT:
                return value
        return super().get_attribute(obj, attr, default)


class ObjectIdField(ma.fields.Field):
    """A 24-hex id string outside, an ObjectId inside."""

    default_error_messages = {"invalid": "Not a valid id (24 hex digits)."}

    def __init__(self, **kwargs):
        metadata = {"type": "string", "pattern": "^[0-9a-fA-F]{24}$", **kwargs.pop("metadata", {})}
        super().__init__(metadata=metadata, **kwargs)

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else str(value)

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or len(value) != 24:
            raise self.make_error("invalid")
        try:
            return ObjectId(value)
        except InvalidId as exc:
            raise self.make_error("invalid") from exc


class UTCDateTime(ma.fields.DateTime):
    """ISO 8601 with a zone (or a date alone, meaning midnight UTC); dumped as UTC with Z."""

    default_error_messages = {
        "invalid": "Not a valid ISO 8601 datetime.",
        "naive": "A datetime needs a time zone (e.g. 2021-06-16T10:00:00Z).",
    }

    def _serialize(self, value, attr, obj, **kwargs):
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat(timespec="milliseconds") + "Z"

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise self.make_error("invalid")
        if DATE_ONLY.match(value):
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError as exc:
                raise self.make_error("invalid") from exc
        try:
            parsed = dt.datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError as exc:
            raise self.make_error("invalid") from exc
        if parsed.tzinfo is None:
            raise self.make_error("naive")
        try:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        except OverflowError as exc:
            raise self.make_error("invalid") from exc
        if not dt.datetime(1, 1, 2) <= parsed <= dt.datetime(9999, 12, 30):
            raise self.make_error("invalid")
        return parsed.replace(microsecond=parsed.microsecond // 1000 * 1000)


class LanguageTag(ma.fields.String):
    """A BCP 47 language tag (``en``, ``en-GB``, ``pt-BR``), validated and stored canonical."""

    def __init__(self, **kwargs):
        metadata = {"example": "en-GB", **kwargs.pop("metadata", {})}
        validate = ma.validate.Length(min=1, max=64)
        super().__init__(validate=validate, metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            return normalize_language(text[:64])
        except InvalidDocument as error:
            raise ma.ValidationError(next(iter(error.errors.values()))) from error


class StoredJson(ma.fields.Dict):
    """A JSON object stored as its text (free of MongoDB's key rules), shown as the object."""

    def _serialize(self, value, attr, obj, **kwargs):
        if isinstance(value, str):
            value = json.loads(value)
        return super()._serialize(value, attr, obj, **kwargs)


class Span(DictSchema):
    """Character offsets into the article body, end exclusive."""

    # strict: 0.5 is not an offset (non-strict Integer would truncate it to 0).
    start = ma.fields.Integer(
        required=True, strict=True, validate=ma.validate.Range(min=0, max=200_000)
    )
    end = ma.fields.Integer(
        required=True, strict=True, validate=ma.validate.Range(min=0, max=200_000)
    )

    @ma.validates_schema
    def check_order(self, data, **kwargs):
        """A span ends after it starts."""
        if data["end"] <= data["start"]:
            raise ma.ValidationError("end must be greater than start", "end")


class Sort(ma.fields.String):
    """Comma-separated sort keys, ``-`` for descending, from an allow-list."""

    def __init__(self, allowed, default: str, **kwargs):
        self.allowed = tuple(allowed)
        names = "|".join(re.escape(name) for name in self.allowed)
        pattern = rf"^-?({names})(,-?({names}))*$"
        metadata = {
            "description": f"comma-separated, - for descending: {', '.join(self.allowed)}",
            "pattern": pattern,
            "default": default,
            **kwargs.pop("metadata", {}),
        }
        parsed = self.parse(default)
        super().__init__(load_default=lambda: list(parsed), metadata=metadata, **kwargs)

    def parse(self, text: str) -> list[tuple[str, int]]:
        """``-a,b`` -> ``[("a", -1), ("b", 1)]``; a key given again is ignored."""
        keys, seen = [], set()
        for part in text.split(","):
            name = part.strip()
            direction = -1 if name.startswith("-") else 1
            name = name.removeprefix("-")
            if name not in self.allowed:
                allowed = ", ".join(self.allowed)
                raise ma.ValidationError(f"Unknown sort key {part!r}; use {allowed}")
            if name not in seen:
                seen.add(name)
                keys.append((name, direction))
        return keys

    def _deserialize(self, value, attr, data, **kwargs):
        return self.parse(super()._deserialize(value, attr, data, **kwargs))


def string(max_length: int, min_length: int = 0, validate=None, **kwargs) -> ma.fields.String:
    """A bounded string field, with any extra validator."""
    validators = [ma.validate.Length(min=min_length, max=max_length)]
    if validate is not None:
        validators.append(validate)
    return ma.fields.String(validate=validators, **kwargs)


def string_list(max_items: int = 50, max_length: int = 200, **kwargs) -> ma.fields.List:
    """A bounded list of bounded, non-empty strings."""
    return ma.fields.List(
        string(max_length, min_length=1),
        validate=ma.validate.Length(max=max_items),
        **kwargs,
    )


class OptionsSchema(ma.Schema):
    """Base for query strings: no parameter repeated unless it is a list."""

    @ma.pre_load
    def reject_repeats(self, data, **kwargs):
        """A single-valued parameter given twice is ambiguous: say so."""
        getlist = getattr(data, "getlist", None)
        if getlist is None:
            return data
        for key in list(data.keys()):
            field = self.fields.get(key)
            single = field is not None and not isinstance(field, ma.fields.List)
            if single and len(getlist(key)) > 1:
                raise ma.ValidationError("Given more than once; send it once.", key)
        return data


class QuerySchema(OptionsSchema):
    """Base for list query strings: paging, and no parameter repeated unless it is a list."""

    MAX_VALUES = 20

    page = ma.fields.Integer(load_default=1, validate=ma.validate.Range(min=1, max=1_000_000))
    per_page = ma.fields.Integer(load_default=20, validate=ma.validate.Range(min=1, max=100))


def filter_values(inner: ma.fields.Field, **kwargs) -> ma.fields.List:
    """A repeatable filter parameter: any of its values matches."""
    return ma.fields.List(
        inner, validate=ma.validate.Length(min=1, max=QuerySchema.MAX_VALUES), **kwargs
    )


class BodySchema(ma.Schema):
    """Base for request bodies: unknown fields are rejected and read-only ones named."""

    READ_ONLY = ("id", "created_at", "updated_at", "version", "created_by", "updated_by")
    read_only: tuple[str, ...] = ()

    @ma.post_load
    def null_lists_are_empty(self, data, **kwargs):
        """``null`` for a list clears it: store an empty list."""
        for name, field in self.fields.items():
            if isinstance(field, ma.fields.List) and name in data and data[name] is None:
                data[name] = []
        return data

    @ma.pre_load
    def reject_read_only(self, data, **kwargs):
        """A client may not set what the service computes."""
        if isinstance(data, dict):
            names = [k for k in data if k in self.READ_ONLY + self.read_only]
            if names:
                raise ma.ValidationError({name: ["Read-only field."] for name in names})
        return data


class ResourceSchema(DictSchema):
    """Base for responses: the fields every resource has."""

    id = ObjectIdField(attribute="_id", dump_only=True, required=True)
    created_at = UTCDateTime(dump_only=True, required=True)
    updated_at = UTCDateTime(dump_only=True, required=True)
    version = ma.fields.Integer(dump_only=True, required=True)
    created_by = ma.fields.String(dump_only=True, allow_none=True)
    updated_by = ma.fields.String(dump_only=True, allow_none=True)
