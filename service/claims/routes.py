"""Claim endpoints, including the claims of one article, side or speaker."""

from functools import partial

from flask import url_for
from flask.views import MethodView

from service.claims.exports import claim_answer, claim_list
from service.claims.repository import ClaimRepository
from service.claims.schemas import (
    ArticleClaimQuerySchema,
    ClaimCreateSchema,
    ClaimPageSchema,
    ClaimQuerySchema,
    ClaimSchema,
    ClaimUpdateSchema,
    SpeakerClaimQuerySchema,
)
from service.db import per_database
from service.formats.negotiation import CSV, JSON_LD, NDJSON
from service.http.api import Blueprint
from service.http.conditional import write_at_version
from service.http.identity import current_actor
from service.http.media import produces
from service.newsroom.context import current_desk, current_ingest, current_listing
from service.newsroom.schemas import PreviewResultSchema, PreviewSchema

blp = Blueprint("claims", __name__, url_prefix="/api/v1", description="Claims and extraction")


@blp.route("/claims")
class Claims(MethodView):
    """The claim collection."""

    @produces(JSON_LD, CSV, NDJSON)
    @blp.arguments(ClaimQuerySchema, location="query")
    @blp.response(200, ClaimPageSchema)
    def get(self, args):
        """List claims (JSON-LD, CSV and NDJSON too)."""
        listing = current_listing()
        return claim_list(args, listing, listing.claim_page, listing.claim_stream)

    @blp.etag
    @blp.arguments(ClaimCreateSchema)
    @blp.response(201, ClaimSchema)
    def post(self, data):
        """Create a manual claim."""
        claim = current_desk().create(data, current_actor())
        return claim, 201, {"Location": url_for("claims.Claim", claim_id=claim["_id"])}


@blp.route("/claims/<objectid:claim_id>")
@blp.etag
class Claim(MethodView):
    """One claim."""

    @produces(JSON_LD)
    @blp.response(200, ClaimSchema)
    def get(self, claim_id):
        """Get a claim (as schema.org JSON-LD too)."""
        return claim_answer(blp, current_listing(), per_database(ClaimRepository).get(claim_id))

    @blp.arguments(ClaimUpdateSchema)
    @blp.response(200, ClaimSchema)
    def patch(self, changes, claim_id):
        """Change or review a claim (merge patch)."""
        desk = current_desk()
        return write_at_version(
            blp,
            lambda: desk.claims.get(claim_id),
            ClaimSchema,
            lambda c: desk.update(c, changes, current_actor()),
        )

    @blp.response(204)
    def delete(self, claim_id):
        """Delete a claim."""
        desk = current_desk()
        write_at_version(blp, lambda: desk.claims.get(claim_id), ClaimSchema, desk.delete)


@blp.route("/articles/<objectid:article_id>/claims")
@produces(JSON_LD, CSV, NDJSON)
@blp.arguments(ArticleClaimQuerySchema, location="query")
@blp.response(200, ClaimPageSchema)
def article_claims(args, article_id):
    """An article's claims, in body order unless sorted otherwise (JSON-LD, CSV, NDJSON too)."""
    listing = current_listing()
    page = partial(listing.article_claims, article_id=article_id)
    stream = partial(listing.article_claim_stream, article_id=article_id)
    return claim_list(args, listing, page, stream)


@blp.route("/sides/<objectid:side_id>/claims")
@produces(JSON_LD, CSV, NDJSON)
@blp.arguments(ClaimQuerySchema, location="query")
@blp.response(200, ClaimPageSchema)
def side_claims(args, side_id):
    """A side's claims (JSON-LD, CSV and NDJSON too)."""
    listing = current_listing()
    page = partial(listing.side_claims, side_id=side_id)
    return claim_list(args, listing, page, partial(listing.side_claim_stream, side_id=side_id))


@blp.route("/speakers/<objectid:speaker_id>/claims")
@produces(JSON_LD, CSV, NDJSON)
@blp.arguments(SpeakerClaimQuerySchema, location="query")
@blp.response(200, ClaimPageSchema)
def speaker_claims(args, speaker_id):
    """A speaker's claims across articles, newest first (JSON-LD, CSV and NDJSON too)."""
    listing = current_listing()
    page = partial(listing.speaker_claims, speaker_id=speaker_id)
    stream = partial(listing.speaker_claim_stream, speaker_id=speaker_id)
    return claim_list(args, listing, page, stream)


@blp.route("/extract", methods=["POST"])
@blp.arguments(PreviewSchema)
@blp.response(200, PreviewResultSchema)
def preview_extraction(data):
    """Extract claims from a text without storing anything."""
    return current_ingest().preview(data["text"], data.get("published_at"))
