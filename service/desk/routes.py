"""The desk's pages (shells whose scripts call /api/v1) and the share-of-voice SVG."""

from flask import Blueprint, Response, abort, render_template, request

from service.db import get_db
from service.desk.chart import share_chart
from service.desk.security import add_security_headers
from service.errors import NotFound
from service.newsroom.context import current_desk
from service.sides.repository import SideRepository

SVG = "image/svg+xml"

blp = Blueprint(
    "desk",
    __name__,
    template_folder="templates",
    static_folder="static",
    static_url_path="/desk/static",
)
blp.after_request(add_security_headers)


def page(template: str, **context) -> str:
    """A desk page: markup only; its script fetches the data with the reader's key."""
    return render_template(f"desk/{template}", **context)


@blp.get("/desk")
def article_list():
    """The article list with the API's filters."""
    return page("list.html", section="articles")


@blp.get("/desk/articles/new")
def new_article():
    """Paste a new article."""
    return page("new.html", section="new")


@blp.get("/desk/articles/<objectid:article_id>")
def article(article_id):
    """One article with its claims highlighted."""
    return page("article.html", section="articles", article_id=str(article_id))


@blp.get("/desk/sides")
def sides():
    """The side registry."""
    return page("sides.html", section="sides")


@blp.get("/desk/speakers/<objectid:speaker_id>")
def speaker(speaker_id):
    """A speaker's claims across articles."""
    return page("speaker.html", section="articles", speaker_id=str(speaker_id))


def side_colours(side_ids) -> dict:
    """The ``color`` of each side still in the registry, by id string."""
    repo, colours = SideRepository(get_db()), {}
    for side_id in side_ids:
        try:
            colours[str(side_id)] = repo.get(side_id).get("color")
        except NotFound:  # deleted since its claims were counted
            colours[str(side_id)] = None
    return colours


@blp.get("/api/v1/articles/<objectid:article_id>/balance.svg")
def balance_chart(article_id):
    """Share of voice per side as an SVG bar chart (the balance endpoint's numbers)."""
    if request.accept_mimetypes and not request.accept_mimetypes.best_match([SVG]):
        abort(406, f"This chart is available as {SVG} only")
    balance = current_desk().balance(article_id)
    ids = [row["side_id"] for row in balance["sides"] if row["side_id"] is not None]
    chart = share_chart(balance, side_colours(ids))
    return Response(render_template("desk/balance.svg", chart=chart), mimetype=SVG)
