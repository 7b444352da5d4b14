"""Speakers: create, read, change, delete, merge, list and filter."""

from bson import ObjectId

from service.speakers.repository import SpeakerRepository

API = "/api/v1"


def make_speaker(client, **fields) -> dict:
    """Create a speaker through the API and return its JSON."""
    fields.setdefault("type", "person")
    response = client.post(f"{API}/speakers", json=fields)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_create_returns_speaker_with_location_and_etag(client):
    response = client.post(
        f"{API}/speakers",
        json={"name": " Jen   Psaki ", "type": "person", "aliases": ["Psaki", "psaki"]},
    )
    assert response.status_code == 201
    speaker = response.get_json()
    assert speaker["name"] == "Jen Psaki"
    assert speaker["aliases"] == ["Psaki"]
    assert speaker["titles"] == [] and speaker["memberships"] == []
    assert (speaker["claim_count"], speaker["first_seen"], speaker["last_seen"]) == (0, None, None)
    assert speaker["version"] == 1
    assert response.headers["Location"].endswith(f"{API}/speakers/{speaker['id']}")
    assert response.headers["ETag"]
    assert client.get(response.headers["Location"]).get_json() == speaker


def test_unknown_or_malformed_speaker_is_404(client, problem):
    for path in (f"speakers/{'0' * 24}", "speakers/nope", f"speakers/{'0' * 24}/claims"):
        problem(client.get(f"{API}/{path}"), 404)
    problem(client.patch(f"{API}/speakers/{'0' * 24}", json={"name": "x"}), 404)
    problem(client.delete(f"{API}/speakers/{'0' * 24}"), 404)


def test_invalid_or_read_only_fields_are_422_and_not_stored(client, db, problem):
    for body in (
        {},
        {"name": "A"},
        {"name": "A", "type": "unknown"},
        {"name": " ", "type": "person"},
        {"name": "A", "type": "person", "claim_count": 3},
        {"name": "A", "type": "person", "nickname": "B"},
        {"name": "A", "type": "person", "memberships": [{"side_id": "x"}]},
    ):
        problem(client.post(f"{API}/speakers", json=body), 422)
    assert db.speakers.count_documents({}) == 0


def test_a_name_or_alias_belongs_to_one_speaker_of_a_type(client, problem):
    first = make_speaker(client, name="Jen Psaki", aliases=["Psaki"])
    clash = problem(client.post(f"{API}/speakers", json={"name": "PSAKI", "type": "person"}), 409)
    assert clash["existing_id"] == first["id"]
    assert make_speaker(client, name="Psaki", type="organization")["type"] == "organization"


def test_patch_is_a_merge_with_if_match(client, problem):
    speaker = make_speaker(client, name="Tor Eriksen", titles=["union president"])
    path = f"{API}/speakers/{speaker['id']}"
    etag = client.get(path).headers["ETag"]
    patched = client.patch(path, json={"aliases": ["Eriksen"]}, headers={"If-Match": etag})
    assert patched.status_code == 200
    body = patched.get_json()
    assert (body["aliases"], body["titles"], body["version"]) == (
        ["Eriksen"],
        ["union president"],
        2,
    )
    problem(client.patch(path, json={"aliases": []}, headers={"If-Match": etag}), 412)
    problem(client.patch(path, json={"first_seen": "2024-01-01"}), 422)


def test_memberships_are_validated(client, make_side, problem):
    side = make_side(name="Nordic Cockpit Union")
    speaker = make_speaker(client, name="Tor Eriksen")
    path = f"{API}/speakers/{speaker['id']}"
    backwards = {"side_id": side["id"], "from": "2024-05-01", "until": "2024-01-01"}
    assert (
        "memberships.0.until"
        in problem(client.patch(path, json={"memberships": [backwards]}), 422)["errors"]
    )
    missing = {"side_id": "0" * 24, "from": "2024-01-01"}
    assert (
        "memberships" in problem(client.patch(path, json={"memberships": [missing]}), 422)["errors"]
    )
    assert client.get(path).get_json()["version"] == 1
    good = {"side_id": side["id"], "from": "2024-01-01", "until": "2024-05-01T00:00:00Z"}
    stored = client.patch(path, json={"memberships": [good]}).get_json()["memberships"]
    assert stored == [
        {
            "side_id": side["id"],
            "from": "2024-01-01T00:00:00.000Z",
            "until": "2024-05-01T00:00:00.000Z",
            "source": "manual",
        }
    ]


