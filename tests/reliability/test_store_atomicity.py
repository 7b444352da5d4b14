"""The embedded store keeps MongoDB's single-document atomicity when threads race on it."""

import copy
import threading

import pytest
from bson import ObjectId

from tests.consistency import DISJOINT_PATCHES

API = "/api/v1"
STORE_SIZE = 10_000
ROUNDS = 8
WRITERS = 4


@pytest.fixture
def crowded(app, db):
    """An app whose store holds an article and 10,000 claims; returns (client, claim ids)."""
    client = app.test_client()
    article = client.post(
        f"{API}/articles?extract=false", json={"title": "Crowded", "body": "Words. " * 50}
    ).get_json()
    seed = client.post(
        f"{API}/claims", json={"article_id": article["id"], "text": "Words.", "kind": "direct"}
    ).get_json()
    template = db.claims.find_one({"_id": ObjectId(seed["id"])})
    copies = []
    for _ in range(STORE_SIZE - 1):
        doc = copy.deepcopy(template)
        doc["_id"] = ObjectId()
        copies.append(doc)
    db.claims.insert_many(copies)
    assert db.claims.count_documents({}) == STORE_SIZE
    return app, [seed["id"], *(str(d["_id"]) for d in copies[-ROUNDS:])]


def race(app, requests: list) -> list:
    """Send each (method, path, kwargs) from its own thread, all released at once."""
    barrier = threading.Barrier(len(requests))
    responses = [None] * len(requests)

    def send(index, method, path, kwargs):
        client = app.test_client()
        barrier.wait()
        responses[index] = client.open(path, method=method, **kwargs)

    threads = [
        threading.Thread(target=send, args=(i, *request)) for i, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return responses


def test_parallel_patches_of_different_fields_lose_nothing(crowded):
    app, claim_ids = crowded
    client = app.test_client()
    for round_number in range(ROUNDS):
        path = f"{API}/claims/{claim_ids[round_number % len(claim_ids)]}"
        before = client.get(path).get_json()
        patches = [make(round_number) for make in DISJOINT_PATCHES[:WRITERS]]
        responses = race(app, [("PATCH", path, {"json": patch}) for patch in patches])
        assert [r.status_code for r in responses] == [200] * WRITERS, [
            r.get_json() for r in responses
        ]
        after = client.get(path).get_json()
        for patch in patches:
            for field, value in patch.items():
                got = after[field]
                if isinstance(value, dict):  # the service adds the resolved speaker's id
                    got = {key: got[key] for key in value}
                assert got == value, (round_number, field, after[field], value)
        assert after["version"] == before["version"] + WRITERS


def test_one_if_match_admits_exactly_one_write(crowded):
    app, claim_ids = crowded
    client = app.test_client()
    for round_number in range(ROUNDS):
        path = f"{API}/claims/{claim_ids[round_number % len(claim_ids)]}"
        etag = client.get(path).headers["ETag"]
        requests = [
            ("PATCH", path, {"json": make(round_number), "headers": {"If-Match": etag}})
            for make in DISJOINT_PATCHES[:WRITERS]
        ]
        statuses = sorted(r.status_code for r in race(app, requests))
        assert statuses == [200] + [412] * (WRITERS - 1), (round_number, statuses)


def test_deleting_an_article_while_its_claims_change_never_fails(app, db):
    client = app.test_client()
    for round_number in range(ROUNDS):
        article = client.post(
            f"{API}/articles?extract=false",
            json={"title": f"Doomed {round_number}", "body": "Words. " * 50},
        ).get_json()
        claim_ids = [
            client.post(
                f"{API}/claims",
                # Distinct statements: the same one twice is a 409 (API.md "Duplicates").
                json={"article_id": article["id"], "text": f"Words {n}.", "kind": "direct"},
            ).get_json()["id"]
            for n in range(WRITERS - 1)
        ]
        requests = [("DELETE", f"{API}/articles/{article['id']}", {})]
        requests += [
            ("PATCH", f"{API}/claims/{claim_id}", {"json": {"cue": "changed"}})
            for claim_id in claim_ids
        ]
        statuses = [r.status_code for r in race(app, requests)]
        assert statuses[0] == 204
        assert all(status in (200, 404) for status in statuses[1:]), statuses
        assert db.claims.count_documents({"article_id": ObjectId(article["id"])}) == 0


def test_delete_many_racing_writes_on_the_same_documents_never_raises(app, db):
    """mongomock's delete_many raised KeyError when a document went away under it."""
    article_id = ObjectId()
    failures = []

    def run(action, barrier):
        try:
            barrier.wait()
            action()
        except Exception as exc:  # any exception here is the bug being tested
            failures.append(repr(exc))

    for round_number in range(ROUNDS * 5):
        docs = [{"article_id": article_id, "n": n, "version": 1} for n in range(400)]
        db.claims.insert_many(docs)
        actions = [
            lambda: db.claims.delete_many({"article_id": article_id}),
            lambda: db.claims.delete_many({"article_id": article_id, "n": {"$lt": 200}}),
            lambda: db.claims.update_many({"article_id": article_id}, {"$inc": {"version": 1}}),
            lambda: db.claims.delete_many({"article_id": article_id, "n": {"$gte": 100}}),
        ]
        barrier = threading.Barrier(len(actions))
        threads = [threading.Thread(target=run, args=(a, barrier)) for a in actions]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        db.claims.delete_many({"article_id": article_id})
        assert failures == [], (round_number, failures[:3])
        assert db.claims.count_documents({"article_id": article_id}) == 0
