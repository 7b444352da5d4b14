"""Every error becomes an RFC 9457 problem+json response here, and only here."""

import logging
from http import HTTPStatus

import marshmallow as ma
from flask import Flask, Response, current_app, g, has_request_context, json, request
from pymongo.errors import ConnectionFailure, PyMongoError
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from service import errors
from service.observability.metrics import DB_ERRORS

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"
EXTRAS = ("existing_id", "errors")


class ProblemSchema(ma.Schema):
    """An RFC 9457 problem document (documentation only)."""

    type = ma.fields.String(metadata={"description": "problem type URI"})
    title = ma.fields.String()
    status = ma.fields.Integer()
    detail = ma.fields.String()
    instance = ma.fields.String()
    errors = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.List(ma.fields.String()),
        metadata={"description": "field -> messages, for validation errors"},
    )
    existing_id = ma.fields.String(metadata={"description": "the resource a 409 collides with"})


def problem_body(status: int, detail: str | None = None, **extra) -> dict:
    """The JSON of a problem (for a response, or a line of a bulk answer)."""
    phrase = HTTPStatus(status).phrase
    body = {"type": "about:blank", "title": phrase, "status": status}
    body["detail"] = detail or phrase
    if has_request_context():
        body["instance"] = request.path
    body.update({k: v for k, v in extra.items() if v is not None})
    return body


def problem(status: int, detail: str | None = None, headers=None, **extra) -> Response:
    """Build a problem+json response."""
    body = problem_body(status, detail, **extra)
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_JSON)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def flatten_messages(messages, prefix: str = "") -> dict[str, list[str]]:
    """Turn webargs/marshmallow nested messages into ``field -> [messages]``."""
    if isinstance(messages, list | tuple):
        if all(isinstance(m, str) for m in messages):
            return {prefix or "_schema": list(messages)}
        flat: dict[str, list[str]] = {}
        for index, item in enumerate(messages):
            flat.update(flatten_messages(item, f"{prefix}.{index}" if prefix else str(index)))
        return flat
    if isinstance(messages, dict):
        flat = {}
        for key, value in messages.items():
            name = str(key) if not prefix else f"{prefix}.{key}"
            flat.update(flatten_messages(value, name))
        return flat
    return {prefix or "_schema": [str(messages)]}


def _strip_locations(messages: dict) -> dict:
    """Drop webargs' location level (``json``, ``query``) from its messages."""
    merged: dict = {}
    for location, value in messages.items():
        if location in {"json", "query", "querystring", "headers", "view_args"} and isinstance(
            value, dict
        ):
            merged.update(value)
        else:
            merged[location] = value
    return merged


def validation_body(field_errors: dict[str, list[str]], detail: str | None = None) -> dict:
    """The problem of a 422 naming each invalid field."""
    names = ", ".join(sorted(field_errors))
    return problem_body(422, detail or f"Invalid fields: {names}", errors=field_errors)


def validation_problem(field_errors: dict[str, list[str]], detail: str | None = None) -> Response:
    """A 422 naming each invalid field."""
    body = validation_body(field_errors, detail)
    return problem(422, body["detail"], errors=field_errors)


def handle_http_exception(error: HTTPException):
    """Render Werkzeug / webargs / flask-smorest HTTP errors as problems."""
    if error.code == 304:
        response = Response(status=304)
        if g.get("not_modified_etag"):
            response.set_etag(g.not_modified_etag)
        return response
    data = getattr(error, "data", None) or {}
    messages = data.get("errors") or data.get("messages")
    if error.code == 422 and messages:
        return validation_problem(flatten_messages(_strip_locations(messages)))
    headers = dict(data.get("headers") or {})
    if isinstance(error, MethodNotAllowed) and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    if error.code == 412:
        changed = "The resource changed since the ETag sent in If-Match; GET it again"
        return problem(412, data.get("message") or changed)
    if error.code == 429:
        return problem(429, f"Rate limit exceeded ({error.description}); see Retry-After", headers)
    if error.code == 413:
        limit = request.max_content_length or current_app.config["MAX_CONTENT_LENGTH"]
        return problem(413, f"Request body is larger than {limit} bytes", headers)
    return problem(error.code or 500, data.get("message") or error.description, headers)


STATUS_OF_ERROR = {
    errors.NotFound: 404,
    errors.VersionMismatch: 412,
    errors.ExtractionBusy: 503,
    errors.Gone: 410,
    errors.TooLarge: 413,
}


def domain_problem_body(error: errors.DomainError) -> dict:
    """The problem a domain error stands for."""
    if isinstance(error, errors.Conflict):
        existing = str(error.existing_id) if error.existing_id is not None else None
        return problem_body(409, error.detail, existing_id=existing)
    if isinstance(error, errors.InvalidReference):
        return validation_body({error.field: [error.detail]})
    for error_class, status in STATUS_OF_ERROR.items():
        if isinstance(error, error_class):
            return problem_body(status, error.detail)
    log.error("unmapped domain error %s", type(error).__name__)
    return problem_body(500, "An unexpected error occurred.")


def handle_domain_error(error: errors.DomainError):
    """Render a domain error with the status its class stands for."""
    if isinstance(error, errors.ExtractionBusy):
        return unavailable(error.detail)
    body = domain_problem_body(error)
    return problem(body["status"], body["detail"], **{k: body.get(k) for k in EXTRAS})


def unavailable(detail: str) -> Response:
    """503 with Retry-After."""
    retry = str(current_app.config["RETRY_AFTER_SECONDS"])
    return problem(503, detail, {"Retry-After": retry})


def handle_database_error(error: PyMongoError):
    """A database that cannot be reached is a 503; anything else from it is logged."""
    DB_ERRORS.labels(type(error).__name__).inc()
    if isinstance(error, ConnectionFailure):
        log.warning("database unavailable: %s", error)
        return unavailable("The database is unavailable; try again shortly.")
    log.exception("database error")
    return problem(500, "The database reported an error.")


def handle_unexpected(error: Exception):
    """Log the traceback server-side; the client sees a bare 500."""
    log.exception("unhandled error on %s %s", request.method, request.path)
    return problem(500, "An unexpected error occurred.")


def register(app: Flask) -> None:
    """Install the handlers on an app."""
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(errors.DomainError, handle_domain_error)
    app.register_error_handler(PyMongoError, handle_database_error)
    app.register_error_handler(Exception, handle_unexpected)
