"""Conditional requests (ETag, If-None-Match, If-Match) and compare-and-set writes."""

import pytest
from bson import ObjectId

from service.claims.repository import ClaimRepository
from service.errors import NotFound, VersionMismatch
from service.sides.repository import SideRepository

API = "/api/v1"


@pytest.fixture
def resources(make_side, make_article, make_claim):
    """path -> (resource JSON, a valid merge patch) for each resource kind."""
    side = make_side(name="Red")
    article = make_article()
    claim = make_claim(article)
    return {
        f"sides/{side['id']}": (side, {"description": "changed"}),
        f"articles/{article['id']}": (article, {"title": "changed"}),
        f"claims/{claim['id']}": (claim, {"cue": "changed"}),
    }


def test_single_resources_carry_etags(client, resources):
    for path, (_resource, patch) in resources.items():
        got = client.get(f"{API}/{path}")
        assert got.headers["ETag"].startswith('"'), path
        assert client.get(f"{API}/{path}").headers["ETag"] == got.headers["ETag"]
        patched = client.patch(f"{API}/{path}", json=patch)
        assert patched.headers["ETag"] not in ("", got.headers["ETag"])
        assert client.get(f"{API}/{path}").headers["ETag"] == patched.headers["ETag"]


def test_if_none_match_gives_304(client, resources):
    for path in resources:
        etag = client.get(f"{API}/{path}").headers["ETag"]
        cached = client.get(f"{API}/{path}", headers={"If-None-Match": etag})
        assert cached.status_code == 304, path
        assert cached.get_data() == b""
        assert cached.headers["ETag"] == etag
        listed = client.get(f"{API}/{path}", headers={"If-None-Match": f'"other", {etag}'})
        assert listed.status_code == 304
        assert listed.headers["ETag"] == etag
        stale = client.get(f"{API}/{path}", headers={"If-None-Match": '"stale"'})
        assert stale.status_code == 200
        assert stale.get_json()["id"] == path.split("/")[1]


def test_if_none_match_misses_after_a_change(client, resources):
    for path, (_resource, patch) in resources.items():
        etag = client.get(f"{API}/{path}").headers["ETag"]
        client.patch(f"{API}/{path}", json=patch)
        assert client.get(f"{API}/{path}", headers={"If-None-Match": etag}).status_code == 200


def test_if_match_mismatch_is_412_and_changes_nothing(client, db, resources, problem):
    for path, (_resource, patch) in resources.items():
        before = client.get(f"{API}/{path}").get_json()
        problem(client.patch(f"{API}/{path}", json=patch, headers={"If-Match": '"nope"'}), 412)
        problem(client.delete(f"{API}/{path}", headers={"If-Match": '"nope"'}), 412)
        assert client.get(f"{API}/{path}").get_json() == before, path
    assert db.claims.count_documents({}) == 1
    assert db.articles.count_documents({}) == 1
    assert db.sides.count_documents({}) == 1


def test_if_match_current_etag_succeeds_and_version_increments(client, resources):
    for path, (resource, patch) in resources.items():
        etag = client.get(f"{API}/{path}").headers["ETag"]
        patched = client.patch(f"{API}/{path}", json=patch, headers={"If-Match": etag})
        assert patched.status_code == 200, path
        assert patched.get_json()["version"] == resource["version"] + 1
        again = client.patch(f"{API}/{path}", json=patch)
        assert again.status_code == 200
        assert again.get_json()["version"] == resource["version"] + 2


def test_if_match_star_and_delete_with_etag(client, resources):
    path = next(p for p in resources if p.startswith("claims/"))
    assert (
        client.patch(f"{API}/{path}", json={"cue": "x"}, headers={"If-Match": "*"}).status_code
        == 200
    )
    etag = client.get(f"{API}/{path}").headers["ETag"]
    assert client.delete(f"{API}/{path}", headers={"If-Match": etag}).status_code == 204
    assert client.get(f"{API}/{path}").status_code == 404


def test_two_patches_from_one_etag_second_is_412(client, make_side, problem):
    side = make_side(name="Red")
    etag = client.get(f"{API}/sides/{side['id']}").headers["ETag"]
    first = client.patch(
        f"{API}/sides/{side['id']}", json={"description": "first"}, headers={"If-Match": etag}
    )
    assert first.status_code == 200
    second = client.patch(
        f"{API}/sides/{side['id']}", json={"description": "second"}, headers={"If-Match": etag}
    )
    problem(second, 412)
    current = client.get(f"{API}/sides/{side['id']}").get_json()
    assert current["description"] == "first"
    assert current["version"] == 2


def test_delete_after_change_with_old_etag_is_412(client, make_article, problem):
    article = make_article()
    etag = client.get(f"{API}/articles/{article['id']}").headers["ETag"]
    client.patch(f"{API}/articles/{article['id']}", json={"title": "new"})
    problem(client.delete(f"{API}/articles/{article['id']}", headers={"If-Match": etag}), 412)
    assert client.get(f"{API}/articles/{article['id']}").status_code == 200


def test_compare_and_set_with_stale_version_raises(db, make_side):
    side = make_side(name="Red")
    repo = SideRepository(db)
    current = repo.get(ObjectId(side["id"]))
    updated = repo.compare_and_set(current["_id"], 1, {"description": "one"}, None)
    assert updated["version"] == 2
    assert updated["description"] == "one"
    with pytest.raises(VersionMismatch):
        repo.compare_and_set(current["_id"], 1, {"description": "two"}, None)
    assert repo.get(current["_id"])["description"] == "one"
    assert repo.get(current["_id"])["version"] == 2
    with pytest.raises(NotFound):
        repo.compare_and_set(ObjectId(), 1, {"description": "x"}, None)


def test_delete_at_stale_version_raises(db, make_article, make_claim):
    claim = make_claim(make_article())
    repo = ClaimRepository(db)
    claim_id = ObjectId(claim["id"])
    repo.compare_and_set(claim_id, 1, {"cue": "said"}, None)
    with pytest.raises(VersionMismatch):
        repo.delete_at_version(claim_id, 1)
    assert repo.get(claim_id)["cue"] == "said"
    repo.delete_at_version(claim_id, 2)
    with pytest.raises(NotFound):
        repo.get(claim_id)


def test_write_based_on_stale_read_is_412_not_lost(client, db, make_side, problem):
    """A PATCH whose read raced a change must not overwrite it silently."""
    side = make_side(name="Red", description="original")
    etag = client.get(f"{API}/sides/{side['id']}").headers["ETag"]
    # Another writer changes the side behind the client's back.
    SideRepository(db).compare_and_set(ObjectId(side["id"]), 1, {"color": "#ffffff"}, None)
    stale = client.patch(
        f"{API}/sides/{side['id']}", json={"description": "mine"}, headers={"If-Match": etag}
    )
    problem(stale, 412)
    current = client.get(f"{API}/sides/{side['id']}").get_json()
    assert (current["description"], current["color"], current["version"]) == (
        "original",
        "#ffffff",
        2,
    )
