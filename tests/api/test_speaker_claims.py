"""Claims resolved to speakers: first sight, names and aliases, counters, memberships that
editors teach and that extraction uses, merges and deletes that reach the claims."""

import pytest

from tests.api.conftest import FakeExtractor

API = "/api/v1"


def speaker_of(claim: dict) -> str | None:
    return claim["speaker"]["id"]


def claim_by(make_claim, article, name, kind="person", **fields):
    return make_claim(article, speaker={"name": name, "type": kind}, **fields)


def test_manual_claims_resolve_names_case_and_space_insensitively(make_article, make_claim, fetch):
    article = make_article()
    first = claim_by(make_claim, article, "Jen Psaki")
    again = claim_by(make_claim, make_article(), "  jen   PSAKI ")
    other_type = claim_by(make_claim, article, "Jen Psaki", kind="organization")
    nameless = make_claim(article)
    assert speaker_of(first) == speaker_of(again)
    assert speaker_of(other_type) not in (None, speaker_of(first))
    assert speaker_of(nameless) is None
    speaker = fetch(f"speakers/{speaker_of(first)}")
    assert (speaker["name"], speaker["type"], speaker["claim_count"]) == ("Jen Psaki", "person", 2)


def test_a_surname_in_the_same_article_is_the_full_name_and_then_an_alias(
    make_article, make_claim, fetch
):
    article = make_article()
    full = claim_by(make_claim, article, "Jen Psaki")
    short = claim_by(make_claim, article, "Psaki")
    assert speaker_of(short) == speaker_of(full)
    assert fetch(f"speakers/{speaker_of(full)}")["aliases"] == ["Psaki"]
    later = claim_by(make_claim, make_article(), "psaki")
    assert speaker_of(later) == speaker_of(full)


def test_a_surname_two_people_share_stays_its_own_speaker(make_article, make_claim):
    article = make_article()
    jen = claim_by(make_claim, article, "Jen Psaki")
    tom = claim_by(make_claim, article, "Tom Psaki")
    short = claim_by(make_claim, article, "Psaki")
    assert len({speaker_of(jen), speaker_of(tom), speaker_of(short)}) == 3


def test_an_untyped_speaker_matches_any_type_by_name(make_article, make_claim):
    article = make_article()
    named = claim_by(make_claim, article, "Halvard Air", kind="organization")
    untyped = make_claim(make_article(), speaker={"name": "halvard air"})
    assert speaker_of(untyped) == speaker_of(named)


def test_titles_are_learned_newest_first(make_article, make_claim, fetch):
    article = make_article()
    make_claim(article, speaker={"name": "Tor Eriksen", "title": "pilot", "type": "person"})
    claim = make_claim(
        make_article(),
        speaker={"name": "Tor Eriksen", "title": "union president", "type": "person"},
    )
    assert fetch(f"speakers/{speaker_of(claim)}")["titles"] == ["union president", "pilot"]


def test_patching_a_claims_speaker_resolves_it_again(client, make_article, make_claim, fetch):
    claim = claim_by(make_claim, make_article(), "Tor Eriksen")
    before = speaker_of(claim)
    patched = client.patch(
        f"{API}/claims/{claim['id']}", json={"speaker": {"name": "Ingrid Solberg"}}
    ).get_json()
    assert speaker_of(patched) not in (None, before)
    assert fetch(f"speakers/{before}")["claim_count"] == 0
    assert fetch(f"speakers/{speaker_of(patched)}")["claim_count"] == 1
    cleared = client.patch(f"{API}/claims/{claim['id']}", json={"speaker": None}).get_json()
    assert speaker_of(cleared) is None
    problem_body = client.patch(
        f"{API}/claims/{claim['id']}", json={"speaker": {"name": "X", "id": before}}
    )
    assert problem_body.status_code == 422


def test_counters_follow_claims_and_article_dates(client, make_article, make_claim, fetch):
    early = make_article(published_at="2024-01-05T10:00:00Z")
    late = make_article(published_at="2024-03-01T00:00:00Z")
    claim_by(make_claim, early, "Tor Eriksen")
    last = claim_by(make_claim, late, "Tor Eriksen")
    speaker = fetch(f"speakers/{speaker_of(last)}")
    assert (speaker["claim_count"], speaker["first_seen"], speaker["last_seen"]) == (
        2,
        "2024-01-05T10:00:00.000Z",
        "2024-03-01T00:00:00.000Z",
    )
    assert client.delete(f"{API}/articles/{late['id']}").status_code == 204
    speaker = fetch(f"speakers/{speaker_of(last)}")
    assert (speaker["claim_count"], speaker["last_seen"]) == (1, "2024-01-05T10:00:00.000Z")
    assert speaker["version"] == 1  # counters are bookkeeping, not a change


