"""Webhook endpoints (admin only): subscriptions and their delivery log."""

from flask import current_app, url_for
from flask.views import MethodView

from service.db import get_db
from service.http.api import Blueprint
from service.http.conditional import write_at_version
from service.http.identity import current_actor
from service.http.listing import paged
from service.webhooks.deliveries import DeliveryRepository
from service.webhooks.outbox import OutboxRepository
from service.webhooks.repository import WebhookRepository
from service.webhooks.rules import check_url
from service.webhooks.schemas import (
    DeliveryPageSchema,
    DeliveryQuerySchema,
    NewWebhookSchema,
    WebhookCreateSchema,
    WebhookPageSchema,
    WebhookQuerySchema,
    WebhookSchema,
    WebhookUpdateSchema,
)

blp = Blueprint("webhooks", __name__, url_prefix="/api/v1", description="Webhooks (admin only)")


def webhooks() -> WebhookRepository:
    """The webhook repository of this request."""
    return WebhookRepository(get_db())


def checked(data: dict) -> dict:
    """The body, with its URL checked against the loopback setting."""
    if "url" in data:
        check_url(data["url"], current_app.config["WEBHOOKS_ALLOW_LOOPBACK_HTTP"])
    return data


@blp.route("/webhooks")
class Webhooks(MethodView):
    """The webhook subscriptions."""

    @blp.arguments(WebhookQuerySchema, location="query")
    @blp.response(200, WebhookPageSchema)
    def get(self, args):
        """List webhook subscriptions."""
        items, total = webhooks().find_page({}, args["sort"], args["page"], args["per_page"])
        return paged(items, total, args["page"], args["per_page"])

    @blp.arguments(WebhookCreateSchema)
    @blp.response(201, NewWebhookSchema)
    def post(self, data):
        """Subscribe; the response is the only time the signing secret is shown."""
        hook = webhooks().create(checked(data), current_actor())
        return hook, 201, {"Location": url_for("webhooks.Webhook", webhook_id=hook["_id"])}


@blp.route("/webhooks/<objectid:webhook_id>")
@blp.etag
class Webhook(MethodView):
    """One webhook subscription."""

    @blp.response(200, WebhookSchema)
    def get(self, webhook_id):
        """Get a webhook subscription."""
        return webhooks().get(webhook_id)

    @blp.arguments(WebhookUpdateSchema)
    @blp.response(200, WebhookSchema)
    def patch(self, changes, webhook_id):
        """Change a subscription (merge patch); deactivating it drops its pending deliveries."""
        repo = webhooks()
        return write_at_version(
            blp,
            lambda: repo.get(webhook_id),
            WebhookSchema,
            lambda hook: repo.update(hook, checked(changes), current_actor()),
        )

    @blp.response(204)
    def delete(self, webhook_id):
        """Delete a subscription and its pending deliveries."""
        repo = webhooks()
        write_at_version(
            blp,
            lambda: repo.get(webhook_id),
            WebhookSchema,
            lambda hook: repo.delete_at_version(hook["_id"], hook["version"]),
        )
        OutboxRepository(get_db()).cancel_for(webhook_id)


@blp.route("/webhooks/<objectid:webhook_id>/deliveries")
class Deliveries(MethodView):
    """The delivery attempts of one webhook."""

    @blp.arguments(DeliveryQuerySchema, location="query")
    @blp.response(200, DeliveryPageSchema)
    def get(self, args, webhook_id):
        """List delivery attempts, newest first: status, response code, duration, next retry."""
        webhooks().get(webhook_id)
        log = DeliveryRepository(get_db())
        items, total = log.page(webhook_id, args["page"], args["per_page"])
        return paged(items, total, args["page"], args["per_page"])
