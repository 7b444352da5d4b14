"""`claimdesk seed` loads the bundled seeds through the API's code paths, idempotently."""

import json


def test_seed_twice_creates_nothing_new(runner, client):
    first = runner.invoke(args=["seed"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout.strip().splitlines()[-1]) == {
        "created": {"sides": 2, "articles": 1, "claims": 0}
    }
    second = runner.invoke(args=["seed"])
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout.strip().splitlines()[-1]) == {
        "created": {"sides": 0, "articles": 0, "claims": 0}
    }
    sides = client.get("/api/v1/sides").json
    assert [s["name"] for s in sides["items"]] == ["Russia", "United States"]
    articles = client.get("/api/v1/articles").json["items"]
    assert len(articles) == 1
    assert articles[0]["published_at"] == "2021-05-26T00:00:00.000Z"
    assert articles[0]["language"] == "en"
    assert "Jen Psaki" in articles[0]["body"]


def test_embedded_default_loads_the_seeds_at_start(make_app):
    app = make_app({"LOAD_SEEDS": True})
    listed = app.test_client().get("/api/v1/sides?alias=kremlin").json
    assert [side["name"] for side in listed["items"]] == ["Russia"]
