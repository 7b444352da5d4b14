"""Webhook subscriptions in MongoDB; the signing secret is made here and shown once."""

import base64
import secrets

from service.persistence import Repository

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` + base64 of 32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


class WebhookRepository(Repository):
    """CRUD for webhook subscriptions."""

    collection_name = "webhooks"
    resource = "webhook"
    sort_fields = {"created_at": "created_at"}

    def create(self, data: dict, actor: str | None = None) -> dict:
        """Store a subscription with a fresh secret."""
        doc = {"filter": None, "active": True, **data, "secret": new_secret()}
        self.stamp_new(doc, actor)
        self.collection.insert_one(doc)
        return doc

    def update(self, webhook: dict, changes: dict, actor: str | None = None) -> dict:
        """Merge ``changes`` into a subscription read at its current version."""
        return self.compare_and_set(webhook["_id"], webhook["version"], changes, actor)

    def active(self) -> list[dict]:
        """Every active subscription."""
        return list(self.collection.find({"active": True}))
