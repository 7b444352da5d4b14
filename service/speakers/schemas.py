"""Speaker schemas: SpeakerSchema out; create, update, query and merge schemas in."""

import marshmallow as ma

from service.http.fields import (
    NOT_BLANK,
    BodySchema,
    DictSchema,
    ObjectIdField,
    OptionsSchema,
    QuerySchema,
    ResourceSchema,
    Sort,
    UTCDateTime,
    filter_values,
    string,
    string_list,
)
from service.http.listing import page_schema
from service.speakers.repository import MEMBERSHIP_SOURCES, SPEAKER_TYPES

READ_ONLY = ("claim_count", "first_seen", "last_seen")
# `from` is a Python keyword: the field is named `start` here, `from` on the wire and stored.


class MembershipSchema(DictSchema):
    """A speaker's membership of a side for a time."""

    side_id = ObjectIdField(required=True)
    start = UTCDateTime(required=True, allow_none=True, data_key="from", attribute="from")
    until = UTCDateTime(required=True, allow_none=True)
    source = ma.fields.String(required=True, metadata={"enum": list(MEMBERSHIP_SOURCES)})


class MembershipInputSchema(BodySchema):
    """A membership an editor writes (null ``from``/``until``: open-ended)."""

    side_id = ObjectIdField(required=True)
    start = UTCDateTime(allow_none=True, load_default=None, data_key="from", attribute="from")
    until = UTCDateTime(allow_none=True, load_default=None)
    source = ma.fields.String(validate=ma.validate.OneOf(MEMBERSHIP_SOURCES), load_default="manual")

    @ma.validates_schema
    def check_order(self, data, **kwargs):
        """A membership cannot end before it starts."""
        start, end = data.get("from"), data.get("until")
        if start is not None and end is not None and end < start:
            raise ma.ValidationError("until must not be before from", "until")


class SpeakerSchema(ResourceSchema):
    """A speaker as the API returns it."""

    name = ma.fields.String(required=True)
    type = ma.fields.String(required=True, metadata={"enum": list(SPEAKER_TYPES)})
    aliases = ma.fields.List(ma.fields.String(), required=True)
    titles = ma.fields.List(
        ma.fields.String(), required=True, metadata={"description": "roles seen, newest first"}
    )
    memberships = ma.fields.List(ma.fields.Nested(MembershipSchema), required=True)
    claim_count = ma.fields.Integer(required=True)
    first_seen = UTCDateTime(required=True, allow_none=True)
    last_seen = UTCDateTime(required=True, allow_none=True)


def _memberships(**kwargs) -> ma.fields.List:
    """A list of memberships written by a client."""
    return ma.fields.List(
        ma.fields.Nested(MembershipInputSchema), validate=ma.validate.Length(max=100), **kwargs
    )


class SpeakerCreateSchema(BodySchema):
    """A new speaker."""

    read_only = READ_ONLY
    name = string(300, min_length=1, required=True, validate=NOT_BLANK)
    type = ma.fields.String(required=True, validate=ma.validate.OneOf(SPEAKER_TYPES))
    aliases = string_list(max_items=100, max_length=300)
    titles = string_list(max_items=20, max_length=300)
    memberships = _memberships()


class SpeakerUpdateSchema(BodySchema):
    """A merge patch of a speaker (``null`` clears a list)."""

    read_only = READ_ONLY
    name = string(300, min_length=1, validate=NOT_BLANK)
    type = ma.fields.String(validate=ma.validate.OneOf(SPEAKER_TYPES))
    aliases = string_list(max_items=100, max_length=300, allow_none=True)
    titles = string_list(max_items=20, max_length=300, allow_none=True)
    memberships = _memberships(allow_none=True)


class SpeakerQuerySchema(QuerySchema):
    """Filters and sort of the speaker list."""

    q = string(300, min_length=1, metadata={"description": "prefix of the name or an alias"})
    side = filter_values(
        string(200, min_length=1), metadata={"description": "a membership's side: id or slug"}
    )
    type = filter_values(ma.fields.String(validate=ma.validate.OneOf(SPEAKER_TYPES)))
    updated_after = UTCDateTime(
        metadata={"description": "changed at or after (inclusive); a date means 00:00Z"}
    )
    sort = Sort(("name", "created_at", "updated_at", "last_seen"), default="name")


class SpeakerDeleteQuerySchema(OptionsSchema):
    """Options of a speaker deletion."""

    force = ma.fields.Boolean(
        load_default=False,
        metadata={"description": "unlink the speaker's claims (speaker.id null) instead of a 409"},
    )


class MergeSchema(BodySchema):
    """The speaker to merge into this one (it is deleted)."""

    other_id = ObjectIdField(required=True)


SpeakerPageSchema = page_schema(SpeakerSchema, "SpeakerPage")