def test_speaker_claims_newest_first_and_the_claim_filters_apply(
    client, make_article, make_claim, fetch
):
    old = make_article(published_at="2024-01-01T00:00:00Z")
    new = make_article(published_at="2024-06-01T00:00:00Z")
    first = claim_by(make_claim, old, "Tor Eriksen", kind="person")
    second = claim_by(make_claim, new, "Tor Eriksen", kind="person")
    claim_by(make_claim, new, "Someone Else")
    speaker_id = speaker_of(first)
    page = fetch(f"speakers/{speaker_id}/claims")
    assert [c["id"] for c in page["items"]] == [second["id"], first["id"]]
    assert [
        c["id"] for c in fetch(f"speakers/{speaker_id}/claims?article_id={old['id']}")["items"]
    ] == [first["id"]]
    assert fetch(f"speakers/{speaker_id}/claims?kind=direct")["items"] == []
    by_filter = fetch(f"claims?speaker_id={speaker_id}&sort=published_at")["items"]
    assert [c["id"] for c in by_filter] == [first["id"], second["id"]]
    other = fetch("speakers?q=someone")["items"][0]["id"]
    assert fetch(f"speakers/{speaker_id}/claims?speaker_id={other}")["items"] == []
    csv = client.get(f"{API}/speakers/{speaker_id}/claims", headers={"Accept": "text/csv"})
    assert csv.status_code == 200 and csv.get_data(as_text=True).count("\n") == 3


def membership_of(fetch, speaker_id: str) -> list[dict]:
    return fetch(f"speakers/{speaker_id}")["memberships"]


def test_setting_a_side_records_a_review_membership_from_the_article_date(
    client, make_side, make_article, make_claim, fetch
):
    side = make_side(name="Nordic Cockpit Union")
    article = make_article(published_at="2024-09-12T08:00:00Z")
    claim = claim_by(make_claim, article, "Tor Eriksen")
    client.patch(f"{API}/claims/{claim['id']}", json={"side_id": side["id"]})
    expected = {
        "side_id": side["id"],
        "from": "2024-09-12T08:00:00.000Z",
        "until": None,
        "source": "review",
    }
    assert membership_of(fetch, speaker_of(claim)) == [expected]
    # The same side again, or confirming it, teaches nothing new.
    client.patch(f"{API}/claims/{claim['id']}", json={"review": {"status": "confirmed"}})
    assert membership_of(fetch, speaker_of(claim)) == [expected]


def test_confirming_an_extracted_side_records_a_membership(make_app, make_side_in, fetch_in):
    app = make_app(extractor=FakeExtractor())
    client = app.test_client()
    side = make_side_in(client, "Freedonia")
    body = {"title": "t", "body": 'Freedonia said "we agree".', "published_at": "2024-02-02"}
    article = client.post(f"{API}/articles", json=body).get_json()
    [claim] = fetch_in(client, f"articles/{article['id']}/claims")["items"]
    assert (
        claim["side_id"] == side["id"]
        and fetch_in(client, f"speakers/{speaker_of(claim)}")["memberships"] == []
    )
    client.patch(f"{API}/claims/{claim['id']}", json={"review": {"status": "rejected"}})
    assert fetch_in(client, f"speakers/{speaker_of(claim)}")["memberships"] == []
    client.patch(f"{API}/claims/{claim['id']}", json={"review": {"status": "confirmed"}})
    [membership] = fetch_in(client, f"speakers/{speaker_of(claim)}")["memberships"]
    assert (membership["side_id"], membership["from"], membership["source"]) == (
        side["id"],
        "2024-02-02T00:00:00.000Z",
        "review",
    )


@pytest.fixture
def make_side_in():
    def make(client, name: str, **fields) -> dict:
        response = client.post(f"{API}/sides", json={"name": name, **fields})
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return make


@pytest.fixture
def fetch_in():
    def get(client, path: str) -> dict:
        response = client.get(f"{API}/{path}")
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    return get


def ingest(client, text: str, day: str) -> list[dict]:
    body = {"title": text[:20], "body": text, "published_at": day}
    response = client.post(f"{API}/articles", json=body)
    assert response.status_code == 201, response.get_json()
    return client.get(f"{API}/articles/{response.get_json()['id']}/claims").get_json()["items"]


