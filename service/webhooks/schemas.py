"""Webhook schemas: WebhookSchema out; create, update and query schemas in; deliveries."""

import marshmallow as ma

from service.http.fields import (
    BodySchema,
    ObjectIdField,
    QuerySchema,
    ResourceSchema,
    Sort,
    UTCDateTime,
    string,
)
from service.http.listing import page_schema
from service.webhooks.rules import EVENT_TYPES

EVENTS = ma.validate.OneOf(("*", *EVENT_TYPES))
EVENTS_DESCRIPTION = "event types (`claim.updated`, ...) or `*` for all"


class WebhookFilterSchema(ma.Schema):
    """Only changes about this side and/or this article."""

    side = ObjectIdField(allow_none=True, metadata={"description": "a side id"})
    article_id = ObjectIdField(allow_none=True)


class WebhookSchema(ResourceSchema):
    """A webhook subscription as the API returns it (never its secret)."""

    url = ma.fields.String(required=True)
    events = ma.fields.List(ma.fields.String(), required=True)
    filter = ma.fields.Nested(WebhookFilterSchema, allow_none=True)
    active = ma.fields.Boolean(required=True)


class NewWebhookSchema(WebhookSchema):
    """A webhook just created: the only time its signing secret is shown."""

    secret = ma.fields.String(
        required=True, metadata={"description": "Standard Webhooks signing secret (whsec_...)"}
    )


class WebhookCreateSchema(BodySchema):
    """A new webhook subscription."""

    read_only = ("secret",)
    url = string(2000, min_length=1, required=True)
    events = ma.fields.List(
        ma.fields.String(validate=EVENTS),
        required=True,
        validate=ma.validate.Length(min=1, max=20),
        metadata={"description": EVENTS_DESCRIPTION},
    )
    filter = ma.fields.Nested(WebhookFilterSchema, allow_none=True)
    active = ma.fields.Boolean()


class WebhookUpdateSchema(BodySchema):
    """A merge patch of a webhook subscription."""

    read_only = ("secret",)
    url = string(2000, min_length=1)
    events = ma.fields.List(
        ma.fields.String(validate=EVENTS),
        validate=ma.validate.Length(min=1, max=20),
        metadata={"description": EVENTS_DESCRIPTION},
    )
    filter = ma.fields.Nested(WebhookFilterSchema, allow_none=True)
    active = ma.fields.Boolean()


class WebhookQuerySchema(QuerySchema):
    """Paging and sort of the webhook list."""

    sort = Sort(("created_at",), default="-created_at")


class DeliverySchema(ma.Schema):
    """One delivery attempt."""

    id = ObjectIdField(attribute="_id", dump_only=True, required=True)
    msg_id = ma.fields.String(required=True, metadata={"description": "the webhook-id header"})
    event = ma.fields.String(required=True)
    attempt = ma.fields.Integer(required=True)
    status = ma.fields.String(required=True, metadata={"enum": ["delivered", "retrying", "failed"]})
    response_code = ma.fields.Integer(allow_none=True)
    duration_ms = ma.fields.Float(required=True)
    error = ma.fields.String(allow_none=True)
    at = UTCDateTime(required=True)
    next_retry_at = UTCDateTime(allow_none=True)


class DeliveryQuerySchema(QuerySchema):
    """Paging of the delivery log (newest first)."""


WebhookPageSchema = page_schema(WebhookSchema, "WebhookPage")
DeliveryPageSchema = page_schema(DeliverySchema, "DeliveryPage")
