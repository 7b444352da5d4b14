"""Side endpoints."""

from flask import url_for
from flask.views import MethodView

from service.db import get_db
from service.http.api import Blueprint
from service.http.conditional import write_at_version
from service.http.identity import current_actor
from service.http.listing import paged
from service.newsroom.context import current_desk
from service.sides.repository import SideRepository
from service.sides.schemas import (
    SideCreateSchema,
    SideDeleteQuerySchema,
    SidePageSchema,
    SideQuerySchema,
    SideSchema,
    SideUpdateSchema,
)

blp = Blueprint("sides", __name__, url_prefix="/api/v1", description="Sides (parties) of stories")


def sides() -> SideRepository:
    """The side repository of this request."""
    return SideRepository(get_db())


@blp.route("/sides")
class Sides(MethodView):
    """The side collection."""

    @blp.arguments(SideQuerySchema, location="query")
    @blp.response(200, SidePageSchema)
    def get(self, args):
        """List sides."""
        repo = sides()
        query = repo.query(args.get("q"), args.get("alias"), args.get("updated_after"))
        items, total = repo.find_page(query, args["sort"], args["page"], args["per_page"])
        return paged(items, total, args["page"], args["per_page"])

    @blp.etag
    @blp.arguments(SideCreateSchema)
    @blp.response(201, SideSchema)
    def post(self, data):
        """Create a side."""
        side = sides().create(data, current_actor())
        return side, 201, {"Location": url_for("sides.Side", side_id=side["_id"])}


@blp.route("/sides/<objectid:side_id>")
@blp.etag
class Side(MethodView):
    """One side."""

    @blp.response(200, SideSchema)
    def get(self, side_id):
        """Get a side."""
        return sides().get(side_id)

    @blp.arguments(SideUpdateSchema)
    @blp.response(200, SideSchema)
    def patch(self, changes, side_id):
        """Change a side (merge patch)."""
        repo = sides()
        return write_at_version(
            blp,
            lambda: repo.get(side_id),
            SideSchema,
            lambda s: repo.update(s, changes, current_actor()),
        )

    @blp.arguments(SideDeleteQuerySchema, location="query")
    @blp.response(204)
    def delete(self, args, side_id):
        """Delete a side (409 while claims use it, unless ?force=true)."""
        desk = current_desk()
        write_at_version(
            blp,
            lambda: desk.sides.get(side_id),
            SideSchema,
            lambda s: desk.delete_side(s, args["force"]),
        )
