"""The Idempotency-Key hook: claim the key before a POST runs, keep its answer after."""

import hashlib
import re

from flask import Flask, Response, current_app, g, request

from service.db import get_db
from service.idempotency.repository import IN_FLIGHT, MISMATCH, NEW, IdempotencyRepository
from service.limits import limit_key
from service.problems import problem

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
KEPT_HEADERS = ("Content-Type", "Location", "ETag")
VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


def fingerprint() -> str:
    """sha256 of the method, path with query string, and body."""
    digest = hashlib.sha256()
    query = request.query_string.decode("latin-1")
    digest.update(f"{request.method} {request.path}?{query}\n".encode())
    digest.update(request.get_data(cache=True))
    return digest.hexdigest()


def repository() -> IdempotencyRepository:
    """The store of this app, with its TTL and lease settings."""
    config = current_app.config
    return IdempotencyRepository(
        get_db(), config["IDEMPOTENCY_TTL_SECONDS"], config["IDEMPOTENCY_LEASE_SECONDS"]
    )


def claim_key():
    """Run a POST under its key, replay the first answer, or refuse (422, 409)."""
    key = request.headers.get(HEADER)
    if key is None or request.method != "POST" or request.url_rule is None:
        return None
    if not VALID_KEY.match(key):
        return problem(400, f"{HEADER} must be 1-255 visible ASCII characters")
    claim = repository().claim(limit_key(), key, fingerprint())
    if claim.outcome == NEW:
        g.idempotency_record = claim.record
        return None
    if claim.outcome == MISMATCH:
        return problem(422, f"This {HEADER} was used with another request; send a new key")
    if claim.outcome == IN_FLIGHT:
        detail = f"A request with this {HEADER} is still running; retry when it has answered"
        return problem(409, detail, {"Retry-After": "1"})
    return replay(claim.record["response"])


def replay(stored: dict) -> Response:
    """The first answer again, marked as a replay."""
    response = Response(bytes(stored["body"]), status=stored["status"])
    for name, value in stored["headers"].items():
        response.headers[name] = value
    response.headers[REPLAYED] = "true"
    return response


def keep_answer(response: Response) -> Response:
    """Store the answer of a POST that ran under a key (a 5xx or 429 frees the key instead)."""
    record = g.pop("idempotency_record", None)
    if record is None:
        return response
    store = repository()
    if response.status_code >= 500 or response.status_code == 429:
        store.release(record)
        return response
    headers = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
    if response.is_streamed:
        response.response = KeptStream(
            response.response, store, record, response.status_code, headers
        )
    else:
        store.finish(record, response.status_code, headers, response.get_data())
    return response


class KeptStream:
    """A streamed body passed through and stored once complete; the key is freed if the
    stream is closed before its end (the client went away), even before its first chunk."""

    def __init__(self, chunks, store: IdempotencyRepository, record: dict, status: int, headers):
        self.chunks = chunks
        self.store = store
        self.record = record
        self.status = status
        self.headers = headers
        self.parts: list[bytes] = []
        self.complete = False
        self.settled = False

    def __iter__(self):
        for chunk in self.chunks:
            self.parts.append(chunk.encode() if isinstance(chunk, str) else chunk)
            yield chunk
        self.complete = True
        self._settle()

    def close(self) -> None:
        """Called by the server when the response ends, complete or not."""
        self._settle()
        if hasattr(self.chunks, "close"):
            self.chunks.close()

    def _settle(self) -> None:
        """Keep the whole answer, or free the key for a retry."""
        if self.settled:
            return
        self.settled = True
        if self.complete:
            self.store.finish(self.record, self.status, self.headers, b"".join(self.parts))
        else:
            self.store.release(self.record)


def release_unanswered(_error=None) -> None:
    """Free the key of a request that ended without passing ``keep_answer``."""
    record = g.pop("idempotency_record", None)
    if record is not None:
        repository().release(record)


def init_app(app: Flask) -> None:
    """Install the hook (after authentication and the body checks)."""
    app.before_request(claim_key)
    app.after_request(keep_answer)
    app.teardown_request(release_unanswered)