def test_extraction_uses_memberships_valid_at_the_article_date(make_app, make_side_in, fetch_in):
    client = make_app(extractor=FakeExtractor(gazetteer=())).test_client()
    union = make_side_in(client, "Union")
    airline = make_side_in(client, "Airline")
    [first] = ingest(client, 'Eriksen said "rosters are unsafe".', "2024-01-10")
    assert first["side_id"] is None
    speaker_id = speaker_of(first)
    memberships = [
        {"side_id": union["id"], "from": "2024-01-01", "until": "2024-03-01"},
        {"side_id": airline["id"], "from": "2024-02-01", "until": None},
    ]
    client.patch(f"{API}/speakers/{speaker_id}", json={"memberships": memberships})
    [in_january] = ingest(client, 'Eriksen said "we warned them".', "2024-01-20")
    assert in_january["side_id"] == union["id"]
    assert in_january["side_evidence"] == {
        "via": "speaker",
        "text": "Eriksen",
        "span": in_january["speaker_span"],
    }
    [both_valid] = ingest(client, 'Eriksen said "the newest membership wins".', "2024-02-15")
    assert both_valid["side_id"] == airline["id"]
    [before_any] = ingest(client, 'Eriksen said "too early".', "2023-06-01")
    assert before_any["side_id"] is None and before_any["side_evidence"] is None
    assert speaker_of(before_any) == speaker_id


def test_the_text_wins_over_a_membership(make_app, make_side_in):
    client = make_app(extractor=FakeExtractor(gazetteer=())).test_client()
    union = make_side_in(client, "Union")
    freedonia = make_side_in(client, "Freedonia")
    [claim] = ingest(client, 'Freedonia said "first".', "2024-01-10")
    membership = {"side_id": union["id"], "from": "2024-01-01"}
    client.patch(f"{API}/speakers/{speaker_of(claim)}", json={"memberships": [membership]})
    [later] = ingest(client, 'Freedonia said "second".', "2024-02-10")
    assert later["side_id"] == freedonia["id"]
    assert later["side_evidence"]["via"] == "name"


def test_re_extraction_keeps_speaker_ids_and_claim_ids(make_app, fetch_in):
    client = make_app(extractor=FakeExtractor(gazetteer=())).test_client()
    text = 'Eriksen said "one". Solberg said "two".'
    article = client.post(f"{API}/articles", json={"title": "t", "body": text}).get_json()
    before = fetch_in(client, f"articles/{article['id']}/claims")["items"]
    client.post(f"{API}/articles/{article['id']}/extract")
    moved = client.patch(f"{API}/articles/{article['id']}", json={"body": "Intro. " + text})
    assert moved.status_code == 200
    after = fetch_in(client, f"articles/{article['id']}/claims")["items"]
    assert [(c["id"], speaker_of(c), c["version"]) for c in after] == [
        (c["id"], speaker_of(c), c["version"] + 1) for c in before
    ]
    assert fetch_in(client, "speakers")["total"] == 2


def test_bulk_import_resolves_speakers_like_single_posts(make_app, fetch_in):
    client = make_app(extractor=FakeExtractor(gazetteer=())).test_client()
    lines = "\n".join(
        f'{{"title": "t{n}", "body": "Eriksen said \\"claim {n}\\"."}}' for n in range(3)
    )
    response = client.post(f"{API}/articles/bulk", data=lines, content_type="application/x-ndjson")
    assert response.status_code == 200
    [speaker] = fetch_in(client, "speakers")["items"]
    assert speaker["claim_count"] == 3
    ids = {speaker_of(c) for c in fetch_in(client, "claims")["items"]}
    assert ids == {speaker["id"]}


def test_merge_moves_claims_names_titles_and_memberships(
    client, make_side, make_article, make_claim, fetch, problem
):
    side = make_side(name="Union")
    kept = make_claim(
        make_article(), speaker={"name": "Tor Eriksen", "title": "pilot", "type": "person"}
    )
    other = make_claim(
        make_article(), speaker={"name": "T. Eriksen", "title": "president", "type": "person"}
    )
    membership = {"side_id": side["id"], "from": "2024-01-01"}
    client.patch(f"{API}/speakers/{speaker_of(other)}", json={"memberships": [membership]})
    path = f"{API}/speakers/{speaker_of(kept)}/merge"
    merged = client.post(path, json={"other_id": speaker_of(other)})
    assert merged.status_code == 200, merged.get_json()
    body = merged.get_json()
    assert body["aliases"] == ["T. Eriksen"]
    assert body["titles"] == ["pilot", "president"]
    assert [m["side_id"] for m in body["memberships"]] == [side["id"]]
    assert body["claim_count"] == 2
    assert fetch(f"claims/{other['id']}")["speaker"]["id"] == speaker_of(kept)
    problem(client.get(f"{API}/speakers/{speaker_of(other)}"), 404)
    again = claim_by(make_claim, make_article(), "t. eriksen")
    assert speaker_of(again) == speaker_of(kept)
    problem(client.post(path, json={"other_id": speaker_of(kept)}), 422)
    problem(client.post(path, json={"other_id": speaker_of(other)}), 404)
    problem(client.post(path, json={}), 422)
    problem(
        client.post(f"{API}/speakers/{'0' * 24}/merge", json={"other_id": speaker_of(kept)}), 404
    )


