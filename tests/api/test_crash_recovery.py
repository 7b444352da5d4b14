"""A process killed between an article's write and its claims' writes leaves no false 'done'."""

import time

import pytest
from bson import ObjectId
from pymongo.errors import AutoReconnect

from tests.api.conftest import FakeExtractor
from tests.consistency import InterposedClient, Interposer, Killed, assert_consistent, statements

API = "/api/v1"
# The dead run's hold on the article lapses after this; the restarted app then finishes it.
LEASE = {"EXTRACTION_LEASE_SECONDS": 1}
BODY = 'Alpha said "one". Beta said "two". Gamma said "three".'
NEW_BODY = 'Intro. Delta said "four". Alpha said "one".'


@pytest.fixture
def crash():
    """The switch: armed, the next write to the claims collection kills the request."""
    return Interposer(crash_on="claims")


@pytest.fixture
def crashing_app(make_app, mongo_client, real_mongo, crash, fake_extractor):
    """An app over a store that can 'kill the process' at a claims write."""
    client = InterposedClient(mongo_client, crash, in_memory=not real_mongo)
    return make_app(LEASE, client=client, extractor=fake_extractor)


def restart(make_app, db_of, app, extractor):
    """A new process on the same database (the killed one's store, without the switch)."""
    return make_app({**LEASE, "MONGO_DB": db_of(app).name}, extractor=extractor)


def settled(app, article_id) -> dict:
    """The article once the restarted app has settled its pending extraction."""
    deadline = time.monotonic() + 30
    while True:
        article = app.test_client().get(f"{API}/articles/{article_id}").get_json()
        if article["extraction"]["status"] != "pending" or time.monotonic() > deadline:
            return article
        time.sleep(0.05)


def test_killed_between_article_and_claims_is_pending_then_finished(
    crashing_app, crash, make_app, db_of, fake_extractor
):
    crash.armed = True
    with pytest.raises(Killed):
        crashing_app.test_client().post(f"{API}/articles", json={"title": "t", "body": BODY})
    db = db_of(crashing_app)
    stored = db.articles.find_one({})
    assert stored is not None  # the article write happened before the kill
    assert stored["extraction"]["status"] == "pending"  # not 'done' with no claims
    restarted = restart(make_app, db_of, crashing_app, fake_extractor)
    article = settled(restarted, stored["_id"])
    assert article["extraction"]["status"] == "done"
    assert article["claim_count"] == 3
    assert_consistent(db, stored["_id"], fake_extractor)


def test_killed_during_reextraction_is_pending_then_finished(
    crashing_app, crash, make_app, db_of, fake_extractor
):
    client = crashing_app.test_client()
    created = client.post(f"{API}/articles", json={"title": "t", "body": BODY}).get_json()
    article_id = ObjectId(created["id"])
    crash.armed = True
    with pytest.raises(Killed):
        client.patch(f"{API}/articles/{article_id}", json={"body": NEW_BODY})
    db = db_of(crashing_app)
    stored = db.articles.find_one({"_id": article_id})
    assert stored["body"] == NEW_BODY
    assert stored["extraction"]["status"] == "pending"
    restarted = restart(make_app, db_of, crashing_app, fake_extractor)
    article = settled(restarted, article_id)
    assert article["extraction"]["status"] == "done"
    assert article["claim_count"] == len(statements(fake_extractor, NEW_BODY)) == 2
    assert_consistent(db, article_id, fake_extractor)


def test_pending_extraction_without_an_extractor_is_marked_failed(
    crashing_app, crash, make_app, db_of
):
    crash.armed = True
    with pytest.raises(Killed):
        crashing_app.test_client().post(f"{API}/articles", json={"title": "t", "body": BODY})
    restarted = restart(make_app, db_of, crashing_app, None)
    db = db_of(restarted)
    stored = db.articles.find_one({})
    article = settled(restarted, stored["_id"])
    assert article["extraction"]["status"] == "failed"
    assert "interrupted" in article["extraction"]["error"]
    assert_consistent(db, stored["_id"])


def test_a_failed_claims_write_takes_the_article_back(make_app, mongo_client, real_mongo, db_of):
    failing = Interposer(crash_on="claims", crash=AutoReconnect("test: the connection dropped"))
    store = InterposedClient(mongo_client, failing, in_memory=not real_mongo)
    app = make_app(client=store, extractor=FakeExtractor())
    client = app.test_client()
    failing.armed = True
    response = client.post(f"{API}/articles", json={"title": "t", "body": BODY})
    assert response.status_code == 503
    assert db_of(app).articles.count_documents({}) == 0
    again = client.post(f"{API}/articles", json={"title": "t", "body": BODY})
    assert again.status_code == 201
    assert again.get_json()["claim_count"] == 3
