"""API key schemas."""

import marshmallow as ma

from service.auth.repository import ROLES
from service.http.fields import BodySchema, QuerySchema, ResourceSchema, Sort, UTCDateTime, string
from service.http.listing import page_schema


class KeySchema(ResourceSchema):
    """An API key as listed: never the key itself."""

    name = ma.fields.String(required=True)
    role = ma.fields.String(required=True, metadata={"enum": list(ROLES)})
    hint = ma.fields.String(metadata={"description": "first characters of the key"})
    revoked_at = UTCDateTime(allow_none=True)


class NewKeySchema(KeySchema):
    """A key just created: the only time the key is shown."""

    key = ma.fields.String(required=True)


class KeyCreateSchema(BodySchema):
    """A new API key."""

    name = string(100, min_length=1, required=True, validate=ma.validate.Regexp(r"^[\w.@-]+$"))
    role = ma.fields.String(required=True, validate=ma.validate.OneOf(ROLES))


class KeyQuerySchema(QuerySchema):
    """Options of the key list."""

    include_revoked = ma.fields.Boolean(load_default=False)
    sort = Sort(("created_at", "name"), default="-created_at")


KeyPageSchema = page_schema(KeySchema, "KeyPage")
