"""Change feed schemas: the query in, the page of changes out."""

import marshmallow as ma

from service.changes.repository import RESOURCES
from service.http.fields import (
    DictSchema,
    ObjectIdField,
    OptionsSchema,
    UTCDateTime,
    filter_values,
    string,
)


class ChangeQuerySchema(OptionsSchema):
    """Where to start, how many, which resources, whether to include documents."""

    after = string(200, min_length=1, metadata={"description": "a cursor from `next`"})
    limit = ma.fields.Integer(load_default=100, validate=ma.validate.Range(min=1, max=1000))
    resource = filter_values(
        ma.fields.String(validate=ma.validate.OneOf(RESOURCES)),
        metadata={"description": "articles, claims, sides; repeat for several (default all)"},
    )
    include = ma.fields.String(
        validate=ma.validate.OneOf(["document"]),
        metadata={"description": "`document`: each upsert carries the current document"},
    )


class ChangeSchema(DictSchema):
    """One change: which resource, which document, what happened, at which version."""

    cursor = ma.fields.String(required=True, metadata={"description": "resume after this change"})
    resource = ma.fields.String(required=True, metadata={"enum": list(RESOURCES)})
    id = ObjectIdField(required=True)
    op = ma.fields.String(required=True, metadata={"enum": ["upsert", "delete"]})
    version = ma.fields.Integer(required=True)
    at = UTCDateTime(required=True)
    document = ma.fields.Dict(
        allow_none=True,
        metadata={
            "description": "with include=document: the document now (null once deleted)",
            "x-ref": "ChangeDocument",
        },
    )


class ChangePageSchema(DictSchema):
    """A page of the feed and the cursor to continue from."""

    items = ma.fields.List(ma.fields.Nested(ChangeSchema), required=True)
    next = ma.fields.String(required=True, metadata={"description": "pass as `after` next time"})
