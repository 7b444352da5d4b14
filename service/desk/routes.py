"""The desk's pages: shells whose scripts call /api/v1 with the reader's key."""

from flask import Blueprint, render_template

from service.desk.security import add_security_headers

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
