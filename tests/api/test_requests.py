"""Request handling shared by every resource: bodies, media types, parameters, lists, errors."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from bson import ObjectId
from pymongo.errors import ServerSelectionTimeoutError

from service.app import create_app
from service.db import EXTENSION

API = "/api/v1"
WRITES = [
    ("post", "/sides"),
    ("post", "/articles"),
    ("post", "/claims"),
    ("post", "/extract"),
]


# ----- bodies and media types -----


def test_malformed_json_is_400(client, problem):
    for method, path in WRITES:
        for payload in ('{"name": ', "{'name': 'x'}", "", "\xff"):
            response = getattr(client, method)(
                f"{API}{path}", data=payload, content_type="application/json"
            )
            problem(response, 400)


def test_json_that_is_not_an_object_is_400(client, db, problem):
    for method, path in WRITES:
        for payload in ("[]", '["name"]', '"text"', "42", "null", "true"):
            response = getattr(client, method)(
                f"{API}{path}", data=payload, content_type="application/json"
            )
            problem(response, 400)
    assert db.sides.count_documents({}) == 0


def test_write_that_is_not_json_is_415(client, db, problem):
    types = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", None]
    for method, path in WRITES:
        for content_type in types:
            kwargs = {"data": '{"name": "x", "title": "t", "body": "b", "text": "x"}'}
            if content_type:
                kwargs["content_type"] = content_type
            problem(getattr(client, method)(f"{API}{path}", **kwargs), 415)
    assert db.sides.count_documents({}) == db.articles.count_documents({}) == 0


def test_patch_that_is_not_json_is_415(client, make_side, make_article, make_claim, problem):
    article = make_article()
    for path in (
        f"sides/{make_side()['id']}",
        f"articles/{article['id']}",
        f"claims/{make_claim(article)['id']}",
    ):
        problem(client.patch(f"{API}/{path}", data="name=x", content_type="text/plain"), 415)
        problem(client.patch(f"{API}/{path}", data="[1]", content_type="application/json"), 400)


def test_json_with_charset_and_merge_patch_type_accepted(client, make_side):
    created = client.post(
        f"{API}/sides", data='{"name": "Ünïcode"}', content_type="application/json; charset=utf-8"
    )
    assert created.status_code == 201
    assert created.get_json()["name"] == "Ünïcode"
    patched = client.patch(
        f"{API}/sides/{created.get_json()['id']}",
        data='{"color": "#ffffff"}',
        content_type="application/merge-patch+json",
    )
    assert patched.status_code == 200
    assert patched.get_json()["color"] == "#ffffff"


def test_oversized_body_is_413(make_app, problem):
    app = make_app({"MAX_CONTENT_LENGTH": 256})
    client = app.test_client()
    body = {"title": "t", "body": "x" * 300}
    result = problem(client.post(f"{API}/articles", json=body), 413)
    assert "256" in result["detail"]
    assert client.post(f"{API}/articles", json={"title": "t", "body": "x" * 50}).status_code == 201
    assert app.extensions[EXTENSION].database.articles.count_documents({}) == 1


def test_extract_article_needs_no_body(client, make_article):
    article = make_article()
    assert client.post(f"{API}/articles/{article['id']}/extract").status_code == 200
    assert (
        client.post(f"{API}/articles/{article['id']}/extract", data="x", content_type="text/plain")
    ).status_code == 200


# ----- routing errors -----


def test_method_not_allowed_is_problem(client, make_side, problem):
    side = make_side()
    for method, path in [
        ("put", f"/sides/{side['id']}"),
        ("delete", "/sides"),
        ("put", "/articles"),
        ("get", "/extract"),
        ("patch", "/claims"),
    ]:
        response = getattr(client, method)(f"{API}{path}")
        problem(response, 405)
        assert response.headers["Allow"]


MALFORMED_PATHS = [
    "/sides/123",
    "/sides/zzzzzzzzzzzzzzzzzzzzzzzz",
    "/articles/" + "0" * 25,
    "/articles/%24ne",
    "/claims/null",
    "/articles/abc/claims",
    "/sides/abc/claims",
    "/articles/abc/balance",
    "/nothing-here",
]


def test_malformed_id_in_path_is_404_problem(client, problem):
    for path in MALFORMED_PATHS:
        problem(client.get(f"{API}{path}"), 404)
        problem(client.delete(f"{API}{path}"), 404)
        problem(client.patch(f"{API}{path}", json={}), 404)


# ----- query parameters -----


def test_unknown_query_parameter_is_422_naming_it(client, make_side, make_article, problem):
    lists = [
        "/sides",
        "/articles",
        "/claims",
        f"/sides/{make_side()['id']}/claims",
        f"/articles/{make_article()['id']}/claims",
    ]
    for path in lists:
        for param in ("foo", "Page", "$where", "side[$ne]", "filter", "limit", "article"):
            result = problem(client.get(f"{API}{path}", query_string={param: "x"}), 422)
            assert param in result["errors"], (path, param)
            assert param in result["detail"]


def test_single_valued_parameter_repeated_is_422(client, problem):
    for path in ("/sides", "/articles", "/claims"):
        for param in ("page", "per_page", "sort"):
            value = "created_at" if param == "sort" else "1"
            result = problem(client.get(f"{API}{path}?{param}={value}&{param}={value}"), 422)
            assert param in result["errors"], (path, param)


def test_single_valued_option_repeated_is_422(client, db, make_side, problem):
    body = {"title": "t", "body": "b"}
    result = problem(client.post(f"{API}/articles?extract=false&extract=true", json=body), 422)
    assert "extract" in result["errors"]
    side = make_side()
    result = problem(client.delete(f"{API}/sides/{side['id']}?force=true&force=false"), 422)
    assert "force" in result["errors"]
    assert db.articles.count_documents({}) == 0
    assert db.sides.count_documents({}) == 1


BAD_QUERIES = [
    ("/sides", "page=0", "page"),
    ("/sides", "page=-1", "page"),
    ("/sides", "page=one", "page"),
    ("/sides", "per_page=0", "per_page"),
    ("/sides", "per_page=101", "per_page"),
    ("/sides", "sort=slug", "sort"),
    ("/sides", "q=", "q"),
    ("/articles", "published_after=2021-13-01", "published_after"),
    ("/articles", "published_before=2021-06-16T10:00:00", "published_before"),
    ("/articles", "has_claims=sometimes", "has_claims"),
    ("/articles", "language=english", "language"),
    ("/articles", "sort=body", "sort"),
    ("/articles", "q=", "q"),
    ("/claims", "article_id=123", "article_id"),
    ("/claims", "article_id=zzzzzzzzzzzzzzzzzzzzzzzz", "article_id"),
    ("/claims", "kind=rumour", "kind"),
    ("/claims", "origin=auto", "origin"),
    ("/claims", "review_status=done", "review_status"),
    ("/claims", "min_confidence=2", "min_confidence"),
    ("/claims", "min_confidence=nan", "min_confidence"),
    ("/claims", "min_confidence=high", "min_confidence"),
    ("/claims", "published_after=soon", "published_after"),
    ("/claims", "min_confidence=0.1&min_confidence=0.2", "min_confidence"),
    ("/claims", "published_after=2021-01-01&published_after=2022-01-01", "published_after"),
    ("/articles", "has_claims=true&has_claims=false", "has_claims"),
    ("/sides", "q=a&q=b", "q"),
    ("/sides", "per_page=20&per_page=20", "per_page"),
]


def test_bad_query_value_is_422_naming_it(client, problem):
    for path, query, field in BAD_QUERIES:
        result = problem(client.get(f"{API}{path}?{query}"), 422)
        assert any(name.split(".")[0] == field for name in result["errors"]), (query, result)


# ----- injection-shaped values -----


@pytest.fixture
def stocked(make_side, make_article, make_claim):
    side = make_side(name="Red", aliases=["Crimson"])
    article = make_article(source="Daily", tags=["t"], url="https://example.com/a")
    make_claim(article, side_id=side["id"], speaker={"name": "Jane"})
    make_claim(article)
    return side


INJECTIONS = [
    "/sides?q=.*",
    "/sides?q=%5E",
    "/sides?alias=%7B%22%24ne%22%3A%20null%7D",
    "/sides?alias=%24ne",
    '/claims?speaker={"$gt":""}',
    '/claims?speaker={"$ne":null}',
    "/claims?speaker=$where",
    "/claims?speaker=this.text",
    '/claims?side={"$ne":null}',
    "/claims?side=$ne",
    '/claims?tag={"$exists":true}',
    '/articles?source={"$ne":"x"}',
    '/articles?side={"$ne":null}',
    '/articles?url={"$regex":".*"}',
    "/articles?tag=$exists",
]


def test_operator_shaped_values_are_literals(fetch, stocked):
    assert fetch("claims")["total"] == 2
    for path in INJECTIONS:
        assert fetch(f"{API}{path}")["total"] == 0, path


def test_operator_shaped_parameter_names_are_rejected(client, stocked, problem):
    for path in ("claims", "articles", "sides"):
        for query in ("side[$ne]=x", "speaker[$gt]=", "$where=1", "$or=x", "tag[]=x", "q[$ne]=1"):
            result = problem(client.get(f"{API}/{path}?{query}"), 422)
            assert query.split("=")[0] in result["errors"], (path, query)


BAD_BODIES = [
        ("/sides", {"name": {"$gt": ""}}),
        ("/sides", {"name": "x", "$set": {"claim_count": 9}}),
        ("/sides", {"name": "x", "aliases": [{"$ne": None}]}),
        ("/sides", {"$where": "1"}),
        ("/articles", {"title": "t", "body": {"$ne": None}}),
        ("/articles", {"title": "t", "body": "b", "tags": {"$in": ["a"]}}),
        ("/articles", {"title": "t", "body": "b", "published_at": {"$gt": "2020"}}),
        ("/claims", {"article_id": {"$ne": None}, "text": "x", "kind": "direct"}),
        ("/claims", {"article_id": "{aid}", "text": "x", "kind": {"$ne": "x"}}),
        ("/claims", {"article_id": "{aid}", "text": "x", "kind": "direct", "side_id": {"$ne": 1}}),
        ("/claims", {"article_id": "{aid}", "text": "x", "kind": "direct",
                     "speaker": {"name": {"$gt": ""}}}),
        ("/claims", {"article_id": "{aid}", "text": "x", "kind": "direct",
                     "speaker": {"$set": {"name": "x"}}}),
        ("/claims", {"article_id": "{aid}", "text": "x", "kind": "direct",
                     "span": {"start": {"$gt": 0}, "end": 3}}),
        ("/extract", {"text": {"$ne": ""}}),
]  # fmt: skip


def test_operator_shaped_bodies_are_rejected(client, db, make_article, problem):
    article = make_article()
    counts = {name: db[name].count_documents({}) for name in ("sides", "articles", "claims")}
    for path, template in BAD_BODIES:
        body = {k: (article["id"] if v == "{aid}" else v) for k, v in template.items()}
        problem(client.post(f"{API}{path}", json=body), 422)
    assert counts == {name: db[name].count_documents({}) for name in counts}


def test_operator_shaped_patch_changes_nothing(client, stocked, fetch, problem):
    before = fetch(f"sides/{stocked['id']}")
    for body in ({"$set": {"claim_count": 0}}, {"name": {"$set": "x"}}, {"$unset": {"name": 1}}):
        problem(client.patch(f"{API}/sides/{stocked['id']}", json=body), 422)
    assert fetch(f"sides/{stocked['id']}") == before


def test_dollar_strings_are_stored_as_text(client, make_article, make_claim, fetch):
    article = make_article(title="$where", source="$ne", tags=["$exists"])
    claim = make_claim(article, speaker={"name": "$gt"}, text="$set")
    assert fetch("articles?source=$ne")["total"] == 1
    assert fetch("articles?tag=$exists")["total"] == 1
    assert ids_of(fetch("claims?speaker=$GT")) == [claim["id"]]
    assert fetch(f"claims/{claim['id']}")["text"] == "$set"
    assert fetch(f"articles/{article['id']}")["title"] == "$where"


def ids_of(page):
    return [item["id"] for item in page["items"]]


# ----- lists: paging and links -----


def links(response) -> dict[str, dict]:
    """rel -> query parameters of the Link header."""
    found = {}
    for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', response.headers["Link"]):
        found[rel] = parse_qs(urlsplit(url).query)
    return found


def test_paging_envelope_and_links(client, make_side):
    for number in range(7):
        make_side(name=f"side {number}")
    first = client.get(f"{API}/sides?per_page=3&q=side")
    body = first.get_json()
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (1, 3, 7, 3)
    assert len(body["items"]) == 3
    assert first.headers["X-Total-Count"] == "7"
    rels = links(first)
    assert set(rels) == {"first", "next", "last"}
    assert rels["next"]["page"] == ["2"]
    assert rels["last"]["page"] == ["3"]
    assert rels["next"]["q"] == ["side"]
    assert rels["next"]["per_page"] == ["3"]

    middle = client.get(f"{API}/sides?per_page=3&page=2")
    assert set(links(middle)) == {"first", "prev", "next", "last"}
    assert links(middle)["prev"]["page"] == ["1"]

    last = client.get(f"{API}/sides?per_page=3&page=3")
    assert len(last.get_json()["items"]) == 1
    assert set(links(last)) == {"first", "prev", "last"}
    assert links(last)["first"]["page"] == ["1"]

    past = client.get(f"{API}/sides?per_page=3&page=9")
    assert past.status_code == 200
    assert past.get_json()["items"] == []
    assert past.get_json()["total"] == 7
    assert past.headers["X-Total-Count"] == "7"
    assert links(past)["prev"]["page"] == ["3"]
    assert "next" not in links(past)

    walked = [
        s["id"]
        for page in (1, 2, 3)
        for s in client.get(f"{API}/sides?per_page=3&page={page}").get_json()["items"]
    ]
    assert len(set(walked)) == 7


def test_per_page_100_and_default_20(client, db, make_side):
    for number in range(105):
        make_side(name=f"s{number:03d}")
    big = client.get(f"{API}/sides?per_page=100").get_json()
    assert (len(big["items"]), big["pages"], big["total"]) == (100, 2, 105)
    default = client.get(f"{API}/sides").get_json()
    assert (len(default["items"]), default["per_page"], default["pages"]) == (20, 20, 6)


def test_empty_list(client):
    response = client.get(f"{API}/claims")
    body = response.get_json()
    assert (body["items"], body["total"], body["pages"], body["page"]) == ([], 0, 0, 1)
    assert response.headers["X-Total-Count"] == "0"
    assert set(links(response)) == {"first", "last"}
    assert links(response)["last"]["page"] == ["1"]


def test_repeated_link_parameters_survive(client, make_side):
    make_side(name="Red")
    response = client.get(f"{API}/sides?alias=red&alias=blue&per_page=1")
    assert links(response)["first"]["alias"] == ["red", "blue"]


# ----- errors never leak -----


def test_problem_detail_on_validation(client, problem):
    result = problem(client.post(f"{API}/sides", json={"name": "", "colour": "x"}), 422)
    assert set(result["errors"]) == {"name", "colour"}
    assert all(isinstance(v, list) and v for v in result["errors"].values())


class Unreachable:
    """A MongoDB client (and its databases and collections) whose server never answers."""

    in_memory = False

    def __getattr__(self, name):
        return self

    def __getitem__(self, name):
        return self

    def __call__(self, *args, **kwargs):
        raise ServerSelectionTimeoutError("No server answered")


def test_store_unavailable_is_503_with_retry_after(problem):
    app = create_app(
        {"TESTING": True, "LOAD_SEEDS": False, "EXTRACTION_ENABLED": False,
         "MONGO_DB": "claimdesk_dead", "RETRY_AFTER_SECONDS": 7},
        mongo_client=Unreachable(),
    )  # fmt: skip
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    for response in (
        client.get("/readyz"),
        client.get(f"{API}/sides"),
        client.get(f"{API}/claims/{ObjectId()}"),
        client.post(f"{API}/sides", json={"name": "x"}),
    ):
        problem(response, 503)
        assert response.headers["Retry-After"] == "7"


# ----- probes and documentation -----


def test_healthz_and_readyz(client, real_mongo):
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz").get_json()["status"] == "ok"
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.get_json() == {
        "status": "ready",
        "store": "mongodb" if real_mongo else "memory",
    }


def test_openapi_document(client):
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    spec = response.get_json()
    assert spec["openapi"].startswith("3.")
    paths = spec["paths"]
    for path in (
        "/api/v1/articles",
        "/api/v1/articles/{article_id}",
        "/api/v1/articles/{article_id}/claims",
        "/api/v1/articles/{article_id}/extract",
        "/api/v1/articles/{article_id}/balance",
        "/api/v1/claims",
        "/api/v1/claims/{claim_id}",
        "/api/v1/sides",
        "/api/v1/sides/{side_id}",
        "/api/v1/sides/{side_id}/claims",
        "/api/v1/extract",
    ):
        assert path in paths, path
    assert {"get", "patch", "delete"} <= set(paths["/api/v1/sides/{side_id}"])
    get_side = paths["/api/v1/sides/{side_id}"]["get"]["responses"]
    assert get_side["default"] == {"$ref": "#/components/responses/DEFAULT_ERROR"}
    assert "304" in get_side
    error = spec["components"]["responses"]["DEFAULT_ERROR"]
    assert set(error["content"]) == {"application/problem+json"}
    assert spec["components"]["schemas"]["Problem"]["properties"]["existing_id"]


def test_docs_page(client):
    response = client.get(f"{API}/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert "swagger" in response.get_data(as_text=True).lower()


def test_object_ids_in_responses_are_strings(make_side, make_article, make_claim):
    article = make_article()
    claim = make_claim(article, side_id=make_side()["id"])
    for value in (claim["id"], claim["article_id"], claim["side_id"]):
        assert ObjectId.is_valid(value)
        assert len(value) == 24


def test_bodies_that_break_parsers_are_400_not_500(client, db, problem):
    nested = client.post(f"{API}/sides", data="[" * 100_000, content_type="application/json")
    problem(nested, 400)
    surrogate = client.post(
        f"{API}/sides", data='{"name": "x\\ud800"}', content_type="application/json"
    )
    problem(surrogate, 400)
    assert db.sides.count_documents({}) == 0


@pytest.mark.parametrize(
    ("body", "stored"),
    [
        ('{"name": "caf\u00e9 \u201cq\u201d"}'.encode(), "caf\u00e9 \u201cq\u201d"),
        (b'{"name": "x\\ud83d\\ude00"}', "x\U0001f600"),  # a pair: one character
        (b'{"name": "x\\\\ud800"}', "x\\ud800"),  # an escaped backslash, then text
        (b'{"name": "a\\u0000b"}', "a\x00b"),
    ],
)
def test_a_json_body_is_stored_as_sent(client, body, stored):
    """The body check's parse is what the view loads: same text, same characters."""
    response = client.post(f"{API}/sides", data=body, content_type="application/json")
    assert response.status_code == 201, response.get_json()
    assert response.get_json()["name"] == stored


