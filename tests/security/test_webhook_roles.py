"""Webhooks carry signing secrets and reach out to other systems: admins only."""

API = "/api/v1"
HOOK = {"url": "https://hooks.example.org/claimdesk", "events": ["*"]}


def test_webhooks_are_for_admins_only(make_app, keys_for):
    app = make_app({"AUTH": "required"})
    keys = keys_for(app)
    client = app.test_client()
    body = HOOK
    for role in ("reader", "editor"):
        auth = {"Authorization": f"Bearer {keys[role]}"}
        assert client.get(f"{API}/webhooks", headers=auth).status_code == 403
        assert client.post(f"{API}/webhooks", json=body, headers=auth).status_code == 403
    admin = {"Authorization": f"Bearer {keys['admin']}"}
    assert client.post(f"{API}/webhooks", json=body, headers=admin).status_code == 201
    assert client.get(f"{API}/webhooks", headers=admin).status_code == 200
