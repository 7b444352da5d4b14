"""Bulk import schemas: its query string, and its answer lines (for the documentation)."""

import marshmallow as ma

from service.http.fields import OptionsSchema


class BulkQuerySchema(OptionsSchema):
    """Options of a bulk import."""

    extract = ma.fields.Boolean(
        load_default=True, metadata={"description": "extract claims (as POST /articles)"}
    )
    format = ma.fields.String(
        load_default="json",
        validate=ma.validate.OneOf(("json", "ninjs")),
        metadata={"description": "ninjs: each line is an IPTC ninjs document"},
    )


class BulkLineSchema(ma.Schema):
    """One answer line: the input line's number and its outcome."""

    line = ma.fields.Integer(required=True)
    status = ma.fields.Integer(required=True, metadata={"description": "201, 400, 409 or 422"})
    id = ma.fields.String(metadata={"description": "the article made (201)"})
    problem = ma.fields.Dict(metadata={"description": "an RFC 9457 problem (not 201)"})
