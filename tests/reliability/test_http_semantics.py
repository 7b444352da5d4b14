"""HEAD and OPTIONS with query strings, malformed If-Match, and writes that cannot settle."""

import pytest

from service.errors import Conflict, VersionMismatch
from service.http import conditional

API = "/api/v1"
PROBLEM_JSON = "application/problem+json"
ORIGIN = "https://cms.example"


@pytest.fixture
def cors_client(make_app):
    """A client of an app that allows one CORS origin."""
    return make_app({"CORS_ORIGINS": [ORIGIN]}).test_client()


@pytest.fixture
def article(cors_client):
    """An article made through the API."""
    response = cors_client.post(f"{API}/articles?extract=false", json={"title": "T", "body": "B."})
    assert response.status_code == 201
    return response.get_json()


@pytest.mark.parametrize(
    "path",
    [
        "/articles?page=2&per_page=5",
        "/articles?sort=-published_at&tag=x",
        "/claims?kind=direct&review_status=confirmed",
        "/sides?page=1",
    ],
)
def test_head_takes_the_query_of_get(cors_client, article, path):
    get = cors_client.get(f"{API}{path}")
    head = cors_client.head(f"{API}{path}")
    assert get.status_code == 200
    assert head.status_code == 200
    assert head.data == b""
    assert head.headers["X-Total-Count"] == get.headers["X-Total-Count"]


def test_head_of_one_resource_sends_its_etag(cors_client, article):
    head = cors_client.head(f"{API}/articles/{article['id']}")
    assert head.status_code == 200
    assert (
        head.headers["ETag"] == cors_client.get(f"{API}/articles/{article['id']}").headers["ETag"]
    )


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/articles?extract=false", "POST"),
        ("/articles/{id}/extract?force=true", "POST"),
        ("/articles?side=x&page=abc", "GET"),
        ("/claims/000000000000000000000000?anything=1", "PATCH"),
        ("/sides?per_page=5", "GET"),
    ],
)
def test_a_cors_preflight_never_validates_the_query(cors_client, article, path, method):
    response = cors_client.options(
        API + path.format(id=article["id"]),
        headers={"Origin": ORIGIN, "Access-Control-Request-Method": method},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN


@pytest.mark.parametrize("header", ["", ",", " ", '"abc', 'W/"abc', "abc", '"a" "b"', '"a",,'])
def test_a_malformed_if_match_is_412_and_changes_nothing(client, header):
    side = client.post(f"{API}/sides", json={"name": "Union"}).get_json()
    path = f"{API}/sides/{side['id']}"
    response = client.patch(path, json={"name": "Other"}, headers={"If-Match": header})
    assert response.status_code == 412, response.get_data(as_text=True)
    assert response.mimetype == PROBLEM_JSON
    assert client.get(path).get_json()["name"] == "Union"
    deleting = client.delete(path, headers={"If-Match": header})
    assert deleting.status_code == 412
    assert client.get(path).status_code == 200


def test_a_stale_etag_missing_its_closing_quote_is_412(client):
    side = client.post(f"{API}/sides", json={"name": "Union"}).get_json()
    path = f"{API}/sides/{side['id']}"
    etag = client.get(path).headers["ETag"]
    assert client.patch(path, json={"name": "Guild"}).status_code == 200
    response = client.patch(path, json={"name": "Other"}, headers={"If-Match": etag[:-1]})
    assert response.status_code == 412
    assert client.get(path).get_json()["name"] == "Guild"


@pytest.mark.parametrize("header", ["*", ' "x" , {etag} ', "{etag}"])
def test_a_well_formed_matching_if_match_still_writes(client, header):
    side = client.post(f"{API}/sides", json={"name": "Union"}).get_json()
    path = f"{API}/sides/{side['id']}"
    etag = client.get(path).headers["ETag"]
    response = client.patch(
        path, json={"name": "Guild"}, headers={"If-Match": header.format(etag=etag)}
    )
    assert response.status_code == 200


class PreconditionsMet:
    """A blueprint stand-in whose If-Match check passes (the race is what is tested)."""

    def check_if_match(self, item, schema):
        """Nothing to check."""


class Always:
    """A write that loses every compare-and-set, counting its attempts."""

    def __init__(self):
        self.calls = 0

    def __call__(self, current):
        self.calls += 1
        raise VersionMismatch("changed")


def test_a_write_without_if_match_that_cannot_settle_is_409_not_412(app, monkeypatch):
    monkeypatch.setattr(conditional, "BACKOFF_SECONDS", 0)
    blp = PreconditionsMet()
    write = Always()
    with app.test_request_context("/api/v1/sides/x", method="PATCH"), pytest.raises(Conflict):
        conditional.write_at_version(blp, lambda: {"version": 1}, None, write)
    assert write.calls == conditional.ATTEMPTS
    context = app.test_request_context("/api/v1/sides/x", method="PATCH", headers={"If-Match": "*"})
    with context, pytest.raises(VersionMismatch):
        conditional.write_at_version(blp, lambda: {"version": 1}, None, Always())
