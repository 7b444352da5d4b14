"""``side_evidence``: why a claim belongs to its side (API.md "Why a side")."""

from tests.api.conftest import API


def test_manual_claim_with_a_side_is_evidenced_by_the_editor(make_article, make_side, make_claim):
    side = make_side(name="Red Party")
    claim = make_claim(make_article(), side_id=side["id"])
    assert claim["side_evidence"] == {"via": "manual", "text": "Red Party", "span": None}


def test_claim_without_a_side_has_no_evidence(client, make_article, make_claim):
    claim = make_claim(make_article())
    assert claim["side_evidence"] is None
    assert client.get(f"{API}/claims/{claim['id']}").get_json()["side_evidence"] is None


def test_changing_the_side_by_patch_is_a_review(client, make_article, make_side, make_claim):
    red, blue = make_side(name="Red"), make_side(name="Blue")
    claim = make_claim(make_article(), side_id=red["id"])
    changed = client.patch(f"{API}/claims/{claim['id']}", json={"side_id": blue["id"]})
    assert changed.status_code == 200, changed.get_json()
    assert changed.get_json()["side_evidence"] == {"via": "review", "text": "Blue", "span": None}
    stored = client.get(f"{API}/claims/{claim['id']}").get_json()
    assert stored["side_evidence"] == {"via": "review", "text": "Blue", "span": None}


def test_attributing_an_unattributed_claim_is_a_review(client, make_article, make_side, make_claim):
    side = make_side(name="Green")
    claim = make_claim(make_article())
    changed = client.patch(f"{API}/claims/{claim['id']}", json={"side_id": side["id"]})
    assert changed.get_json()["side_evidence"] == {"via": "review", "text": "Green", "span": None}


def test_clearing_the_side_clears_the_evidence(client, make_article, make_side, make_claim):
    claim = make_claim(make_article(), side_id=make_side(name="Red")["id"])
    changed = client.patch(f"{API}/claims/{claim['id']}", json={"side_id": None})
    assert changed.get_json()["side_id"] is None
    assert changed.get_json()["side_evidence"] is None


def test_other_changes_keep_the_evidence(client, make_article, make_side, make_claim):
    side = make_side(name="Red")
    claim = make_claim(make_article(), side_id=side["id"])
    for change in ({"cue": "argued"}, {"side_id": side["id"]}):
        changed = client.patch(f"{API}/claims/{claim['id']}", json=change)
        assert changed.get_json()["side_evidence"] == claim["side_evidence"]


def test_evidence_is_read_only(client, make_article, make_side, make_claim, problem):
    article, side = make_article(), make_side(name="Red")
    evidence = {"via": "manual", "text": "Red", "span": None}
    body = {"article_id": article["id"], "text": "x", "kind": "direct", "side_evidence": evidence}
    assert "side_evidence" in problem(client.post(f"{API}/claims", json=body), 422)["errors"]
    claim = make_claim(article, side_id=side["id"])
    patch = client.patch(f"{API}/claims/{claim['id']}", json={"side_evidence": None})
    problem(patch, 422)
    assert client.get(f"{API}/claims/{claim['id']}").get_json()["side_evidence"] == evidence


def test_force_deleting_the_side_clears_its_claims_evidence(
    client, make_article, make_side, make_claim
):
    side = make_side(name="Red")
    claim = make_claim(make_article(), side_id=side["id"])
    assert client.delete(f"{API}/sides/{side['id']}?force=true").status_code == 204
    stored = client.get(f"{API}/claims/{claim['id']}").get_json()
    assert (stored["side_id"], stored["side_evidence"]) == (None, None)


def test_extracted_claims_keep_the_extractors_evidence(extracting_client):
    client = extracting_client
    client.post(f"{API}/sides", json={"name": "Ruritania", "aliases": ["Rurs"]})
    body = 'Rurs said "we will win".\n\nFreedonia said "we will not lose".\n\nBob said "maybe".'
    expected = [
        {"via": "name", "text": "Rurs", "span": {"start": 0, "end": 4}},
        {"via": "gazetteer", "text": "Freedonia", "span": {"start": 26, "end": 35}},
        None,
    ]
    preview = client.post(f"{API}/extract", json={"text": body}).get_json()
    assert [c["side_evidence"] for c in preview["claims"]] == expected
    article = client.post(f"{API}/articles", json={"title": "t", "body": body}).get_json()
    claims = client.get(f"{API}/articles/{article['id']}/claims").get_json()["items"]
    assert [c["side_evidence"] for c in claims] == expected
    assert [c["side_name"] for c in preview["claims"]] == ["Ruritania", "Freedonia", None]
