"""Request-body rules applied before any view: size, media type, a JSON object."""

from flask import Flask, current_app, request

from service.problems import problem

WRITE_METHODS = {"POST", "PUT", "PATCH"}
BODYLESS_ENDPOINTS = {"articles.extract_article"}


def check_request_body():
    """415 for a write that is not JSON, 400 for a body that is not a JSON object."""
    if request.method not in WRITE_METHODS or request.url_rule is None:
        return None
    if request.endpoint in BODYLESS_ENDPOINTS:
        return None
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is not None and request.content_length > limit:
        return problem(413, f"Request body is larger than {limit} bytes")
    if not request.is_json:
        return problem(415, "Send the body as JSON with Content-Type: application/json")
    data = request.get_json(silent=True)
    if data is None:
        return problem(400, "The body is not valid JSON")
    if not isinstance(data, dict):
        return problem(400, "The body must be a JSON object")
    return None


def init_app(app: Flask) -> None:
    """Check bodies before the views run."""
    app.before_request(check_request_body)
