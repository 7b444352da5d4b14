"""Claims in the formats a newsroom reads: schema.org JSON-LD, CSV and NDJSON.

The views call these with the newsroom's page and stream of the claims they list and its
listing (which finds each claim's article and side): JSON and JSON-LD answer one page, CSV
and NDJSON every matching claim, streamed.
"""

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from flask import Response, json, request

from service.claims.schemas import ClaimSchema
from service.formats.claimreview import claim_jsonld, claims_item_list
from service.formats.csv_export import CSV_MEDIA_TYPE, claim_csv_lines
from service.formats.ndjson import ndjson_lines
from service.formats.negotiation import CSV, JSON_LD, NDJSON
from service.http.listing import paged
from service.http.media import chosen_media_type, streamed

CLAIM_OUT = ClaimSchema()
Page = Callable[[dict], tuple[list[dict], int]]
Stream = Callable[[dict], Iterator[dict]]
Record = tuple[dict, dict | None, dict | None]


class ClaimContext(Protocol):
    """What finds claims' articles and sides (the newsroom's listing)."""

    def claim_records(self, claims: Iterable[dict]) -> Iterator[Record]:
        """Each claim with its article and side."""
        ...


def claim_list(args: dict, context: ClaimContext, page: Page, stream: Stream):
    """A claim list in the negotiated format."""
    media = chosen_media_type()
    if media == CSV:
        return streamed(claim_csv(context, stream(args)), CSV_MEDIA_TYPE)
    if media == NDJSON:
        return streamed(ndjson_lines(CLAIM_OUT.dump(c) for c in stream(args)), NDJSON)
    items, total = page(args)
    if media == JSON_LD:
        entries = [_jsonld(*record, context=False) for record in _records(context, items)]
        return _jsonld_response(claims_item_list(entries, url=request.url, total=total))
    return paged(items, total, args["page"], args["per_page"])


def claim_answer(blp, context: ClaimContext, claim: dict):
    """One claim: as stored for JSON (the view's schema dumps it), or as JSON-LD."""
    if chosen_media_type() != JSON_LD:
        return claim
    [record] = _records(context, [claim])
    document = _jsonld(*record)
    blp.set_etag(document)  # the JSON-LD representation has its own ETag
    return _jsonld_response(document)


def _records(context: ClaimContext, claims: Iterable[dict]) -> Iterator[Record]:
    """(claim as the API shows it, its article, its side) for each claim."""
    for claim, article, side in context.claim_records(claims):
        shown = {**article, "id": str(article["_id"])} if article else None
        yield CLAIM_OUT.dump(claim), shown, side


def _jsonld(claim: dict, article: dict | None, side: dict | None, context: bool = True):
    """One claim as schema.org JSON-LD, with addresses on this server."""
    base = request.host_url.rstrip("/") + "/api/v1"
    return claim_jsonld(claim, article, side, base_url=base, context=context)


def _jsonld_response(document: dict) -> Response:
    """A JSON-LD document as the answer."""
    return Response(json.dumps(document), mimetype=JSON_LD)


def claim_csv(context: ClaimContext, claims: Iterator[dict]) -> Iterator[bytes]:
    """CSV lines (as UTF-8) of claims with their article and side."""
    return (line.encode("utf-8") for line in claim_csv_lines(_records(context, claims)))