def test_delete_with_claims_is_409_unless_forced(
    client, db, make_article, make_claim, fetch, problem
):
    claim = claim_by(make_claim, make_article(), "Tor Eriksen")
    path = f"{API}/speakers/{speaker_of(claim)}"
    assert "1 claim" in problem(client.delete(path), 409)["detail"]
    problem(client.delete(f"{path}?force=maybe"), 422)
    assert client.delete(f"{path}?force=true").status_code == 204
    problem(client.get(path), 404)
    assert fetch(f"claims/{claim['id']}")["speaker"] == {
        "name": "Tor Eriksen",
        "title": None,
        "type": "person",
        "id": None,
    }
    unused = client.post(f"{API}/speakers", json={"name": "Nobody", "type": "group"}).get_json()
    assert client.delete(f"{API}/speakers/{unused['id']}").status_code == 204


def test_moving_a_claim_off_its_speakers_side_ends_the_membership(make_app, make_side_in, fetch_in):
    client = make_app(extractor=FakeExtractor(gazetteer=())).test_client()
    union = make_side_in(client, "Union")
    [first] = ingest(client, 'Reist said "first".', "2024-01-10")
    client.patch(f"{API}/claims/{first['id']}", json={"side_id": union["id"]})
    [taught] = ingest(client, 'Reist said "second".', "2024-02-10")
    assert taught["side_evidence"]["via"] == "speaker"
    client.patch(f"{API}/claims/{taught['id']}", json={"side_id": None})
    [membership] = fetch_in(client, f"speakers/{speaker_of(first)}")["memberships"]
    assert (membership["from"], membership["until"]) == (
        "2024-01-10T00:00:00.000Z",
        "2024-02-09T23:59:59.999Z",
    )
    [after] = ingest(client, 'Reist said "third".', "2024-03-10")
    assert after["side_id"] is None
    [between] = ingest(client, 'Reist said "earlier".', "2024-01-20")
    assert between["side_id"] == union["id"]
    # Moved to a membership that began that very day: it is dropped, not ended.
    client.patch(f"{API}/claims/{after['id']}", json={"side_id": union["id"]})
    [later] = ingest(client, 'Reist said "fourth".', "2024-03-10T00:00:00Z")
    assert later["side_id"] == union["id"]
    client.patch(f"{API}/claims/{later['id']}", json={"side_id": None})
    memberships = fetch_in(client, f"speakers/{speaker_of(first)}")["memberships"]
    assert [m["from"] for m in memberships] == ["2024-01-10T00:00:00.000Z"]


def test_a_duplicate_manual_claim_changes_no_speaker(client, make_article, make_claim, fetch):
    article = make_article()
    claim = make_claim(article, speaker={"name": "Tor Eriksen", "title": "pilot", "type": "person"})
    before = fetch(f"speakers/{speaker_of(claim)}")
    again = {
        "article_id": article["id"],
        "text": claim["text"],
        "kind": "indirect",
        "speaker": {"name": "Tor Eriksen", "title": "union president", "type": "person"},
    }
    assert client.post(f"{API}/claims", json=again).status_code == 409
    assert fetch(f"speakers/{speaker_of(claim)}") == before


def test_a_new_article_date_moves_its_speakers_first_and_last_seen(
    client, make_article, make_claim, fetch
):
    article = make_article(published_at="2024-01-05T00:00:00Z")
    claim = claim_by(make_claim, article, "Tor Eriksen")
    client.patch(f"{API}/articles/{article['id']}", json={"published_at": "2023-12-01T00:00:00Z"})
    speaker = fetch(f"speakers/{speaker_of(claim)}")
    assert speaker["first_seen"] == speaker["last_seen"] == "2023-12-01T00:00:00.000Z"
