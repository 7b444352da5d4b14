"""API keys: unknown, revoked and malformed credentials; key management; who wrote what."""

import pytest

GENERIC = "A valid API key is required: send Authorization: Bearer <key>"


def test_missing_and_unknown_keys_look_the_same(as_role, secure_app):
    client = secure_app.test_client()
    missing = client.get("/api/v1/sides")
    unknown = client.get("/api/v1/sides", headers={"Authorization": "Bearer cdk_nope"})
    for response in (missing, unknown):
        assert response.status_code == 401
        assert response.json["detail"] == GENERIC
        assert response.content_type == "application/problem+json"
    assert missing.headers["WWW-Authenticate"] == 'Bearer realm="claimdesk"'
    assert "invalid_token" in unknown.headers["WWW-Authenticate"]


@pytest.mark.parametrize(
    "header",
    ["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b", "Token abc", "Bearer " + "x" * 300],
)
def test_malformed_authorization_is_401(secure_app, header):
    response = secure_app.test_client().get("/api/v1/sides", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="claimdesk"')
    assert response.json["detail"] == GENERIC


def test_scheme_is_case_insensitive(secure_app, keys):
    headers = {"Authorization": f"bearer {keys['reader']}"}
    assert secure_app.test_client().get("/api/v1/sides", headers=headers).status_code == 200


def test_a_revoked_key_stops_working_on_the_next_request(as_role):
    admin = as_role("admin")
    created = admin.post("/api/v1/keys", json={"name": "cms", "role": "editor"})
    assert created.status_code == 201
    key = created.json["key"]
    assert key.startswith("cdk_")
    headers = {"Authorization": f"Bearer {key}"}
    assert (
        as_role(None).post("/api/v1/sides", json={"name": "A"}, headers=headers).status_code == 201
    )
    assert admin.delete(f"/api/v1/keys/{created.json['id']}").status_code == 204
    after = as_role(None).get("/api/v1/sides", headers=headers)
    assert after.status_code == 401
    listed = admin.get("/api/v1/keys?include_revoked=true").json["items"]
    assert any(k["name"] == "cms" and k["revoked_at"] for k in listed)
    assert all("key" not in k and "key_hash" not in k for k in listed)


def test_only_a_hash_of_the_key_is_stored(as_role, secure_app, db_of):
    created = as_role("admin").post("/api/v1/keys", json={"name": "dash", "role": "reader"}).json
    stored = db_of(secure_app).api_keys.find_one({"name": "dash"})
    assert created["key"] not in str(stored)
    assert len(stored["key_hash"]) == 64


def test_writes_record_the_key_name(as_role):
    editor = as_role("editor")
    side = editor.post("/api/v1/sides", json={"name": "Pilots"}).json
    assert side["created_by"] == side["updated_by"] == "editor-key"
    article = editor.post("/api/v1/articles?extract=false", json={"title": "T", "body": "B"}).json
    claim = editor.post(
        "/api/v1/claims", json={"article_id": article["id"], "text": "B", "kind": "position"}
    ).json
    reviewed = (
        as_role("admin")
        .patch(f"/api/v1/claims/{claim['id']}", json={"review": {"status": "confirmed"}})
        .json
    )
    assert reviewed["review"]["reviewed_by"] == "admin-key"
    assert reviewed["updated_by"] == "admin-key"
    spoofed = editor.patch(
        f"/api/v1/claims/{claim['id']}", json={"review": {"reviewed_by": "someone else"}}
    )
    assert spoofed.status_code == 422


def test_key_commands_create_list_and_revoke(secure_app):
    runner = secure_app.test_cli_runner()
    created = runner.invoke(args=["keys", "create", "--role", "editor", "--name", "cms"])
    assert created.exit_code == 0, created.output
    key = created.stdout.strip().splitlines()[0]
    client = secure_app.test_client()
    headers = {"Authorization": f"Bearer {key}"}
    assert client.get("/api/v1/sides", headers=headers).status_code == 200
    listed = runner.invoke(args=["keys", "list"])
    assert '"name": "cms"' in listed.output and key not in listed.output
    revoked = runner.invoke(args=["keys", "revoke", "cms"])
    assert revoked.exit_code == 0, revoked.output
    assert client.get("/api/v1/sides", headers=headers).status_code == 401
    missing = runner.invoke(args=["keys", "revoke", "nobody"])
    assert missing.exit_code != 0 and "No live API key" in missing.output


def test_bootstrap_admin_key(make_app):
    app = make_app({"AUTH": "required", "BOOTSTRAP_ADMIN_KEY": "cdk_bootstrap_secret_for_tests"})
    headers = {"Authorization": "Bearer cdk_bootstrap_secret_for_tests"}
    assert app.test_client().get("/api/v1/keys", headers=headers).status_code == 200
