"""GET /api/v1: the resources and the links to the OpenAPI document and docs."""

API = "/api/v1"


def test_the_root_lists_resources_and_links(client):
    response = client.get(API)
    assert response.status_code == 200
    body = response.get_json()
    assert body["name"] == "Claimdesk"
    assert body["version"] == "v1"
    for name in ("articles", "claims", "sides"):
        assert body["resources"][name] == {"href": f"{API}/{name}"}
    assert "openapi.json" not in body["resources"] and "docs" not in body["resources"]
    assert body["links"]["openapi"] == {"href": f"{API}/openapi.json"}
    assert body["links"]["docs"] == {"href": f"{API}/docs"}


def test_every_link_leads_somewhere(client):
    body = client.get(API).get_json()
    links = [*body["resources"].values(), *body["links"].values()]
    for link in links:
        # Routed and answering (keys may be refused without an admin key, never missing).
        assert client.get(link["href"]).status_code in {200, 401, 403}, link


def test_the_root_needs_no_key_but_what_is_under_it_does(make_app):
    client = make_app({"AUTH": "required"}).test_client()
    assert client.get(API).status_code == 200
    assert client.get(f"{API}/").status_code == 200
    assert client.get(f"{API}/claims").status_code == 401


def test_the_root_is_in_the_openapi_document(client):
    document = client.get(f"{API}/openapi.json").get_json()
    assert document["paths"][API]["get"]["operationId"] == "getRoot"
