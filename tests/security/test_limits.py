"""Rate limits per key, 429 as problem+json with Retry-After; body and list bounds."""

import threading
import time
from functools import partial

from flask_limiter import Limiter

from service.auth.repository import KeyRepository
from service.db import get_db
from service.limits import EXTENSION
from service.request_limiter import SweptMemoryStorage


def test_429_after_the_limit_per_key(make_app):
    app = make_app({"AUTH": "required", "RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "3 per minute"})
    with app.app_context():
        repo = KeyRepository(get_db())
        first, second = repo.create("one", "reader")[1], repo.create("two", "reader")[1]
    client = app.test_client()
    one = {"Authorization": f"Bearer {first}"}
    statuses = [client.get("/api/v1/sides", headers=one).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/sides", headers=one)
    assert limited.status_code == 429
    assert limited.content_type == "application/problem+json"
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.headers["X-RateLimit-Limit"] == "3"
    assert limited.headers["X-RateLimit-Remaining"] == "0"
    other = client.get("/api/v1/sides", headers={"Authorization": f"Bearer {second}"})
    assert other.status_code == 200
    assert "Retry-After" not in other.headers
    assert client.get("/healthz").status_code == 200


def test_anonymous_requests_are_limited_per_address(make_app):
    app = make_app({"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "2 per minute"})
    client = app.test_client()
    assert [client.get("/api/v1/claims").status_code for _ in range(3)] == [200, 200, 429]
    elsewhere = app.test_client().get("/api/v1/claims", environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert elsewhere.status_code == 200


def test_body_limit_is_413(make_app):
    app = make_app({"MAX_CONTENT_LENGTH": 1024})
    response = app.test_client().post(
        "/api/v1/articles", json={"title": "T", "body": "word " * 1000}
    )
    assert response.status_code == 413
    assert response.content_type == "application/problem+json"


def test_lists_strings_and_filters_are_bounded(client):
    too_many_aliases = client.post("/api/v1/sides", json={"name": "A", "aliases": ["x"] * 101})
    assert too_many_aliases.status_code == 422
    long_name = client.post("/api/v1/sides", json={"name": "x" * 121})
    assert long_name.status_code == 422
    many_values = "&".join(f"tag=t{i}" for i in range(21))
    assert client.get(f"/api/v1/claims?{many_values}").status_code == 422
    assert client.get("/api/v1/claims?per_page=101").status_code == 422


def test_cors_is_off_by_default_and_allow_listed(make_app):
    closed = (
        make_app().test_client().get("/api/v1/sides", headers={"Origin": "https://cms.example"})
    )
    assert "Access-Control-Allow-Origin" not in closed.headers
    app = make_app({"CORS_ORIGINS": ["https://cms.example"]})
    client = app.test_client()
    allowed = client.get("/api/v1/sides", headers={"Origin": "https://cms.example"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://cms.example"
    other = client.get("/api/v1/sides", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_in_process_limits_start_no_thread_per_request_and_still_sweep(make_app):
    app = make_app({"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "1000 per minute"})
    storage = app.extensions["claimdesk.limiter"].limiter.storage
    assert isinstance(storage, SweptMemoryStorage)
    client = app.test_client()
    before = threading.active_count()
    statuses = {client.get("/api/v1/sides").status_code for _ in range(30)}
    assert statuses == {200}
    assert threading.active_count() <= before
    storage.incr("stale", expiry=0.001)
    storage.next_sweep = 0.0  # a second has passed: the next hit sweeps
    time.sleep(0.01)
    storage.incr("fresh", expiry=60)
    assert "stale" not in storage.storage
    assert storage.get("fresh") == 1


def test_the_limiter_picks_the_limits_flask_limiter_picks(make_app):
    """Our faster choice of limits answers as the extension's own, and counts a request
    against a limit once even when the limits are picked twice in it."""
    app = make_app({"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "5 per minute"})
    limiter = app.extensions[EXTENSION]
    ours = limiter._Limiter__filter_limits
    theirs = partial(Limiter._Limiter__filter_limits, limiter)
    cases = (("sides.Sides", ["5 per 1 minute"]), ("static", []), (None, []))
    for endpoint, expected in cases:
        picked = []
        for pick in (ours, theirs):
            with app.test_request_context("/api/v1/sides"):
                picked.append([pick(endpoint, "sides", None, True) for _ in range(2)])
        assert picked[0] == picked[1]
        first, again = picked[0]
        assert [str(limit.limit) for limit in first] == expected
        assert again == []
