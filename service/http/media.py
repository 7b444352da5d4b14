"""Media types per endpoint: what a view produces (Accept, 406) and consumes (415).

A view declares its extra formats with `produces` (documented as alternative 200/201
content) and `consumes`; `negotiate` runs before every API view, answers 406 when the
client accepts none of what the view produces, and leaves the choice in `g.media_type`.
"""

from collections.abc import Iterator

from flask import Flask, Response, current_app, g, json, stream_with_context

from service.formats import negotiation
from service.formats.negotiation import CSV, HTML, JSON, JSON_LD, NDJSON, NINJS, SVG
from service.problems import problem
from service.proxies import current_g, current_request

DOCUMENTED_AS = {
    JSON_LD: {"type": "object", "description": "schema.org JSON-LD"},
    CSV: {"type": "string", "description": "CSV with a header row"},
    NDJSON: {"type": "string", "description": "one JSON document per line"},
    NINJS: {"$ref": "#/components/schemas/NinjsDocument"},
    HTML: {"type": "string", "format": "binary", "description": "a whole HTML page"},
    SVG: {"type": "string", "description": "an SVG image"},
}
# Media types whose body is one JSON value (checked as JSON before the view).
JSON_BODIES = {JSON, NINJS}
BODYLESS_METHODS = {"DELETE", "OPTIONS"}


def produces(*media_types: str, status: int = 200, with_json: bool = True):
    """Declare (and document) the formats a view answers with: JSON unless ``with_json=False``."""

    def decorator(func):
        func._produces = (JSON, *media_types) if with_json else media_types
        doc = func.__dict__.setdefault("_apidoc", {})
        manual = doc.setdefault("manual_doc", {})
        content = (
            manual.setdefault("responses", {}).setdefault(status, {}).setdefault("content", {})
        )
        for media_type in media_types:
            content[media_type] = {"schema": DOCUMENTED_AS[media_type]}
        return func

    return decorator


def consumes(*media_types: str):
    """Declare (and document) the request bodies a view takes besides JSON."""

    def decorator(func):
        func._consumes = (JSON, *media_types)
        doc = func.__dict__.setdefault("_apidoc", {})
        manual = doc.setdefault("manual_doc", {})
        content = manual.setdefault("requestBody", {}).setdefault("content", {})
        for media_type in media_types:
            content[media_type] = {"schema": DOCUMENTED_AS[media_type]}
        return func

    return decorator


def _view_function(endpoint: str | None, method: str):
    """The function that serves an endpoint and method (a MethodView's method)."""
    view = current_app.view_functions.get(endpoint or "")
    view_class = getattr(view, "view_class", None)
    name = "get" if method == "HEAD" else method.lower()  # HEAD answers like GET
    return getattr(view_class, name, None) if view_class else view


def offered(endpoint: str | None, method: str) -> tuple[str, ...] | None:
    """The media types a view produces (JSON unless it declares more), or None."""
    view = _view_function(endpoint, method)
    # A plain Flask view outside the API document (the desk's pages) negotiates itself.
    if not hasattr(view, "_apidoc") and not hasattr(view, "_produces"):
        return None
    return getattr(view, "_produces", (JSON,))


def accepted_bodies(endpoint: str | None, method: str) -> tuple[str, ...]:
    """The request media types a view consumes (JSON unless it declares more)."""
    return getattr(_view_function(endpoint, method), "_consumes", (JSON,))


def negotiate():
    """406 when the client accepts nothing the view produces; else remember the choice."""
    req, context = current_request(), current_g()
    context.media_type = JSON
    if (
        req.url_rule is None
        or req.method in BODYLESS_METHODS
        or not req.path.startswith("/api/v1")
        or (req.endpoint or "").startswith("api-docs.")
    ):
        return None
    offers = offered(req.endpoint, req.method)
    if offers is None:
        return None
    chosen = negotiation.choose_media_type(req.headers.get("Accept"), offers)
    if chosen is None:
        return problem(406, negotiation.not_acceptable_detail(offers))
    context.media_type = chosen
    return None


def chosen_media_type() -> str:
    """The media type this request's answer takes."""
    return g.get("media_type", JSON)


def body_media_type() -> str:
    """The media type of this request's body, by `?format=ninjs` or Content-Type."""
    req = current_request()
    if req.query_string and req.args.get("format") == "ninjs":
        return NINJS
    return req.mimetype or ""


def with_source_document(data: dict) -> dict:
    """Article fields with the document they were read from, when that was ninjs."""
    document = g.pop("source_document", None)
    if document is None:
        return data
    return article_from_source(data, document)


def article_from_source(data: dict, document: dict) -> dict:
    """Article fields carrying the document they were converted from."""
    # Kept as JSON text: a ninjs document may hold keys MongoDB would refuse ($, dots).
    return {**data, "source_document": json.dumps(document)}


def streamed(chunks: Iterator[bytes], media_type: str, headers=None) -> Response:
    """A response whose body is written chunk by chunk as the client reads it."""
    mimetype = f"{media_type}; charset=utf-8" if media_type == CSV else media_type
    response = Response(stream_with_context(chunks), mimetype=mimetype)
    response.headers.update(headers or {})
    return response


def vary_on_accept(response: Response) -> Response:
    """Tell caches that a view with several formats answers by Accept."""
    req = current_request()
    if req.url_rule is not None and len(offered(req.endpoint, req.method) or ()) > 1:
        response.vary.add("Accept")
    return response


def init_app(app: Flask) -> None:
    """Negotiate the answer's media type before every API view."""
    app.before_request(negotiate)
    app.after_request(vary_on_accept)
