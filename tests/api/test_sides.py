"""Sides: create, read, change, delete, list and filter."""

API = "/api/v1"


def test_create_returns_side_with_location_and_etag(client):
    response = client.post(
        f"{API}/sides",
        json={
            "name": "  United   States ",
            "aliases": ["White House", "white house", "Washington"],
            "description": "The US government",
            "color": "#1a2B3c",
        },
    )
    assert response.status_code == 201
    side = response.get_json()
    assert side["name"] == "United States"
    assert side["slug"] == "united-states"
    assert side["aliases"] == ["White House", "Washington"]
    assert side["origin"] == "manual"
    assert side["claim_count"] == 0
    assert side["version"] == 1
    assert side["created_at"].endswith("Z")
    assert side["created_at"] == side["updated_at"]
    assert response.headers["Location"].endswith(f"{API}/sides/{side['id']}")
    assert response.headers["ETag"]
    assert client.get(response.headers["Location"]).get_json() == side


def test_get_one_side(client, make_side):
    side = make_side(name="Russia")
    response = client.get(f"{API}/sides/{side['id']}")
    assert response.status_code == 200
    assert response.get_json() == side
    assert response.headers["ETag"]


def test_unknown_side_is_404(client, problem):
    problem(client.get(f"{API}/sides/{'0' * 24}"), 404)
    problem(client.patch(f"{API}/sides/{'0' * 24}", json={"name": "x"}), 404)
    problem(client.delete(f"{API}/sides/{'0' * 24}"), 404)
    problem(client.get(f"{API}/sides/{'0' * 24}/claims"), 404)


INVALID_SIDES = [
    {},
    {"name": ""},
    {"name": "   "},
    {"name": "x" * 121},
    {"name": 5},
    {"name": "A", "color": "red"},
    {"name": "A", "description": "x" * 2001},
    {"name": "A", "aliases": "not a list"},
    {"name": "A", "aliases": [""]},
    {"name": "A", "aliases": ["x" * 121]},
    {"name": "A", "nickname": "B"},
]


def test_invalid_side_is_422_and_not_stored(client, db, problem):
    for body in INVALID_SIDES:
        result = problem(client.post(f"{API}/sides", json=body), 422)
        assert result["errors"], body
    assert db.sides.count_documents({}) == 0


def test_read_only_side_field_is_422(client, db, problem):
    fields = ["slug", "origin", "claim_count", "id", "version", "created_at", "updated_at"]
    for field in fields:
        result = problem(client.post(f"{API}/sides", json={"name": "A", field: "x"}), 422)
        assert field in result["errors"]
    assert db.sides.count_documents({}) == 0


def test_duplicate_name_case_insensitive_is_409(client, db, make_side, problem):
    side = make_side(name="United States")
    result = problem(client.post(f"{API}/sides", json={"name": "united STATES"}), 409)
    assert result["existing_id"] == side["id"]
    assert db.sides.count_documents({}) == 1


def test_alias_belongs_to_one_side(client, db, make_side, problem):
    side = make_side(name="United States", aliases=["White House"])
    clash = client.post(f"{API}/sides", json={"name": "Other", "aliases": ["WHITE house"]})
    assert problem(clash, 409)["existing_id"] == side["id"]
    # A new side's name may not be another side's alias either.
    assert (
        problem(client.post(f"{API}/sides", json={"name": "white house"}), 409)["existing_id"]
        == side["id"]
    )
    assert db.sides.count_documents({}) == 1


def test_same_slug_is_409(client, db, make_side, problem):
    side = make_side(name="United States")
    result = problem(client.post(f"{API}/sides", json={"name": "United-States"}), 409)
    assert result["existing_id"] == side["id"]
    assert db.sides.count_documents({}) == 1


def test_patch_is_a_merge(client, make_side):
    side = make_side(name="Russia", aliases=["Kremlin"], description="d", color="#000000")
    before = client.get(f"{API}/sides/{side['id']}").headers["ETag"]
    response = client.patch(f"{API}/sides/{side['id']}", json={"description": None})
    assert response.status_code == 200
    patched = response.get_json()
    assert patched["description"] is None
    assert patched["aliases"] == ["Kremlin"]
    assert patched["color"] == "#000000"
    assert patched["version"] == 2
    assert patched["updated_at"] >= side["updated_at"]
    assert patched["created_at"] == side["created_at"]
    assert response.headers["ETag"] != before
    assert response.headers["ETag"] == client.get(f"{API}/sides/{side['id']}").headers["ETag"]


def test_patch_name_updates_slug_and_aliases_null_clears(client, make_side):
    side = make_side(name="Russia", aliases=["Kremlin"])
    patched = client.patch(
        f"{API}/sides/{side['id']}", json={"name": "Russian Federation", "aliases": None}
    ).get_json()
    assert patched["slug"] == "russian-federation"
    assert patched["aliases"] == []
    # The old alias is free again.
    assert client.post(f"{API}/sides", json={"name": "Kremlin"}).status_code == 201


def test_patch_to_other_sides_name_or_alias_is_409(client, make_side, problem):
    first = make_side(name="Ukraine", aliases=["Kyiv"])
    second = make_side(name="Russia")
    for body in ({"name": "UKRAINE"}, {"aliases": ["kyiv"]}):
        result = problem(client.patch(f"{API}/sides/{second['id']}", json=body), 409)
        assert result["existing_id"] == first["id"]
    assert client.get(f"{API}/sides/{second['id']}").get_json() == second


