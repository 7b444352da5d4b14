"""Key management needs auth; key names are unique."""

from service.auth.repository import KeyRepository
from service.db import get_db

API = "/api/v1"


def test_key_management_is_refused_when_auth_is_off(make_app, db_of):
    app = make_app({"AUTH": "off"})
    client = app.test_client()
    created = client.post(f"{API}/keys", json={"name": "root", "role": "admin"})
    assert created.status_code == 403
    assert created.content_type == "application/problem+json"
    assert "AUTH=required" in created.json["detail"]
    assert client.get(f"{API}/keys").status_code == 403
    assert client.delete(f"{API}/keys/0123456789abcdef01234567").status_code == 403
    assert db_of(app).api_keys.count_documents({}) == 0
    assert client.get(f"{API}/sides").status_code == 200


def test_key_names_are_unique(as_role, secure_app, db_of):
    admin = as_role("admin")
    first = admin.post(f"{API}/keys", json={"name": "cms", "role": "editor"})
    assert first.status_code == 201
    again = admin.post(f"{API}/keys", json={"name": "cms", "role": "reader"})
    assert again.status_code == 409
    assert again.content_type == "application/problem+json"
    assert again.json["existing_id"] == first.json["id"]
    assert db_of(secure_app).api_keys.count_documents({"name": "cms"}) == 1


def test_a_new_bootstrap_key_replaces_the_old_one_under_its_name(make_app):
    app = make_app({"AUTH": "required", "BOOTSTRAP_ADMIN_KEY": "cdk_first_bootstrap_key_1"})
    with app.app_context():  # what a restart with a new BOOTSTRAP_ADMIN_KEY does
        KeyRepository(get_db()).ensure("bootstrap-admin", "admin", "cdk_second_bootstrap_key_2")
    client = app.test_client()
    new = client.get(f"{API}/keys", headers={"Authorization": "Bearer cdk_second_bootstrap_key_2"})
    assert new.status_code == 200
    assert [k["name"] for k in new.json["items"]] == ["bootstrap-admin"]
    old = client.get(f"{API}/keys", headers={"Authorization": "Bearer cdk_first_bootstrap_key_1"})
    assert old.status_code == 401
