"""Chunked bodies over the limit, links that ignore the Host header, metrics type, span types."""

import io

import pytest

API = "/api/v1"


def post_chunked(client, path: str, body: bytes):
    """POST a body the way a chunked request reaches the app (no Content-Length)."""
    return client.post(
        path,
        input_stream=io.BytesIO(body),
        headers={"Content-Type": "application/json", "Transfer-Encoding": "chunked"},
        environ_overrides={"wsgi.input_terminated": True},
    )


@pytest.mark.parametrize("extra", [1, 5000])
def test_a_chunked_body_over_the_limit_is_413(make_app, db_of, extra):
    app = make_app({"MAX_CONTENT_LENGTH": 1000})
    body = b'{"name": "' + b"x" * (1000 - 12 + extra) + b'"}'
    assert len(body) == 1000 + extra
    response = post_chunked(app.test_client(), f"{API}/sides", body)
    assert response.status_code == 413
    assert response.content_type == "application/problem+json"
    assert db_of(app).sides.count_documents({}) == 0


def test_a_chunked_body_at_the_limit_is_read_whole(make_app):
    app = make_app({"MAX_CONTENT_LENGTH": 40})
    body = b'{"name": "' + b"x" * 28 + b'"}'
    assert len(body) == 40
    response = post_chunked(app.test_client(), f"{API}/sides", body)
    assert response.status_code == 201
    assert response.json["name"] == "x" * 28


def test_links_never_come_from_the_host_header(client):
    for number in range(3):
        client.post(f"{API}/sides", json={"name": f"Side {number}"})
    response = client.get(f"{API}/sides?per_page=1", headers={"Host": "evil.example"})
    assert "evil.example" not in response.headers["Link"]
    assert f'<{API}/sides?per_page=1&page=2>; rel="next"' in response.headers["Link"]


def test_links_use_the_configured_public_base_url(make_app):
    client = make_app({"PUBLIC_BASE_URL": "https://news.example/claims"}).test_client()
    for number in range(2):
        client.post(f"{API}/sides", json={"name": f"Side {number}"})
    response = client.get(f"{API}/sides?per_page=1", headers={"Host": "evil.example"})
    assert (
        f'<https://news.example/claims{API}/sides?per_page=1&page=2>; rel="next"'
        in (response.headers["Link"])
    )
    assert "evil.example" not in response.headers["Link"]


def test_metrics_name_their_charset_once(client):
    content_type = client.get("/metrics").headers["Content-Type"]
    assert content_type.count("charset") == 1, content_type
    assert content_type.startswith("text/plain")


@pytest.mark.parametrize("span", [{"start": 0.5, "end": 3}, {"start": 0, "end": 2.5}])
def test_spans_take_whole_numbers_only(client, db, span):
    article = client.post(
        f"{API}/articles?extract=false", json={"title": "T", "body": "Words and more words."}
    ).json
    response = client.post(
        f"{API}/claims",
        json={"article_id": article["id"], "text": "Words", "kind": "direct", "span": span},
    )
    assert response.status_code == 422, response.json
    assert any(name.startswith("span") for name in response.json["errors"])
    assert db.claims.count_documents({}) == 0
