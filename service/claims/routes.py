"""Claim endpoints, including the claims of one article or one side."""

from flask import url_for
from flask.views import MethodView

from service.articles.repository import ArticleRepository
from service.claims.repository import UNATTRIBUTED, ClaimRepository
from service.claims.schemas import (
    ArticleClaimQuerySchema,
    ClaimCreateSchema,
    ClaimPageSchema,
    ClaimQuerySchema,
    ClaimSchema,
    ClaimUpdateSchema,
    PreviewResultSchema,
    PreviewSchema,
)
from service.db import get_db
from service.extracting import current_ingest
from service.http.api import Blueprint
from service.http.conditional import write_at_version
from service.http.identity import current_actor
from service.http.listing import paged
from service.sides.repository import SideRepository

blp = Blueprint("claims", __name__, url_prefix="/api/v1", description="Claims and extraction")


def list_claims(args: dict, **fixed):
    """One page of claims matching the filters in ``args`` plus ``fixed`` ones."""
    db = get_db()
    side_ids = None
    if args.get("side"):
        named = [v for v in args["side"] if v != UNATTRIBUTED]
        side_ids = SideRepository(db).resolve(named) if named else []
        if UNATTRIBUTED in args["side"]:
            side_ids.append(None)
    if "side_id" in fixed:
        side_ids = [fixed["side_id"]] if side_ids is None or fixed["side_id"] in side_ids else []
    if "article_id" in fixed:
        wanted = args.get("article_id")
        args["article_id"] = (
            [] if wanted and fixed["article_id"] not in wanted else [fixed["article_id"]]
        )
    repo = ClaimRepository(db)
    items, total = repo.find_page(
        repo.query(args, side_ids), args["sort"], args["page"], args["per_page"]
    )
    return paged(items, total, args["page"], args["per_page"])


@blp.route("/claims")
class Claims(MethodView):
    """The claim collection."""

    @blp.arguments(ClaimQuerySchema, location="query")
    @blp.response(200, ClaimPageSchema)
    def get(self, args):
        """List claims."""
        return list_claims(args)

    @blp.etag
    @blp.arguments(ClaimCreateSchema)
    @blp.response(201, ClaimSchema)
    def post(self, data):
        """Create a manual claim."""
        claim = ClaimRepository(get_db()).create(data, current_actor())
        return claim, 201, {"Location": url_for("claims.Claim", claim_id=claim["_id"])}


@blp.route("/claims/<objectid:claim_id>")
@blp.etag
class Claim(MethodView):
    """One claim."""

    @blp.response(200, ClaimSchema)
    def get(self, claim_id):
        """Get a claim."""
        return ClaimRepository(get_db()).get(claim_id)

    @blp.arguments(ClaimUpdateSchema)
    @blp.response(200, ClaimSchema)
    def patch(self, changes, claim_id):
        """Change or review a claim (merge patch)."""
        repo = ClaimRepository(get_db())
        return write_at_version(
            blp,
            lambda: repo.get(claim_id),
            ClaimSchema,
            lambda c: repo.update(c, changes, current_actor()),
        )

    @blp.response(204)
    def delete(self, claim_id):
        """Delete a claim."""
        repo = ClaimRepository(get_db())
        write_at_version(blp, lambda: repo.get(claim_id), ClaimSchema, repo.delete)


@blp.route("/articles/<objectid:article_id>/claims")
@blp.arguments(ArticleClaimQuerySchema, location="query")
@blp.response(200, ClaimPageSchema)
def article_claims(args, article_id):
    """An article's claims, in body order unless sorted otherwise."""
    ArticleRepository(get_db()).get(article_id)
    return list_claims(args, article_id=article_id)


@blp.route("/sides/<objectid:side_id>/claims")
@blp.arguments(ClaimQuerySchema, location="query")
@blp.response(200, ClaimPageSchema)
def side_claims(args, side_id):
    """A side's claims."""
    SideRepository(get_db()).get(side_id)
    return list_claims(args, side_id=side_id)


@blp.route("/extract", methods=["POST"])
@blp.arguments(PreviewSchema)
@blp.response(200, PreviewResultSchema)
def preview_extraction(data):
    """Extract claims from a text without storing anything."""
    return current_ingest().preview(data["text"])
