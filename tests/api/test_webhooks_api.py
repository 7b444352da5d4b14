"""The webhook endpoints: subscriptions with a secret shown once, URL rules, admin only."""

import pytest

API = "/api/v1"
HOOK = {"url": "https://hooks.example.org/claimdesk", "events": ["claim.created"]}


@pytest.fixture
def loopback_client(make_app):
    return make_app({"WEBHOOKS_ALLOW_LOOPBACK_HTTP": True}).test_client()


def test_a_webhook_shows_its_secret_once(client, fetch):
    body = {"url": HOOK["url"], "events": ["claim.created", "side.deleted"]}
    created = client.post(f"{API}/webhooks", json=body)
    assert created.status_code == 201
    hook = created.get_json()
    assert hook["secret"].startswith("whsec_")
    assert hook["active"] is True and hook["filter"] is None and hook["version"] == 1
    assert created.headers["Location"].endswith(f"/webhooks/{hook['id']}")
    shown = fetch(f"webhooks/{hook['id']}")
    assert "secret" not in shown
    listed = fetch("webhooks")
    assert [h["id"] for h in listed["items"]] == [hook["id"]]
    assert "secret" not in listed["items"][0]


def test_a_webhook_can_be_changed_and_deleted(client, fetch, problem):
    hook = client.post(f"{API}/webhooks", json={**HOOK, "events": ["*"]}).get_json()
    side = "0123456789abcdef01234567"
    changed = client.patch(
        f"{API}/webhooks/{hook['id']}", json={"active": False, "filter": {"side": side}}
    )
    assert changed.status_code == 200
    assert changed.get_json()["active"] is False
    assert changed.get_json()["filter"] == {"side": side}
    assert changed.get_json()["version"] == 2
    assert client.delete(f"{API}/webhooks/{hook['id']}").status_code == 204
    problem(client.get(f"{API}/webhooks/{hook['id']}"), 404)
    problem(client.get(f"{API}/webhooks/{hook['id']}/deliveries"), 404)


@pytest.mark.parametrize(
    "url",
    [
        "http://hooks.example.org/x",
        "http://127.0.0.1:9000/x",
        "ftp://hooks.example.org/x",
        "hooks.example.org/x",
        "https://user:pw@hooks.example.org/x",
        "https:///x",
    ],
)
def test_a_webhook_url_must_be_https(client, problem, url):
    body = problem(client.post(f"{API}/webhooks", json={**HOOK, "events": ["*"], "url": url}), 422)
    assert "url" in body["errors"]


def test_plain_http_to_loopback_only_when_the_setting_allows(loopback_client, problem):
    for url in ("http://127.0.0.1:9000/hook", "http://localhost/hook", "http://[::1]:80/h"):
        response = loopback_client.post(f"{API}/webhooks", json={"url": url, "events": ["*"]})
        assert response.status_code == 201, url
    far = loopback_client.post(f"{API}/webhooks", json={"url": "http://10.1.2.3/", "events": ["*"]})
    assert "loopback" in problem(far, 422)["errors"]["url"][0]


def test_bad_webhook_bodies_are_422(client, problem, db):
    for body in (
        {"url": HOOK["url"]},
        {"url": HOOK["url"], "events": []},
        {"url": HOOK["url"], "events": ["claim.exploded"]},
        {"url": HOOK["url"], "events": ["*"], "secret": "whsec_mine"},
        {"url": HOOK["url"], "events": ["*"], "filter": {"side": "nope"}},
        {"url": HOOK["url"], "events": ["*"], "extra": 1},
    ):
        problem(client.post(f"{API}/webhooks", json=body), 422)
    assert db.webhooks.count_documents({}) == 0
