"""Side schemas: SideSchema out; create, update and query schemas in."""

import marshmallow as ma

from service.http.fields import (
    NOT_BLANK,
    BodySchema,
    OptionsSchema,
    QuerySchema,
    ResourceSchema,
    Sort,
    UTCDateTime,
    string,
    string_list,
)
from service.http.listing import page_schema

COLOR = ma.validate.Regexp(r"^#[0-9a-fA-F]{6}$", error="Must be a #rrggbb colour.")
READ_ONLY = ("slug", "origin", "claim_count")


class SideSchema(ResourceSchema):
    """A side as the API returns it."""

    name = ma.fields.String(required=True)
    slug = ma.fields.String(required=True)
    description = ma.fields.String(allow_none=True)
    aliases = ma.fields.List(ma.fields.String(), required=True)
    color = ma.fields.String(allow_none=True)
    origin = ma.fields.String(required=True, metadata={"enum": ["manual", "auto"]})
    claim_count = ma.fields.Integer(required=True)


class SideCreateSchema(BodySchema):
    """A new side."""

    read_only = READ_ONLY
    name = string(120, min_length=1, required=True, validate=NOT_BLANK)
    description = string(2000, allow_none=True)
    aliases = string_list(max_items=100, max_length=120)
    color = ma.fields.String(validate=COLOR, allow_none=True)


class SideUpdateSchema(BodySchema):
    """A merge patch of a side (``null`` clears an optional field)."""

    read_only = READ_ONLY
    name = string(120, min_length=1, validate=NOT_BLANK)
    description = string(2000, allow_none=True)
    aliases = string_list(max_items=100, max_length=120, allow_none=True)
    color = ma.fields.String(validate=COLOR, allow_none=True)


class SideQuerySchema(QuerySchema):
    """Filters and sort of the side list."""

    q = string(120, min_length=1, metadata={"description": "prefix of the name or an alias"})
    alias = ma.fields.List(
        string(120, min_length=1),
        validate=ma.validate.Length(max=QuerySchema.MAX_VALUES),
        metadata={"description": "exact alias or name, case-insensitive; repeat for any"},
    )
    updated_after = UTCDateTime(
        metadata={"description": "changed at or after (inclusive); a date means 00:00Z"}
    )
    sort = Sort(("name", "created_at", "updated_at"), default="name")


class SideDeleteQuerySchema(OptionsSchema):
    """Options of a side deletion."""

    force = ma.fields.Boolean(
        load_default=False,
        metadata={"description": "detach the side's claims (side_id null) instead of a 409"},
    )


SidePageSchema = page_schema(SideSchema, "SidePage")
