"""Re-extraction keeps claim ids: same statement, same claim; only new statements are new."""

import pytest

API = "/api/v1"
BODY = 'Alpha said "one". Beta said "two". Gamma said "three".'


@pytest.fixture
def client(extracting_client):
    """A client of an app extracting with the fake extractor."""
    return extracting_client


def claims_of(client, article_id: str) -> dict[tuple, dict]:
    """The article's claims by (speaker, text)."""
    items = client.get(f"{API}/articles/{article_id}/claims?per_page=100").get_json()["items"]
    return {(c["speaker"]["name"], c["text"]): c for c in items}


def create(client, body: str = BODY) -> tuple[str, dict]:
    """An article extracted from ``body``: its id and claims."""
    article = client.post(f"{API}/articles", json={"title": "t", "body": body}).get_json()
    return article["id"], claims_of(client, article["id"])


def patch_body(client, article_id: str, body: str) -> dict:
    """Change the body (re-extracts); the article."""
    response = client.patch(f"{API}/articles/{article_id}", json={"body": body})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_reextracting_the_same_body_changes_no_claim(client):
    article_id, before = create(client)
    response = client.post(f"{API}/articles/{article_id}/extract")
    assert response.status_code == 200
    assert claims_of(client, article_id) == before


def test_moved_statements_keep_id_and_new_ones_get_new_ids(client):
    article_id, before = create(client)
    body = 'An intro. Gamma said "three". Alpha said "one". Delta said "four".'
    article = patch_body(client, article_id, body)
    after = claims_of(client, article_id)
    assert set(after) == {("Gamma", "three"), ("Alpha", "one"), ("Delta", "four")}
    for key in [("Gamma", "three"), ("Alpha", "one")]:
        assert after[key]["id"] == before[key]["id"]
        assert after[key]["version"] == before[key]["version"] + 1  # its span moved
        assert body[after[key]["span"]["start"] : after[key]["span"]["end"]] == key[1]
    assert after[("Delta", "four")]["id"] not in {c["id"] for c in before.values()}
    gone = client.get(f"{API}/claims/{before[('Beta', 'two')]['id']}")
    assert gone.status_code == 404
    assert article["claim_count"] == 3


def test_a_statement_that_did_not_move_is_not_touched(client):
    article_id, before = create(client)
    patch_body(client, article_id, BODY + ' Later, Delta said "four".')
    after = claims_of(client, article_id)
    for key, claim in before.items():
        assert after[key] == claim  # same id, version, updated_at
    assert len(after) == 4


def test_same_text_by_another_speaker_is_another_statement(client):
    article_id, before = create(client)
    patch_body(client, article_id, BODY.replace("Alpha", "Omega"))
    after = claims_of(client, article_id)
    assert ("Alpha", "one") not in after
    assert after[("Omega", "one")]["id"] != before[("Alpha", "one")]["id"]
    assert after[("Beta", "two")]["id"] == before[("Beta", "two")]["id"]


def test_repeated_statements_each_keep_their_claim(client):
    body = 'Alpha said "yes". Then Alpha said "yes".'
    article_id = client.post(f"{API}/articles", json={"title": "t", "body": body}).get_json()["id"]
    items = client.get(f"{API}/articles/{article_id}/claims").get_json()["items"]
    assert len(items) == 2
    patch_body(client, article_id, "Intro. " + body)
    again = client.get(f"{API}/articles/{article_id}/claims").get_json()["items"]
    assert [c["id"] for c in again] == [c["id"] for c in items]
    assert [c["span"]["start"] for c in again] == [c["span"]["start"] + 7 for c in items]


def test_a_changed_side_updates_the_claim_in_place(client):
    article_id, before = create(client)
    side = client.post(f"{API}/sides", json={"name": "Beta"}).get_json()
    client.post(f"{API}/articles/{article_id}/extract")
    after = claims_of(client, article_id)
    beta = after[("Beta", "two")]
    assert beta["id"] == before[("Beta", "two")]["id"]
    assert beta["side_id"] == side["id"]
    assert beta["version"] == before[("Beta", "two")]["version"] + 1
    assert after[("Alpha", "one")] == before[("Alpha", "one")]
    assert client.get(f"{API}/sides/{side['id']}").get_json()["claim_count"] == 1
    assert client.get(f"{API}/articles/{article_id}").get_json()["side_ids"] == [side["id"]]


def test_reviewed_and_manual_claims_are_kept_and_only_relocated(client):
    article_id, before = create(client)
    reviewed = client.patch(
        f"{API}/claims/{before[('Beta', 'two')]['id']}", json={"review": {"status": "confirmed"}}
    ).get_json()
    kept = client.patch(
        f"{API}/claims/{before[('Alpha', 'one')]['id']}", json={"review": {"status": "rejected"}}
    ).get_json()
    # Not Gamma's "three" itself: the same statement again is a 409 (API.md "Duplicates").
    manual = client.post(
        f"{API}/claims",
        json={"article_id": article_id, "text": "Gamma said", "kind": "position",
              "speaker": {"name": "Gamma"}},
    ).get_json()  # fmt: skip
    body = 'Intro. Alpha said "one". Gamma said "three".'
    patch_body(client, article_id, body)
    after = client.get(f"{API}/articles/{article_id}/claims?per_page=100").get_json()["items"]
    by_id = {c["id"]: c for c in after}
    # The reviewed claim whose statement is gone stays, unplaced; nothing else of it changes.
    gone = by_id[reviewed["id"]]
    assert gone["span"] is None and gone["review"] == reviewed["review"]
    assert {k: v for k, v in gone.items() if k not in ("span", "speaker_span", "version",
            "updated_at")} == {k: v for k, v in reviewed.items() if k not in (
            "span", "speaker_span", "version", "updated_at")}  # fmt: skip
    # The reviewed claim found again is relocated, not duplicated.
    found = by_id[kept["id"]]
    assert body[found["span"]["start"] : found["span"]["end"]] == "one"
    assert found["review"] == kept["review"]
    assert [c["text"] for c in after].count("one") == 1
    # The manual claim stays and moves with its text.
    moved = by_id[manual["id"]]
    assert body[moved["span"]["start"] : moved["span"]["end"]] == "Gamma said"
    # Gamma's extracted "three" keeps its claim next to the manual one; nothing is added.
    assert by_id[before[("Gamma", "three")]["id"]]["origin"] == "extracted"
    assert len(after) == 4
