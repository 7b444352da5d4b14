"""The share-of-voice chart of an article as SVG, part of the API document."""

from flask import Response, render_template
from flask_smorest import Blueprint

from service.db import get_db
from service.desk.chart import share_chart
from service.desk.security import add_security_headers
from service.errors import NotFound
from service.http.media import SVG, produces
from service.newsroom.context import current_desk
from service.sides.repository import SideRepository

blp = Blueprint(
    "charts", __name__, url_prefix="/api/v1", template_folder="templates",
    description="Charts drawn by the server, for pages and documents that embed them.",
)  # fmt: skip
blp.after_request(add_security_headers)


def side_colours(side_ids) -> dict:
    """The ``color`` of each side still in the registry, by id string."""
    repo, colours = SideRepository(get_db()), {}
    for side_id in side_ids:
        try:
            colours[str(side_id)] = repo.get(side_id).get("color")
        except NotFound:  # deleted since its claims were counted
            colours[str(side_id)] = None
    return colours


@blp.route("/articles/<objectid:article_id>/balance.svg", methods=["GET"])
@produces(SVG, with_json=False)
@blp.doc(responses={200: {"description": "Share of voice per side as an SVG bar chart"}})
def balance_chart(article_id):
    """Share of voice per side as an SVG bar chart (the balance endpoint's numbers)."""
    balance = current_desk().balance(article_id)
    ids = [row["side_id"] for row in balance["sides"] if row["side_id"] is not None]
    chart = share_chart(balance, side_colours(ids))
    return Response(render_template("desk/balance.svg", chart=chart), mimetype=SVG)
