"""Content negotiation: the media type to answer with, from an Accept header and an offer."""

from collections.abc import Sequence

from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

JSON = "application/json"
PROBLEM_JSON = "application/problem+json"
JSON_LD = "application/ld+json"
NDJSON = "application/x-ndjson"
CSV = "text/csv"
NINJS = "application/ninjs+json"
HTML = "text/html"
SVG = "image/svg+xml"


def choose_media_type(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers most (q-values, then specificity, then offer order).

    No Accept header (or an empty one) takes the first offer, the endpoint's default.
    None means the client accepts none of the offers: the caller answers 406.
    """
    if not offers:
        raise ValueError("an endpoint offers at least one media type")
    if accept is None or not accept.strip():
        return offers[0]
    # Media-type parameters (charset, profile) narrow nothing we produce: compare bare types.
    parsed = MIMEAccept(
        (value.split(";", 1)[0].strip(), quality)
        for value, quality in parse_accept_header(accept, MIMEAccept)
    )
    chosen = parsed.best_match(offers)
    if chosen is None and _accepts_problem_json(parsed) and JSON in offers:
        # A client that asks for problem+json reads JSON; errors come as problem+json anyway.
        return JSON
    return chosen


def _accepts_problem_json(parsed: MIMEAccept) -> bool:
    """Whether the client names application/problem+json with a quality above zero."""
    return any(value.lower() == PROBLEM_JSON and quality > 0 for value, quality in parsed)


def not_acceptable_detail(offers: Sequence[str]) -> str:
    """The sentence a 406 says: what this endpoint can produce."""
    return "This endpoint can answer with: " + ", ".join(offers)
