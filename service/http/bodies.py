"""Body rules: a request's size, media type and JSON object; no type on empty responses."""

import codecs
import re

from flask import Flask, Request, current_app, json, request

from service.formats.negotiation import HTML, NINJS
from service.http.media import accepted_bodies, body_media_type
from service.problems import problem, validation_problem
from service.proxies import current_request

WRITE_METHODS = {"POST", "PUT", "PATCH"}
BODYLESS_ENDPOINTS = {"articles.extract_article"}
NDJSON_ENDPOINTS = {"bulk.BulkArticles"}
NDJSON = "application/x-ndjson"
# Where the body check leaves the JSON body it parsed, for the view's parser (WSGI environ).
CHECKED_JSON = "claimdesk.checked_json"
# An escape that may stand for half a surrogate pair (D800-DFFF), or an escaped backslash
# before "ud8..": either way the full check runs.
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _too_large(req: Request, limit: int) -> bool:
    """Whether the body is over the limit, by its Content-Length or, sent chunked, by size.

    Werkzeug stops reading a chunked body at the limit without saying so: look one byte on.
    """
    if req.content_length is not None:
        return req.content_length > limit
    raw = req.get_data(cache=True)
    return len(raw) >= limit and bool(req.environ["wsgi.input"].read(1))


def check_request_body():
    """415 for a write that is not JSON, 400 for a body that is not a JSON object."""
    req = current_request()
    endpoint = req.endpoint
    if req.method not in WRITE_METHODS or req.url_rule is None or endpoint in BODYLESS_ENDPOINTS:
        return None
    if req.endpoint in NDJSON_ENDPOINTS:
        return check_ndjson_body()
    return check_json_body(req)


def check_json_body(req: Request):
    """413 over the limit, 415 unless JSON, 400 unless a JSON object."""
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if _too_large(req, limit):
        return problem(413, f"Request body is larger than {limit} bytes")
    kinds = accepted_bodies(req.endpoint, req.method)
    kind = body_media_type()
    if kind == HTML and HTML in kinds:
        return None  # a page: the view's parser reads it
    if not req.is_json or (kind == NINJS and NINJS not in kinds):
        return problem(415, "Send the body with Content-Type: " + " or ".join(kinds))
    return _json_object_problem(req)


def _json_object_problem(req: Request):
    """400 unless the body is a JSON object that can be stored as UTF-8; what it read is
    kept for the view's parser when that parser would read the same (UTF-8 text)."""
    raw = req.get_data(cache=True)
    text = _utf8_text(raw)
    try:
        data = json.loads(raw if text is None else text)
        # Lone surrogates ("\ud800") parse but cannot be stored as UTF-8; in UTF-8 text
        # only an escape can make one.
        if text is None or SURROGATE_ESCAPE.search(text):
            json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (ValueError, RecursionError, UnicodeEncodeError):
        return problem(400, "The body is not valid UTF-8 JSON")
    if not isinstance(data, dict):
        return problem(400, "The body must be a JSON object")
    if text is not None:
        req.environ[CHECKED_JSON] = data
    return None


def _utf8_text(raw: bytes) -> str | None:
    """The body as webargs reads it (UTF-8 text), or None when json would read it as
    another encoding (a byte-order mark, UTF-16 or 32) or it is not strict UTF-8."""
    if raw.startswith(codecs.BOM_UTF8) or b"\x00" in raw[:4]:
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def check_ndjson_body():
    """413 over the bulk limit (before anything is read or stored); 415 unless NDJSON."""
    limit = current_app.config["BULK_MAX_BYTES"]
    request.max_content_length = limit  # reading past it raises 413 too (chunked bodies)
    if request.content_length is not None and request.content_length > limit:
        return problem(413, f"Bulk body is larger than {limit} bytes")
    if request.mimetype != NDJSON:
        return problem(415, f"Send one JSON article per line with Content-Type: {NDJSON}")
    if not request.content_length and len(request.get_data(cache=True)) >= limit:
        # Without a length (chunked), reading stops quietly at the limit: do not import
        # the first part of a body that went on.
        return problem(413, f"Bulk body is larger than {limit} bytes")
    return None


def _takes_query(endpoint: str, method: str) -> bool:
    """Whether a view declares query parameters (flask-smorest keeps them in ``_apidoc``)."""
    if method == "HEAD":
        method = "GET"  # HEAD is GET without the body: same parameters, same checks
    view = current_app.view_functions.get(endpoint)
    view_class = getattr(view, "view_class", None)
    func = getattr(view_class, method.lower(), None) if view_class else view
    parameters = getattr(func, "_apidoc", {}).get("arguments", {}).get("parameters", [])
    return any(p.get("in") == "query" for p in parameters)


def reject_unexpected_query():
    """422 for query parameters sent to an API view that takes none."""
    req = current_request()
    # No query string, no parameters: skip parsing an empty one on every request.
    if req.url_rule is None or not req.query_string or not req.args:
        return None
    if not req.path.startswith("/api/v1/"):
        return None
    if req.method == "OPTIONS":
        return None  # a CORS preflight carries the query of the request it asks about
    endpoint = req.endpoint or ""
    if endpoint.startswith("api-docs.") or _takes_query(endpoint, req.method):
        return None
    names = sorted(req.args)
    return validation_problem({name: ["Unknown field."] for name in names})


def drop_type_of_empty_response(response):
    """A 204 or 304 has no body, so no Content-Type either."""
    if response.status_code in (204, 304):
        response.headers.pop("Content-Type", None)
    return response


def init_app(app: Flask) -> None:
    """Check query strings and bodies before the views run."""
    app.before_request(reject_unexpected_query)
    app.before_request(check_request_body)
    app.after_request(drop_type_of_empty_response)