def test_list_filters_q_side_and_type(client, make_side, fetch):
    union = make_side(name="Nordic Cockpit Union")
    make_speaker(client, name="Tor Eriksen", aliases=["The union boss"])
    make_speaker(
        client, name="Ingrid Solberg", memberships=[{"side_id": union["id"], "from": "2024-01-01"}]
    )
    make_speaker(client, name="Halvard Air", type="organization")

    def names(query: str) -> list[str]:
        return [s["name"] for s in fetch(f"speakers?{query}")["items"]]

    assert names("") == ["Halvard Air", "Ingrid Solberg", "Tor Eriksen"]
    assert names("q=tor") == ["Tor Eriksen"]
    assert names("q=THE%20UNION") == ["Tor Eriksen"]
    assert names("side=nordic-cockpit-union") == ["Ingrid Solberg"]
    assert names(f"side={union['id']}") == ["Ingrid Solberg"]
    assert names("side=nobody") == []
    assert names("type=organization") == ["Halvard Air"]
    assert names("type=person&type=organization&sort=-name") == [
        "Tor Eriksen",
        "Ingrid Solberg",
        "Halvard Air",
    ]


def test_list_pages_with_links(client):
    for n in range(5):
        make_speaker(client, name=f"Speaker {n}")
    response = client.get(f"{API}/speakers?per_page=2&page=2")
    body = response.get_json()
    assert (body["total"], body["pages"], len(body["items"])) == (5, 3, 2)
    assert response.headers["X-Total-Count"] == "5"
    assert 'rel="next"' in response.headers["Link"]


def test_bad_list_parameters_are_422(client, problem):
    for query in ("type=unknown", "sort=claim_count", "nope=1", "side[$ne]=x&q="):
        problem(client.get(f"{API}/speakers?{query}"), 422)


def test_speakers_are_in_the_change_feed(client):
    speaker = make_speaker(client, name="Tor Eriksen")
    client.patch(f"{API}/speakers/{speaker['id']}", json={"aliases": ["Eriksen"]})
    feed = client.get(f"{API}/changes?resource=speakers&include=document").get_json()
    assert [(c["id"], c["op"], c["version"]) for c in feed["items"]] == [
        (speaker["id"], "upsert", 1),
        (speaker["id"], "upsert", 2),
    ]
    assert feed["items"][-1]["document"]["aliases"] == ["Eriksen"]
    client.delete(f"{API}/speakers/{speaker['id']}")
    after = client.get(f"{API}/changes?resource=speakers&after={feed['next']}").get_json()
    assert [c["op"] for c in after["items"]] == ["delete"]


def test_the_root_lists_speakers(fetch):
    assert fetch("/api/v1")["resources"]["speakers"] == {"href": "/api/v1/speakers"}


def test_patch_to_another_speakers_name_or_alias_is_409(client, problem):
    make_speaker(client, name="Jen Psaki", aliases=["Psaki"])
    other = make_speaker(client, name="Tom Psaki")
    path = f"{API}/speakers/{other['id']}"
    problem(client.patch(path, json={"aliases": ["psaki"]}), 409)
    problem(client.patch(path, json={"name": "JEN PSAKI"}), 409)
    assert client.patch(path, json={"type": "group", "aliases": ["Psaki"]}).status_code == 200


def test_speaker_writes_to_a_deleted_speaker_change_nothing(app, db):
    with app.app_context():
        speakers = SpeakerRepository(db)
        gone = ObjectId()
        speakers.learn(gone, ["Alias"], ["title"], None)
        membership = {"side_id": ObjectId(), "from": None, "until": None, "source": "review"}
        speakers.add_membership(gone, membership, None)
        speakers.end_membership(gone, ObjectId(), membership["from"], None)
        assert speakers.count_ticket(gone) is None
    assert db.speakers.count_documents({}) == 0
