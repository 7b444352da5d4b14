"""Every endpoint against every role: who gets in, who gets 401 and who gets 403."""

import pytest

ROLES = [None, "reader", "editor", "admin"]
RANK = {None: -1, "reader": 0, "editor": 1, "admin": 2}


@pytest.fixture
def resources(as_role):
    """A side, an article and a claim made by an admin, plus a spare key id."""
    admin = as_role("admin")
    side = admin.post("/api/v1/sides", json={"name": "Union", "aliases": ["union"]}).json
    article = admin.post(
        "/api/v1/articles?extract=false", json={"title": "T", "body": "The union said no."}
    ).json
    claim = admin.post(
        "/api/v1/claims",
        json={"article_id": article["id"], "text": "no", "kind": "indirect", "side_id": side["id"]},
    ).json
    key = admin.post("/api/v1/keys", json={"name": "spare", "role": "reader"}).json
    return {"side": side["id"], "article": article["id"], "claim": claim["id"], "key": key["id"]}


# (method, path, body, least role). Deletions come last: they remove what others use.
TABLE = [
    ("GET", "/api/v1/sides", None, "reader"),
    ("GET", "/api/v1/sides/{side}", None, "reader"),
    ("GET", "/api/v1/sides/{side}/claims", None, "reader"),
    ("GET", "/api/v1/articles", None, "reader"),
    ("GET", "/api/v1/articles/{article}", None, "reader"),
    ("GET", "/api/v1/articles/{article}/claims", None, "reader"),
    ("GET", "/api/v1/articles/{article}/balance", None, "reader"),
    ("GET", "/api/v1/claims", None, "reader"),
    ("GET", "/api/v1/claims/{claim}", None, "reader"),
    ("POST", "/api/v1/sides", {"name": "New {n}"}, "editor"),
    ("PATCH", "/api/v1/sides/{side}", {"description": "d {n}"}, "editor"),
    ("POST", "/api/v1/articles?extract=false", {"title": "T", "body": "Body {n}"}, "editor"),
    ("PATCH", "/api/v1/articles/{article}", {"title": "T {n}"}, "editor"),
    ("POST", "/api/v1/articles/{article}/extract", None, "editor"),
    (
        "POST",
        "/api/v1/claims",
        {"article_id": "{article}", "text": "x {n}", "kind": "position"},
        "editor",
    ),
    ("PATCH", "/api/v1/claims/{claim}", {"review": {"status": "confirmed"}}, "editor"),
    ("PATCH", "/api/v1/claims/{claim}", {"review": {"rating": {"value": 3}}}, "editor"),
    ("POST", "/api/v1/extract", {"text": "Nobody said anything."}, "editor"),
    ("GET", "/api/v1/changes", None, "reader"),
    ("GET", "/api/v1/webhooks", None, "admin"),
    ("POST", "/api/v1/webhooks", {"url": "https://h.example.org/{n}", "events": ["*"]}, "admin"),
    ("GET", "/api/v1/keys", None, "admin"),
    ("GET", "/api/v1/keys/{key}", None, "admin"),
    ("POST", "/api/v1/keys", {"name": "k{n}", "role": "reader"}, "admin"),
    ("DELETE", "/api/v1/claims/{claim}", None, "admin"),
    ("DELETE", "/api/v1/articles/{article}", None, "admin"),
    ("DELETE", "/api/v1/sides/{side}?force=true", None, "admin"),
    ("DELETE", "/api/v1/keys/{key}", None, "admin"),
]


def fill(template, ids, n):
    """Put ids (and a unique number) into a path or body template."""
    if isinstance(template, dict):
        return {k: fill(v, ids, n) for k, v in template.items()}
    if isinstance(template, str):
        return template.format(n=n, **ids)
    return template


def test_every_endpoint_by_every_role(as_role, resources):
    """The role table: below the least role is 401 (no key) or 403; at or above it works."""
    n = 0
    for method, path, body, least in TABLE:
        for role in ROLES:
            n += 1
            response = as_role(role).open(
                fill(path, resources, n), method, json=fill(body, resources, n)
            )
            where = (method, path, role, response.get_json(silent=True))
            if role is None:
                assert response.status_code == 401, where
                assert response.headers["WWW-Authenticate"].startswith("Bearer")
            elif RANK[role] < RANK[least]:
                assert response.status_code == 403, where
            else:
                assert response.status_code in {200, 201, 204}, where
            if response.status_code >= 400:
                assert response.content_type == "application/problem+json", where


def test_open_endpoints_need_no_key(as_role):
    anonymous = as_role(None)
    docs_js = "/api/v1/docs/assets/swagger-ui-bundle.js"
    for path in (
        "/healthz",
        "/readyz",
        "/api/v1/openapi.json",
        "/api/v1/docs",
        docs_js,
        "/metrics",
        "/api/v1",
    ):
        assert anonymous.get(path).status_code == 200, path