@pytest.mark.parametrize(
    "body",
    [
        b'{"name": "x\\ud800"}',  # lone high surrogate
        b'{"name": "x\\uDC00"}',  # lone low surrogate, upper case
        b'{"name": "x\xed\xa0\x80"}',  # a surrogate as raw bytes
        b'\xef\xbb\xbf{"name": "bom"}',  # UTF-8 with a byte-order mark
        '{"name": "sixteen"}'.encode("utf-16"),
        '{"name": "caf\u00e9"}'.encode("latin-1"),
    ],
)
def test_json_bodies_that_are_not_utf8_text_are_400(client, db, problem, body):
    problem(client.post(f"{API}/sides", data=body, content_type="application/json"), 400)
    assert db.sides.count_documents({}) == 0


def test_datetimes_past_the_calendar_edges_are_422(client, problem):
    edge = "0001-01-01T00:00:00%2B01:00"
    assert (
        "published_after"
        in problem(client.get(f"{API}/claims?published_after={edge}"), 422)["errors"]
    )
    late = {"title": "T", "body": "B", "published_at": "9999-12-31T23:00:00-05:00"}
    problem(client.post(f"{API}/articles?extract=false", json=late), 422)


def test_an_empty_merge_patch_changes_nothing(client, make_side):
    side = make_side()
    patched = client.patch(f"{API}/sides/{side['id']}", json={})
    assert patched.status_code == 200
    article = client.post(f"{API}/articles?extract=false", json={"title": "T", "body": "B"}).json
    same = client.patch(f"{API}/articles/{article['id']}", json={})
    assert same.json["version"] == article["version"]
    assert same.json["updated_at"] == article["updated_at"]
