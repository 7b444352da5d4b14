"""The OpenAPI document is fit for code generation: names, errors, headers, enums, nulls."""

import json

import pytest

from service.app import create_app
from service.http.openapi import finish, operation_id, operations
from tests.conftest import BASE_CONFIG

EXPECTED_IDS = {
    ("get", "/api/v1/claims"): "listClaims",
    ("post", "/api/v1/claims"): "createClaim",
    ("get", "/api/v1/claims/{claim_id}"): "getClaim",
    ("patch", "/api/v1/claims/{claim_id}"): "updateClaim",
    ("delete", "/api/v1/claims/{claim_id}"): "deleteClaim",
    ("get", "/api/v1/articles"): "listArticles",
    ("post", "/api/v1/articles"): "createArticle",
    ("get", "/api/v1/articles/{article_id}/claims"): "listArticleClaims",
    ("get", "/api/v1/articles/{article_id}/balance"): "getArticleBalance",
    ("post", "/api/v1/articles/{article_id}/extract"): "extractArticle",
    ("post", "/api/v1/extract"): "previewExtraction",
    ("get", "/api/v1/sides/{side_id}/claims"): "listSideClaims",
    ("post", "/api/v1/sides"): "createSide",
}


@pytest.fixture(scope="module")
def document(mongo_client):
    """The live document, as a client downloads it."""
    app = create_app(
        {**BASE_CONFIG, "MONGO_DB": "claimdesk_openapi_doc"}, mongo_client=mongo_client
    )
    response = app.test_client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    yield response.get_json()
    mongo_client.drop_database("claimdesk_openapi_doc")


def walk(node, path=""):
    """(json path, dict) for every object in a JSON tree."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def test_every_operation_has_a_unique_operation_id(document):
    ids = [op.get("operationId") for _, _, op in operations(document)]
    assert None not in ids
    assert len(ids) == len(set(ids)), sorted(ids)


@pytest.mark.parametrize(("key", "name"), list(EXPECTED_IDS.items()))
def test_operation_ids_read_like_what_they_do(document, key, name):
    method, path = key
    assert document["paths"][path][method]["operationId"] == name


@pytest.mark.parametrize(
    ("method", "path", "name"),
    [
        ("get", "/api/v1/webhooks/{webhook_id}/deliveries", "listWebhookDeliveries"),
        ("get", "/api/v1/speakers/{speaker_id}", "getSpeaker"),
        ("get", "/api/v1/changes", "listChanges"),
        ("put", "/api/v1/things/{thing_id}", "replaceThing"),
        ("post", "/api/v1/articles/bulk", "bulkCreateArticles"),
    ],
)
def test_the_naming_rule_covers_new_endpoints(method, path, name):
    assert operation_id(method, path) == name


def test_every_enum_is_one_named_schema(document):
    schemas = document["components"]["schemas"]
    named = {n: s for n, s in schemas.items() if "enum" in s}
    assert {"ClaimKind", "SpeakerType", "ReviewStatus", "ClaimOrigin"} <= set(named)
    inline = [
        p
        for p, node in walk(document)
        if "enum" in node and not p.startswith(tuple(f"/components/schemas/{n}" for n in named))
    ]
    assert inline == []
    value_sets = [frozenset(s["enum"]) for s in named.values()]
    assert len(value_sets) == len(set(value_sets)), "two schemas for one enum"


def test_nullable_objects_have_no_any_of_wrapper(document):
    assert [p for p, node in walk(document) if "anyOf" in node] == []
    span = document["components"]["schemas"]["Claim"]["properties"]["span"]
    assert span == {"allOf": [{"$ref": "#/components/schemas/Span"}], "nullable": True}


def test_every_error_status_is_a_problem_response(document):
    shared = document["components"]["responses"]
    for path, method, operation in operations(document):
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")) or status == "default":
                ref = response.get("$ref", "")
                content = (shared[ref.rsplit("/", 1)[-1]] if ref else response)["content"]
                schema = content["application/problem+json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Problem"}, (path, method)


@pytest.mark.parametrize(
    ("method", "path", "statuses"),
    [
        ("get", "/api/v1/claims", {"401", "403", "406", "422", "429", "503"}),
        ("post", "/api/v1/articles", {"400", "401", "403", "409", "413", "415", "422", "429"}),
        ("patch", "/api/v1/claims/{claim_id}", {"404", "409", "412", "415", "422"}),
        ("delete", "/api/v1/sides/{side_id}", {"404", "409", "412"}),
        ("get", "/readyz", {"503"}),
    ],
)
def test_the_statuses_an_operation_answers_are_documented(document, method, path, statuses):
    assert statuses <= set(document["paths"][path][method]["responses"])


def test_headers_are_documented(document):
    paths = document["paths"]
    listed = paths["/api/v1/claims"]["get"]["responses"]["200"]["headers"]
    assert {"Link", "X-Total-Count", "X-RateLimit-Remaining"} <= set(listed)
    created = paths["/api/v1/articles"]["post"]["responses"]["201"]["headers"]
    assert {"Location", "ETag"} <= set(created)
    responses = document["components"]["responses"]
    assert "Retry-After" in responses["SERVICE_UNAVAILABLE"]["headers"]
    assert {"Retry-After", "X-RateLimit-Reset"} <= set(responses["TOO_MANY_REQUESTS"]["headers"])
    headers = document["components"]["headers"]
    for ref in (h["$ref"] for h in listed.values() if "$ref" in h):
        assert ref.rsplit("/", 1)[-1] in headers


def test_a_servers_entry(document):
    assert document["servers"] and document["servers"][0]["url"]


def test_finishing_works_on_a_copy_and_twice_gives_the_same():
    raw = {
        "openapi": "3.0.3",
        "paths": {"/api/v1/sides": {"get": {"responses": {"200": {"description": "OK"}}}}},
        "components": {
            "schemas": {
                "Side": {
                    "type": "object",
                    "properties": {"origin": {"type": "string", "enum": ["manual", "auto"]}},
                }
            }
        },
    }
    before = json.dumps(raw, sort_keys=True)
    once = finish(raw)
    assert json.dumps(raw, sort_keys=True) == before
    assert finish(once) == once
    assert once["components"]["schemas"]["SideOrigin"]["enum"] == ["auto", "manual"]


def test_the_create_article_examples_are_accepted(document, make_app):
    client = make_app().test_client()
    content = document["paths"]["/api/v1/articles"]["post"]["requestBody"]["content"]
    assert {"application/json", "application/ninjs+json", "text/html"} <= set(content)
    for media_type, described in content.items():
        for example in described["examples"].values():
            body = example["value"]
            data = body if isinstance(body, str) else json.dumps(body)
            response = client.post(
                "/api/v1/articles?extract=false", data=data, content_type=media_type
            )
            assert response.status_code in {201, 409}, (media_type, response.get_json())
            if response.status_code == 409:  # the same story in another format
                assert response.get_json()["existing_id"]


def test_main_operations_have_examples(document):
    paths = document["paths"]
    for path, method in [
        ("/api/v1/claims", "post"),
        ("/api/v1/claims/{claim_id}", "patch"),
        ("/api/v1/sides", "post"),
        ("/api/v1/extract", "post"),
    ]:
        content = paths[path][method]["requestBody"]["content"]["application/json"]
        assert content["examples"], (method, path)
