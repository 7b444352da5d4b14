"""Concurrent first sight of one name, by ingests and manual claims at once, makes one speaker."""

import threading

import pytest
from bson import ObjectId

from service.clock import utcnow
from tests.api.conftest import FakeExtractor
from tests.consistency import InterposedClient, Interposer, run_together

API = "/api/v1"
ROUNDS = 12
INGESTS = 4
MANUAL = 2
STORE_SPEAKERS = 3_000  # a realistic registry: every lookup has to look past others


@pytest.fixture
def app(make_app, mongo_client, real_mongo):
    """An app whose speaker reads answer late, so a look-up-then-insert opens a wide window."""
    slow_reads = Interposer(slow={"speakers"}, read_delay=0.01)
    client = InterposedClient(mongo_client, slow_reads, in_memory=not real_mongo)
    return make_app(client=client, extractor=FakeExtractor(gazetteer=()))


def fill(db) -> None:
    """Other speakers, stored directly."""
    now = utcnow()
    db.speakers.insert_many(
        {
            "_id": ObjectId(),
            "name": f"Filler {n}",
            "name_key": f"filler {n}",
            "type": "place",
            "match_keys": [f"filler {n}"],
            "aliases": [],
            "titles": [],
            "memberships": [],
            "claim_count": 0,
            "created_at": now,
            "updated_at": now,
            "version": 1,
        }
        for n in range(STORE_SPEAKERS)
    )


def test_one_speaker_per_name_whoever_sees_it_first(app, db):
    fill(db)
    client = app.test_client()
    targets = [
        client.post(
            f"{API}/articles?extract=false", json={"title": f"t{n}", "body": f"Body {n}."}
        ).get_json()["id"]
        for n in range(MANUAL)
    ]
    barrier = threading.Barrier(INGESTS + MANUAL)
    for round_number in range(ROUNDS):
        name = f"Orator{round_number}"

        def ingest(n: int, name=name, r=round_number):
            body = f'{name} said "claim {r}.{n}".'
            return app.test_client().post(f"{API}/articles", json={"title": "t", "body": body})

        def manual(article_id: str, name=name, r=round_number):
            claim = {
                "article_id": article_id,
                "text": f"manual {r}",
                "kind": "direct",
                "speaker": {"name": name.upper(), "type": "place"},
            }
            return app.test_client().post(f"{API}/claims", json=claim)

        results = run_together(
            *(lambda n=n: ingest(n) for n in range(INGESTS)),
            *(lambda a=a: manual(a) for a in targets),
            rounds_barrier=barrier,
        )
        assert [r.status_code for r in results] == [201] * (INGESTS + MANUAL), results
        made = list(db.speakers.find({"name_key": name.casefold()}))
        assert len(made) == 1, (round_number, made)
        ids = {c["speaker"]["id"] for c in db.claims.find({"speaker_key": name.casefold()})}
        assert ids == {made[0]["_id"]}
        page = client.get(f"{API}/speakers/{made[0]['_id']}").get_json()
        assert page["claim_count"] == INGESTS + MANUAL