def test_patch_may_keep_own_name_in_other_case(client, make_side):
    side = make_side(name="Russia", aliases=["Kremlin"])
    response = client.patch(f"{API}/sides/{side['id']}", json={"name": "RUSSIA"})
    assert response.status_code == 200
    assert response.get_json()["name"] == "RUSSIA"


def test_patch_read_only_or_unknown_field_is_422(client, make_side, problem):
    side = make_side()
    for body in ({"slug": "x"}, {"claim_count": 3}, {"nickname": "x"}):
        result = problem(client.patch(f"{API}/sides/{side['id']}", json=body), 422)
        assert next(iter(body)) in result["errors"]
    assert client.get(f"{API}/sides/{side['id']}").get_json() == side


def test_delete_unused_side(client, db, make_side):
    side = make_side()
    assert client.delete(f"{API}/sides/{side['id']}").status_code == 204
    assert client.get(f"{API}/sides/{side['id']}").status_code == 404
    assert db.sides.count_documents({}) == 0


def test_delete_side_in_use_is_409_unless_forced(
    client, db, make_side, make_article, make_claim, fetch, problem
):
    side = make_side()
    article = make_article()
    claim = make_claim(article, side_id=side["id"])
    result = problem(client.delete(f"{API}/sides/{side['id']}"), 409)
    assert "existing_id" not in result and "force=true" in result["detail"]
    assert db.sides.count_documents({}) == 1
    assert fetch(f"claims/{claim['id']}")["side_id"] == side["id"]

    assert client.delete(f"{API}/sides/{side['id']}?force=true").status_code == 204
    assert db.sides.count_documents({}) == 0
    assert fetch(f"claims/{claim['id']}")["side_id"] is None
    assert fetch(f"articles/{article['id']}")["side_ids"] == []
    assert fetch(f"articles/{article['id']}")["claim_count"] == 1


def test_delete_force_must_be_boolean(client, make_side, problem):
    side = make_side()
    assert "force" in problem(client.delete(f"{API}/sides/{side['id']}?force=maybe"), 422)["errors"]


def test_side_claims_lists_only_its_claims(client, make_side, make_article, make_claim, fetch):
    ours, theirs = make_side(), make_side()
    article = make_article()
    mine = make_claim(article, side_id=ours["id"], kind="direct")
    make_claim(article, side_id=ours["id"], kind="indirect")
    make_claim(article, side_id=theirs["id"])
    make_claim(article)
    listed = fetch(f"sides/{ours['id']}/claims")
    assert listed["total"] == 2
    assert {c["side_id"] for c in listed["items"]} == {ours["id"]}
    assert fetch(f"sides/{ours['id']}/claims?kind=direct")["items"] == [
        fetch(f"claims/{mine['id']}")
    ]
    assert fetch(f"sides/{ours['id']}/claims?side={theirs['slug']}")["total"] == 0
    assert fetch(f"sides/{ours['id']}/claims?side={ours['slug']}")["total"] == 2
    assert fetch(f"sides/{ours['id']}")["claim_count"] == 2


# ----- lists -----


def test_list_sorted_by_name_by_default(make_side, fetch):
    for name in ("charlie", "Alpha", "bravo"):
        make_side(name=name)
    listed = fetch("sides")
    assert [s["name"] for s in listed["items"]] == ["Alpha", "bravo", "charlie"]
    assert listed["total"] == 3
    assert fetch("sides?sort=-name")["items"][0]["name"] == "charlie"
    created = [s["name"] for s in fetch("sides?sort=created_at")["items"]]
    assert created == ["charlie", "Alpha", "bravo"]
    assert [s["name"] for s in fetch("sides?sort=-created_at")["items"]] == created[::-1]


def test_list_q_is_prefix_of_name_or_alias(make_side, fetch):
    us = make_side(name="United States", aliases=["White House", "Washington"])
    uk = make_side(name="United Kingdom", aliases=["Downing Street"])
    make_side(name="Russia", aliases=["Kremlin"])

    def names(query):
        return sorted(s["id"] for s in fetch(f"sides?{query}")["items"])

    assert names("q=unit") == sorted([us["id"], uk["id"]])
    assert names("q=WASH") == [us["id"]]
    assert names("q=downing") == [uk["id"]]
    assert names("q=states") == []  # a prefix, not a substring
    assert names("q=.*") == []  # a literal, not a pattern
    assert names("q=united%20s") == [us["id"]]


def test_list_alias_is_exact_case_insensitive_and_repeatable(make_side, fetch):
    us = make_side(name="United States", aliases=["White House"])
    ru = make_side(name="Russia", aliases=["Kremlin"])
    assert [s["id"] for s in fetch("sides?alias=white%20HOUSE")["items"]] == [us["id"]]
    assert fetch("sides?alias=white")["items"] == []
    both = fetch("sides?alias=kremlin&alias=White%20House")["items"]
    assert sorted(s["id"] for s in both) == sorted([us["id"], ru["id"]])
    assert [s["id"] for s in fetch("sides?alias=kremlin&q=rus")["items"]] == [ru["id"]]
    assert fetch("sides?alias=kremlin&q=united")["items"] == []


def test_list_pagination(client, make_side):
    for number in range(5):
        make_side(name=f"side {number}")
    response = client.get(f"{API}/sides?per_page=2&page=3")
    body = response.get_json()
    assert [s["name"] for s in body["items"]] == ["side 4"]
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (3, 2, 5, 3)
    assert response.headers["X-Total-Count"] == "5"
    assert 'rel="next"' not in response.headers["Link"]
    assert 'rel="prev"' in response.headers["Link"]
