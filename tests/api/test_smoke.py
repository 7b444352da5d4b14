"""A first walk through the API."""


def test_walkthrough(client):
    side = client.post("/api/v1/sides", json={"name": "United States", "aliases": ["US"]})
    assert side.status_code == 201, side.json
    article = client.post(
        "/api/v1/articles",
        json={"title": "T", "body": "The US said that it is fine.", "published_at": "2021-05-26"},
    )
    assert article.status_code == 201, article.json
    assert article.json["extraction"]["status"] == "skipped"
    claim = client.post(
        "/api/v1/claims",
        json={
            "article_id": article.json["id"],
            "text": "it is fine",
            "kind": "indirect",
            "side_id": side.json["id"],
            "speaker": {"name": "US", "type": "place"},
        },
    )
    assert claim.status_code == 201, claim.json
    assert claim.json["span"] == {"start": 17, "end": 27}
    assert claim.json["published_at"] == "2021-05-26T00:00:00.000Z"
    listed = client.get("/api/v1/claims?side=united-states")
    assert listed.status_code == 200, listed.json
    assert listed.json["total"] == 1
    got = client.get(f"/api/v1/claims/{claim.json['id']}")
    patched = client.patch(
        f"/api/v1/claims/{claim.json['id']}",
        json={"review": {"status": "confirmed"}},
        headers={"If-Match": got.headers["ETag"]},
    )
    assert patched.status_code == 200, patched.json
    assert patched.json["version"] == 2
    again = client.get(f"/api/v1/articles/{article.json['id']}")
    assert again.json["claim_count"] == 1
    assert again.json["side_ids"] == [side.json["id"]]
    bal = client.get(f"/api/v1/articles/{article.json['id']}/balance")
    assert bal.status_code == 200, bal.json
    assert client.delete(f"/api/v1/articles/{article.json['id']}").status_code == 204
    assert client.get(f"/api/v1/claims/{claim.json['id']}").status_code == 404
