"""Close the client connection after an early refusal, so no keep-alive is promised.

A request refused before its body is read (401, 403, 413, 415, 429) leaves that body on
the connection. gunicorn ignores a ``Connection`` header set by the app (hop-by-hop), so
its ``pre_request`` hook hands the server's request object over here and the app marks
it to close: gunicorn then answers ``Connection: close`` and closes.
"""

import threading

from flask import Flask, request

EARLY_REFUSALS = {401, 403, 413, 415, 429}
_serving = threading.local()


def serving(server_request) -> None:
    """Remember the server's request object for this thread (gunicorn pre_request hook)."""
    _serving.request = server_request


def served() -> None:
    """Forget it once answered (gunicorn post_request hook)."""
    _serving.request = None


def has_body() -> bool:
    """Whether the request announced a body (a length above zero, or chunked)."""
    chunked = "chunked" in request.headers.get("Transfer-Encoding", "").lower()
    return chunked or bool(request.content_length)


def close_after_early_refusal(response):
    """Ask the server to close the connection after refusing a request with a body."""
    server_request = getattr(_serving, "request", None)
    if server_request is not None and response.status_code in EARLY_REFUSALS and has_body():
        server_request.force_close()
    return response


def init_app(app: Flask) -> None:
    """Check every response."""
    app.after_request(close_after_early_refusal)
