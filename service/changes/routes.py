"""The change feed endpoint."""

from flask import current_app
from flask.views import MethodView

from service.changes import cursor
from service.changes.feed import ChangeFeed
from service.changes.repository import ChangeRepository, FeedIdentityRepository
from service.changes.schemas import ChangePageSchema, ChangeQuerySchema
from service.db import get_db
from service.http.api import Blueprint
from service.newsroom.documents import Documents, render

blp = Blueprint("changes", __name__, url_prefix="/api/v1", description="The change feed")


def change_feed(db) -> ChangeFeed:
    """The feed over a database, settling with its documents."""
    timeout = current_app.config["CHANGES_PENDING_TIMEOUT_SECONDS"]
    return ChangeFeed(ChangeRepository(db), Documents(db).lookup, timeout)


def with_documents(db, items: list[dict]) -> None:
    """Attach the current document to each upsert (null once deleted, and for deletes)."""
    documents = Documents(db)
    for item in items:
        item["document"] = None
    for resource in {item["resource"] for item in items}:
        ids = [i["id"] for i in items if i["resource"] == resource and i["op"] == "upsert"]
        found = documents.many(resource, ids)
        for item in items:
            if item["resource"] == resource and item["op"] == "upsert":
                doc = found.get(item["id"])
                item["document"] = render(resource, doc) if doc else None


@blp.route("/changes")
class Changes(MethodView):
    """Every create, change and delete, in the order they took effect."""

    @blp.arguments(ChangeQuerySchema, location="query")
    @blp.response(200, ChangePageSchema)
    def get(self, args):
        """Changes after a cursor; follow `next` to see every later change exactly once."""
        db = get_db()
        epoch, feed = FeedIdentityRepository(db).epoch(), change_feed(db)
        after = cursor.decode(args["after"], epoch) if "after" in args else feed.start()
        records, position = feed.read(after, args["limit"], args.get("resource"))
        items = [page_item(epoch, record) for record in records]
        if args.get("include") == "document":
            with_documents(db, items)
        return {"items": items, "next": cursor.encode(epoch, position)}


def page_item(epoch: str, record: dict) -> dict:
    """One change as the API lists it."""
    return {
        "cursor": cursor.encode(epoch, record["_id"]),
        "resource": record["resource"],
        "id": record["doc_id"],
        "op": record["op"],
        "version": record["version"],
        "at": record["at"],
    }
