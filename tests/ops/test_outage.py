"""A database outage gives 503 + Retry-After everywhere, and service returns without restart."""

import mongomock
import pytest

from tests.doubles import FlakyClient, NoClaimsExtractor, Outage

ID = "0123456789abcdef01234567"


@pytest.fixture
def outage():
    """The switch that takes the database down."""
    return Outage()


@pytest.fixture
def flaky_app(make_app, mongo_client, outage):
    """An app whose database can be taken down."""
    flaky = FlakyClient(mongo_client, outage, isinstance(mongo_client, mongomock.MongoClient))
    return make_app(client=flaky, extractor=NoClaimsExtractor())


NDJSON = "application/x-ndjson"


def every_api_request(app):
    """One request for every method of every /api/v1 route (ids filled in)."""
    bodies = {
        "POST": {
            "name": "x",
            "title": "t",
            "body": "b",
            "text": "t",
            "article_id": ID,
            "kind": "direct",
            "role": "reader",
        },
        "PATCH": {"description": "d"},
    }
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1") or "openapi" in rule.rule or "docs" in rule.rule:
            continue
        if rule.rule == "/api/v1":  # the root lists routes: it needs no database
            continue
        path = rule.rule
        for arg in rule.arguments:
            path = path.replace(f"<objectid:{arg}>", ID)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, path, bodies.get(method)


def test_every_endpoint_is_503_with_retry_after_during_an_outage(flaky_app, outage):
    client = flaky_app.test_client()
    outage.down = True
    seen = refused = 0
    for method, path, body in every_api_request(flaky_app):
        if path.endswith("/bulk"):
            line = b'{"title": "t", "body": "b"}\n'
            response = client.open(path, method=method, data=line, content_type=NDJSON)
        else:
            response = client.open(path, method=method, json=body)
        if response.status_code == 422:
            continue  # rejected before any database call: correct, and nothing to reach
        if response.status_code == 403 and path.startswith("/api/v1/keys"):
            refused += 1  # key management is refused with AUTH=off, before any database call
            continue
        assert response.status_code == 503, (method, path, response.json)
        assert response.headers["Retry-After"] == "5"
        assert response.content_type == "application/problem+json"
        assert "Traceback" not in response.get_data(as_text=True)
        seen += 1
    assert refused == 4  # GET/POST /keys, GET/DELETE /keys/{id}
    assert seen >= 11


def test_readyz_follows_the_database_without_restart(flaky_app, outage):
    client = flaky_app.test_client()
    assert client.get("/readyz").status_code == 200
    outage.down = True
    down = client.get("/readyz")
    assert down.status_code == 503
    assert down.headers["Retry-After"] == "5"
    assert client.get("/healthz").status_code == 200
    outage.down = False
    assert client.get("/readyz").status_code == 200
    assert client.post("/api/v1/sides", json={"name": "Back"}).status_code == 201


def test_a_write_during_an_outage_stores_nothing(flaky_app, outage, mongo_client):
    client = flaky_app.test_client()
    outage.down = True
    assert client.post("/api/v1/sides", json={"name": "Lost"}).status_code == 503
    outage.down = False
    assert client.get("/api/v1/sides").json["total"] == 0


def test_app_starts_while_the_database_is_down_and_makes_indexes_later(
    make_app, mongo_client, outage
):
    outage.down = True
    flaky = FlakyClient(mongo_client, outage, isinstance(mongo_client, mongomock.MongoClient))
    app = make_app(client=flaky)
    client = app.test_client()
    assert client.get("/readyz").status_code == 503
    outage.down = False
    assert client.get("/readyz").status_code == 200
    created = client.post("/api/v1/sides", json={"name": "Late"})
    assert created.status_code == 201
    again = client.post("/api/v1/sides", json={"name": "late"})
    assert again.status_code == 409
