"""Article endpoints."""

from flask import url_for
from flask.views import MethodView

from service.articles.repository import ArticleRepository
from service.articles.schemas import (
    ArticleCreateQuerySchema,
    ArticleCreateSchema,
    ArticlePageSchema,
    ArticleQuerySchema,
    ArticleSchema,
    ArticleUpdateSchema,
    BalanceSchema,
)
from service.db import per_database
from service.formats.ndjson import ndjson_lines
from service.formats.negotiation import HTML, NDJSON, NINJS
from service.http.api import Blueprint
from service.http.conditional import write_at_version
from service.http.identity import current_actor
from service.http.listing import paged
from service.http.media import (
    chosen_media_type,
    consumes,
    produces,
    streamed,
    with_source_document,
)
from service.newsroom.context import current_desk, current_ingest, current_listing
from service.newsroom.schemas import ExtractionResultSchema

blp = Blueprint("articles", __name__, url_prefix="/api/v1", description="News articles")
ARTICLE_OUT = ArticleSchema()


def article_export(articles):
    """Articles as NDJSON, streamed."""
    return streamed(ndjson_lines(ARTICLE_OUT.dump(a) for a in articles), NDJSON)


@blp.route("/articles")
class Articles(MethodView):
    """The article collection."""

    @produces(NDJSON)
    @blp.arguments(ArticleQuerySchema, location="query")
    @blp.response(200, ArticlePageSchema)
    def get(self, args):
        """List articles (or stream every match as NDJSON)."""
        if chosen_media_type() == NDJSON:
            return article_export(current_listing().article_stream(args))
        items, total = current_listing().article_page(args)
        return paged(items, total, args["page"], args["per_page"])

    @blp.etag
    @consumes(NINJS, HTML)
    @blp.arguments(ArticleCreateQuerySchema, location="query")
    @blp.arguments(ArticleCreateSchema)
    @blp.response(201, ArticleSchema)
    def post(self, options, data):
        """Create an article (JSON, IPTC ninjs or an HTML page) and extract its claims."""
        data = with_source_document(data)
        article = current_ingest().create_article(data, options["extract"], current_actor())
        return article, 201, {"Location": url_for("articles.Article", article_id=article["_id"])}


@blp.route("/articles/<objectid:article_id>")
@blp.etag
class Article(MethodView):
    """One article."""

    @blp.response(200, ArticleSchema)
    def get(self, article_id):
        """Get an article."""
        return per_database(ArticleRepository).get(article_id)

    @blp.arguments(ArticleUpdateSchema)
    @blp.response(200, ArticleSchema)
    def patch(self, changes, article_id):
        """Change an article (merge patch); a new body re-extracts its claims."""
        flow = current_ingest()
        return write_at_version(
            blp,
            lambda: flow.articles.get(article_id),
            ArticleSchema,
            lambda article: flow.update_article(article, changes, current_actor()),
        )

    @blp.response(204)
    def delete(self, article_id):
        """Delete an article and its claims."""
        desk = current_desk()
        write_at_version(
            blp, lambda: desk.articles.get(article_id), ArticleSchema, desk.delete_article
        )


@blp.route("/articles/<objectid:article_id>/extract", methods=["POST"])
@blp.response(200, ExtractionResultSchema)
def extract_article(article_id):
    """Extract the article's claims again; manual and reviewed claims stay."""
    flow = current_ingest()
    article = flow.articles.get(article_id)
    claims = flow.reextract(article, current_actor())
    return {"claims": claims, "extraction": flow.articles.get(article_id)["extraction"]}


@blp.route("/articles/<objectid:article_id>/balance")
@blp.response(200, BalanceSchema)
def article_balance(article_id):
    """Share of voice per side in an article."""
    return current_desk().balance(article_id)
