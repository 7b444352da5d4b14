"""Accept and Content-Type per endpoint: 406 for what a view cannot produce, 415 for bodies."""

import pytest

API = "/api/v1"


@pytest.mark.parametrize("accept", ["text/csv", "image/png", "application/json;q=0", "text/*"])
def test_a_json_only_endpoint_answers_406_for_other_types(client, problem, accept):
    body = problem(client.get(f"{API}/sides", headers={"Accept": accept}), 406)
    assert "application/json" in body["detail"]


@pytest.mark.parametrize(
    "accept",
    [None, "*/*", "application/json", "application/*", "application/problem+json", "*/*;q=0.1"],
)
def test_json_is_answered_to_what_accepts_it(client, accept):
    headers = {"Accept": accept} if accept else {}
    response = client.get(f"{API}/sides", headers=headers)
    assert response.status_code == 200
    assert response.mimetype == "application/json"


def test_a_406_changes_nothing(client, db, problem):
    response = client.post(f"{API}/sides", json={"name": "Blue"}, headers={"Accept": "text/csv"})
    problem(response, 406)
    assert db.sides.count_documents({}) == 0


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/api/v1/openapi.json"])
def test_probes_and_documents_are_not_negotiated(client, path):
    assert client.get(path, headers={"Accept": "text/plain"}).status_code == 200


def test_a_delete_has_no_body_to_negotiate(client, make_side):
    side = make_side()
    response = client.delete(f"{API}/sides/{side['id']}", headers={"Accept": "text/csv"})
    assert response.status_code == 204


@pytest.mark.parametrize(
    ("content_type", "data"),
    [("text/html", "<html><body><p>x</p></body></html>"), ("application/ninjs+json", "{}")],
)
def test_formats_a_view_does_not_take_are_415(client, db, problem, content_type, data):
    response = client.post(f"{API}/sides", data=data, content_type=content_type)
    body = problem(response, 415)
    assert "application/json" in body["detail"]
    assert db.sides.count_documents({}) == 0


def test_a_merge_patch_json_body_is_still_json(client, make_side):
    side = make_side()
    response = client.patch(
        f"{API}/sides/{side['id']}",
        data='{"description": "d"}',
        content_type="application/merge-patch+json",
    )
    assert response.status_code == 200
