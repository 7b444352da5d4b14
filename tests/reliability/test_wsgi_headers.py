"""The response class hands the server the headers werkzeug's own would, on any response."""

import random

import pytest
from flask import Response
from werkzeug.test import EnvironBuilder

from service.http.responses import ClaimdeskResponse

STATUSES = [100, 101, 200, 201, 202, 204, 206, 301, 302, 304, 400, 404, 412, 429, 500]
LOCATIONS = [
    "/api/v1/claims/5f0c0ffee0c0ffee0c0ffee0",
    "/api/v1/articles/abc_DEF-1.2~x",
    "/",
    "",
    "relative/path",
    "/with space",
    "/caf\u00e9",
    "/q?a=1&b=2",
    "/frag#x",
    "/per%20cent",
    "http://example.org/a",
    "https://b\u00fccher.example/\u00e9?x=\u00fc",
    "//host.example/x",
    "/semi;colon",
    "/a/../b",
]
OTHER_HEADERS = [
    ("Content-Type", "application/json"),
    ("ETag", '"abc"'),
    ("X-Request-Id", "0123"),
    ("Vary", "Accept"),
    ("Content-Language", "en"),
    ("Allow", "GET, HEAD"),
]


def random_response(rng: random.Random) -> Response:
    """A response of a random status, body kind and header mix."""
    body = rng.choice([b'{"a":1}', "\u00e9t\u00e9", b"", [b"a", b"bc"], iter([b"x", b"yz"])])
    response = ClaimdeskResponse(body, status=rng.choice(STATUSES))
    response.autocorrect_location_header = rng.random() < 0.15
    response.automatically_set_content_length = rng.random() < 0.9
    headers = rng.sample(OTHER_HEADERS, rng.randint(0, len(OTHER_HEADERS)))
    for _ in range(rng.choice([0, 1, 1, 1, 2])):
        key = rng.choice(["Location", "location", "LOCATION"])
        headers.insert(rng.randint(0, len(headers)), (key, rng.choice(LOCATIONS)))
    if rng.random() < 0.15:
        headers.append(("Content-Location", rng.choice(LOCATIONS)))
    if rng.random() < 0.2:
        headers.append((rng.choice(["Content-Length", "content-length"]), "3"))
    response.headers.extend(headers)
    return response


def test_headers_are_werkzeugs_own_on_random_responses():
    rng = random.Random(13)
    environ = EnvironBuilder("/api/v1/claims", base_url="http://svc.example:8080/").get_environ()
    fast_paths = 0
    for _ in range(3000):
        response = random_response(rng)
        expected = Response.get_wsgi_headers(response, environ)
        got = response.get_wsgi_headers(environ)
        assert got.to_wsgi_list() == expected.to_wsgi_list()
        assert got is not response.headers
        got.add("X-Added", "1")  # a copy: the response's own headers are left as they were
        assert "X-Added" not in response.headers
        fast_paths += 200 <= response.status_code < 300 and response.status_code != 204
    assert fast_paths > 500  # the one-pass path was compared, not only werkzeug's


@pytest.mark.parametrize("location", LOCATIONS)
def test_a_201s_location_is_what_werkzeug_sends(location):
    environ = EnvironBuilder("/").get_environ()
    response = ClaimdeskResponse(b"{}", status=201, headers={"Location": location})
    expected = Response.get_wsgi_headers(response, environ).to_wsgi_list()
    assert response.get_wsgi_headers(environ).to_wsgi_list() == expected


def test_the_app_answers_with_it(app, client):
    assert app.response_class is ClaimdeskResponse
    with app.test_request_context():
        assert isinstance(app.make_response(({"a": 1}, 201)), ClaimdeskResponse)
    response = client.get("/api/v1/articles?per_page=1")
    assert response.status_code == 200
    assert response.headers["Content-Length"] == str(len(response.get_data()))
