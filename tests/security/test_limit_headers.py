"""The limiter's rate-limit headers are the ones flask-limiter's own hook writes."""

from flask import Response
from flask_limiter import Limiter

from service.limits import EXTENSION
from service.request_limiter import retry_after_on_429

RESPONSES = [
    (200, {}),
    (201, {"Location": "/api/v1/claims/1"}),
    (204, {}),
    (304, {}),
    (404, {"Content-Type": "application/problem+json"}),
    (503, {"Retry-After": "30"}),
    (200, {"X-RateLimit-Retry-After": "7"}),
    (429, {}),
    (429, {"Retry-After": "12"}),
]


def theirs(limiter, response):
    """flask-limiter's own hook followed by ours that keeps Retry-After to a 429."""
    return retry_after_on_429(Limiter._Limiter__inject_headers(limiter, response))


def compare(app, path="/api/v1/sides", method="GET", headers=None, data=None):
    """Headers of every kind of response, written both ways after one real check."""
    limiter = app.extensions[EXTENSION]
    with app.test_request_context(path, method=method, headers=headers or {}, data=data):
        assert app.preprocess_request() is None
        limit = limiter.context.view_rate_limit
        for status, extra in RESPONSES:
            ours_response = limiter.write_headers(Response("{}", status, extra))
            if limit is not None:
                expected = limiter.limiter.get_window_stats(limit.limit, *limit.request_args)
                assert limit.window == expected  # what the extension reads itself
                limit._window = None  # make the extension read the window again
            their_response = theirs(limiter, Response("{}", status, extra))
            assert ours_response.headers.to_wsgi_list() == their_response.headers.to_wsgi_list()
        return limit


def test_headers_match_flask_limiters_on_every_kind_of_response(make_app):
    app = make_app({"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "4 per minute"})
    seen = set()
    for n in range(6):  # through the budget and past it
        limit = compare(app) if n < 4 else None
        if n >= 4:
            with app.test_request_context("/api/v1/sides"):
                try:
                    app.preprocess_request()
                except Exception as error:  # RateLimitExceeded: the breach is written too
                    seen.add(type(error).__name__)
                    limiter = app.extensions[EXTENSION]
                    for status, extra in RESPONSES:
                        ours = limiter.write_headers(Response("{}", status, extra))
                        limiter.context.view_rate_limit._window = None
                        expected = theirs(limiter, Response("{}", status, extra))
                        assert ours.headers.to_wsgi_list() == expected.headers.to_wsgi_list()
        else:
            assert limit is not None
            assert limit.window.remaining == 3 - n
    assert seen == {"RateLimitExceeded"}


def test_exempt_requests_and_other_settings_match_too(make_app):
    app = make_app({"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "100 per hour"})
    assert compare(app, "/healthz") is None  # exempt: no limit, no headers
    assert compare(app, "/api/v1/claims", "OPTIONS") is None
    assert compare(app, "/api/v1/claims", "POST", {"Content-Type": "application/json"}, "{}")
    quiet = make_app(
        {"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "9 per day", "RATELIMIT_HEADERS_ENABLED": False}
    )
    assert compare(quiet) is not None
    off = make_app({"RATE_LIMIT_ENABLED": False, "RATE_LIMIT": "9 per day"})
    assert compare(off) is None
    assert retry_after_on_429 in off.after_request_funcs[None]  # no hook to answer


def test_a_served_response_carries_the_headers_and_a_429_its_retry_after(make_app):
    app = make_app({"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "2 per minute"})
    client = app.test_client()
    first, second, third = (client.get("/api/v1/sides") for _ in range(3))
    assert [first.headers["X-RateLimit-Remaining"], second.headers["X-RateLimit-Remaining"]] == [
        "1",
        "0",
    ]
    assert first.headers["X-RateLimit-Limit"] == "2"
    assert "Retry-After" not in first.headers and "X-RateLimit-Retry-After" not in first.headers
    assert third.status_code == 429 and 0 < int(third.headers["Retry-After"]) <= 60
    assert "X-RateLimit-Retry-After" not in third.headers
    hooks = app.after_request_funcs[None]
    assert app.extensions[EXTENSION].write_headers in hooks
    assert retry_after_on_429 not in hooks


def test_an_unreadable_retry_after_goes_the_extensions_way(make_app):
    """flask-limiter fails reading a response's Retry-After it cannot parse (and swallows
    the error, with the headers it added so far): the same happens here."""
    written = []
    for write in ("ours", "theirs"):
        app = make_app({"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "9 per minute"})
        limiter = app.extensions[EXTENSION]
        with app.test_request_context("/api/v1/sides"):
            app.preprocess_request()
            response = Response("{}", 200, {"Retry-After": "soon"})
            if write == "ours":
                limiter.write_headers(response)
            else:
                theirs(limiter, response)
            written.append([(k, v) for k, v in response.headers if k != "X-RateLimit-Reset"])
    assert written[0] == written[1]
    assert ("X-RateLimit-Limit", "9") in written[0]
