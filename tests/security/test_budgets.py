"""One request budget per key across every endpoint; a separate, size-costed extraction budget."""

from service.auth.repository import KeyRepository
from service.db import get_db
from tests.doubles import NoClaimsExtractor

API = "/api/v1"


def make_keyed_app(make_app, **settings):
    """An app with AUTH=required, limits on, and two reader/editor keys; (client, headers)."""
    app = make_app(
        {"AUTH": "required", "RATE_LIMIT_ENABLED": True, **settings},
        extractor=NoClaimsExtractor(),
    )
    with app.app_context():
        repo = KeyRepository(get_db())
        first, second = repo.create("one", "editor")[1], repo.create("two", "editor")[1]
    return app.test_client(), [{"Authorization": f"Bearer {k}"} for k in (first, second)]


def test_one_budget_per_key_across_all_endpoints(make_app):
    client, (one, two) = make_keyed_app(make_app, RATE_LIMIT="3 per minute")
    paths = [f"{API}/sides", f"{API}/claims", f"{API}/articles"]
    assert [client.get(path, headers=one).status_code for path in paths] == [200, 200, 200]
    limited = client.get(f"{API}/sides/0123456789abcdef01234567", headers=one)
    assert limited.status_code == 429
    assert client.post(f"{API}/sides", json={"name": "A"}, headers=one).status_code == 429
    assert limited.content_type == "application/problem+json"
    assert int(limited.headers["Retry-After"]) > 0
    assert client.get(f"{API}/claims", headers=two).status_code == 200
    assert client.get("/healthz").status_code == 200


def test_anonymous_callers_share_one_budget_per_address(make_app):
    app = make_app({"RATE_LIMIT_ENABLED": True, "RATE_LIMIT": "2 per minute"})
    client = app.test_client()
    statuses = [client.get(f"{API}/{path}").status_code for path in ("claims", "sides", "articles")]
    assert statuses == [200, 200, 429]


def test_extraction_has_its_own_budget_counted_by_text_size(make_app):
    client, (one, two) = make_keyed_app(
        make_app,
        RATE_LIMIT="1000 per minute",
        EXTRACTION_RATE_LIMIT="10 per minute",
        EXTRACTION_COST_CHARS=1000,
    )
    text = "Officials said the plan works. " * 100  # 3,100 chars: 4 units
    statuses = [
        client.post(f"{API}/extract", json={"text": text}, headers=one).status_code
        for _ in range(3)
    ]
    assert statuses == [200, 200, 429]
    refused = client.post(f"{API}/extract", json={"text": "Short."}, headers=one)
    assert refused.status_code == 200  # one unit still fits (8 + 1 <= 10)
    over = client.post(f"{API}/articles", json={"title": "T", "body": text}, headers=one)
    assert over.status_code == 429
    assert "Extraction budget" in over.json["detail"]
    assert int(over.headers["Retry-After"]) > 0
    # Reads, writes that extract nothing, and other keys are not held back by it.
    assert client.get(f"{API}/sides", headers=one).status_code == 200
    for number, off in enumerate(("false", "0", "no")):
        cheap = client.post(
            f"{API}/articles?extract={off}",
            json={"title": "T", "body": f"{text} {number}"},
            headers=one,
        )
        assert cheap.status_code == 201
    assert client.post(f"{API}/extract", json={"text": text}, headers=two).status_code == 200


def test_re_extracting_a_stored_article_costs_its_body(make_app):
    client, (one, _) = make_keyed_app(
        make_app, EXTRACTION_RATE_LIMIT="5 per minute", EXTRACTION_COST_CHARS=1000
    )
    body = "The union said no. " * 200  # 3,800 chars: 4 units
    article = client.post(
        f"{API}/articles?extract=false", json={"title": "T", "body": body}, headers=one
    ).json
    path = f"{API}/articles/{article['id']}/extract"
    assert client.post(path, headers=one).status_code == 200
    assert client.post(path, headers=one).status_code == 429
    renamed = client.patch(f"{API}/articles/{article['id']}", json={"title": "U"}, headers=one)
    assert renamed.status_code == 200  # no new body: nothing extracted, nothing charged
