"""Admin endpoints to manage API keys."""

from flask import url_for
from flask.views import MethodView

from service.auth.repository import KeyRepository
from service.auth.schemas import (
    KeyCreateSchema,
    KeyPageSchema,
    KeyQuerySchema,
    KeySchema,
    NewKeySchema,
)
from service.db import get_db
from service.http.api import Blueprint
from service.http.identity import current_actor
from service.http.listing import paged

blp = Blueprint("keys", __name__, url_prefix="/api/v1", description="API keys (admin only)")


@blp.route("/keys")
class Keys(MethodView):
    """The API keys."""

    @blp.arguments(KeyQuerySchema, location="query")
    @blp.response(200, KeyPageSchema)
    def get(self, args):
        """List API keys (never the keys themselves)."""
        repo = KeyRepository(get_db())
        query = repo.query(args["include_revoked"])
        items, total = repo.find_page(query, args["sort"], args["page"], args["per_page"])
        return paged(items, total, args["page"], args["per_page"])

    @blp.arguments(KeyCreateSchema)
    @blp.response(201, NewKeySchema)
    def post(self, data):
        """Create an API key; the response is the only time the key is shown."""
        doc, key = KeyRepository(get_db()).create(data["name"], data["role"], current_actor())
        return {**doc, "key": key}, 201, {"Location": url_for("keys.Key", key_id=doc["_id"])}


@blp.route("/keys/<objectid:key_id>")
class Key(MethodView):
    """One API key."""

    @blp.response(200, KeySchema)
    def get(self, key_id):
        """Get an API key's record."""
        return KeyRepository(get_db()).get(key_id)

    @blp.response(204)
    def delete(self, key_id):
        """Revoke an API key; it stops working on the next request."""
        KeyRepository(get_db()).revoke(key_id, current_actor())
