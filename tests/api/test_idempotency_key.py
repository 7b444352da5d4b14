"""Idempotency-Key on POST: replays, other bodies, requests in flight, scopes, expiry."""

import threading
import uuid

import pytest
from pymongo.errors import OperationFailure

from service.idempotency.repository import (
    IN_FLIGHT,
    MISMATCH,
    NEW,
    REPLAY,
    IdempotencyRepository,
)
from tests.doubles import NoClaimsExtractor

API = "/api/v1"
KEY = {"Idempotency-Key": "order-7f3a"}


@pytest.fixture
def database(mongo_client):
    """An empty database of the session's client."""
    name = f"claimdesk_test_{uuid.uuid4().hex[:12]}"
    yield mongo_client[name]
    mongo_client.drop_database(name)


class GatedExtractor(NoClaimsExtractor):
    """An extractor that holds its request until the test opens the gate."""

    def __init__(self):
        self.entered = threading.Event()
        self.gate = threading.Event()

    def extract(self, text, sides=None, auto_sides=True):
        self.entered.set()
        assert self.gate.wait(10)
        return super().extract(text, sides, auto_sides)


def test_the_same_key_and_body_replays_the_first_answer(client, db):
    first = client.post(f"{API}/sides", json={"name": "Freedonia"}, headers=KEY)
    again = client.post(f"{API}/sides", json={"name": "Freedonia"}, headers=KEY)
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert again.get_json() == first.get_json()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["ETag"] == first.headers["ETag"]
    assert db.sides.count_documents({}) == 1


def test_the_same_key_with_another_body_is_a_422(client, db, problem):
    client.post(f"{API}/sides", json={"name": "Freedonia"}, headers=KEY)
    body = problem(client.post(f"{API}/sides", json={"name": "Sylvania"}, headers=KEY), 422)
    assert "Idempotency-Key" in body["detail"]
    assert db.sides.count_documents({}) == 1
    # Another path (or query string) is another request too.
    problem(client.post(f"{API}/articles", json={"name": "Freedonia"}, headers=KEY), 422)


def test_an_error_answer_is_replayed_too(client, db):
    first = client.post(f"{API}/sides", json={"name": ""}, headers=KEY)
    again = client.post(f"{API}/sides", json={"name": ""}, headers=KEY)
    assert first.status_code == again.status_code == 422
    assert again.get_json() == first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"


def test_keys_are_scoped_to_the_caller(app, db):
    client = app.test_client()
    one, other = {"REMOTE_ADDR": "10.0.0.1"}, {"REMOTE_ADDR": "10.0.0.2"}
    first = client.post(f"{API}/sides", json={"name": "Freedonia"}, headers=KEY, environ_base=one)
    assert first.status_code == 201
    second = client.post(f"{API}/sides", json={"name": "Sylvania"}, headers=KEY, environ_base=other)
    assert second.status_code == 201
    assert "Idempotent-Replayed" not in second.headers
    assert db.sides.count_documents({}) == 2


def test_a_request_still_running_makes_a_retry_409(make_app, problem):
    extractor = GatedExtractor()
    app = make_app(extractor=extractor)
    article = {"title": "Talks", "body": 'Freedonia said "we will talk".'}
    answers = {}

    def first():
        answers["first"] = app.test_client().post(f"{API}/articles", json=article, headers=KEY)

    thread = threading.Thread(target=first)
    thread.start()
    assert extractor.entered.wait(10)
    retry = app.test_client().post(f"{API}/articles", json=article, headers=KEY)
    body = problem(retry, 409)
    assert "still running" in body["detail"]
    extractor.gate.set()
    thread.join(10)
    assert answers["first"].status_code == 201
    replay = app.test_client().post(f"{API}/articles", json=article, headers=KEY)
    assert replay.status_code == 201
    assert replay.get_json()["id"] == answers["first"].get_json()["id"]


def test_racing_retries_run_the_request_once(app, db):
    barrier = threading.Barrier(8)
    statuses = []

    def post():
        client = app.test_client()
        barrier.wait()
        response = client.post(f"{API}/sides", json={"name": "Freedonia"}, headers=KEY)
        statuses.append((response.status_code, response.headers.get("Idempotent-Replayed")))

    for _ in range(5):
        db.sides.delete_many({})
        db.idempotency_keys.delete_many({})
        statuses.clear()
        threads = [threading.Thread(target=post) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert db.sides.count_documents({}) == 1
        assert statuses.count((201, None)) == 1, statuses
        assert all(s in {(201, None), (201, "true"), (409, None)} for s in statuses), statuses


def test_an_expired_key_is_free_again(make_app, db_of):
    app = make_app({"IDEMPOTENCY_TTL_SECONDS": 0})
    client = app.test_client()
    assert client.post(f"{API}/sides", json={"name": "Freedonia"}, headers=KEY).status_code == 201
    again = client.post(f"{API}/sides", json={"name": "Sylvania"}, headers=KEY)
    assert again.status_code == 201
    assert db_of(app).sides.count_documents({}) == 2


def test_the_store_expires_records_with_a_ttl_index(client, db):
    client.post(f"{API}/sides", json={"name": "Freedonia"}, headers=KEY)
    indexes = db.idempotency_keys.index_information()
    ttl = [i for i in indexes.values() if "expireAfterSeconds" in i]
    assert ttl and ttl[0]["key"] == [("expires_at", 1)]
    record = db.idempotency_keys.find_one()
    assert 86399 <= (record["expires_at"] - record["created_at"]).total_seconds() <= 86400
    assert "order-7f3a" not in str(record["_id"])


def test_a_malformed_key_is_a_400_and_gets_nothing_done(client, db, problem):
    for key in ("", "a" * 256, "tab\there", "é"):
        response = client.post(
            f"{API}/sides", json={"name": "Freedonia"}, headers={"Idempotency-Key": key}
        )
        problem(response, 400)
    assert db.sides.count_documents({}) == 0


def test_without_a_key_posts_are_not_deduplicated(client, db, problem):
    assert client.post(f"{API}/sides", json={"name": "Freedonia"}).status_code == 201
    problem(client.post(f"{API}/sides", json={"name": "Freedonia"}), 409)
    assert db.idempotency_keys.count_documents({}) == 0


class DatabaseErrorExtractor(NoClaimsExtractor):
    """Fails the way a database error inside a request does: a 500."""

    def extract(self, text, sides=None, auto_sides=True):
        raise OperationFailure("the server refused")


def test_a_server_error_frees_the_key_for_a_retry(make_app, db_of):
    app = make_app(extractor=DatabaseErrorExtractor())
    client = app.test_client()
    article = {"title": "T", "body": "A story."}
    assert client.post(f"{API}/articles", json=article, headers=KEY).status_code == 500
    retry = client.post(f"{API}/articles", json=article, headers=KEY)
    assert retry.status_code == 500 and "Idempotent-Replayed" not in retry.headers
    assert db_of(app).idempotency_keys.count_documents({}) == 0


def test_a_stream_closed_before_its_end_frees_the_key(client, db):
    headers = {"Content-Type": "application/x-ndjson", **KEY}
    body = b'{"title": "One", "body": "First story."}\n'
    unread = client.post(f"{API}/articles/bulk", data=body, headers=headers, buffered=False)
    assert unread.status_code == 200
    unread.close()  # the client went away before reading the answer
    assert db.idempotency_keys.count_documents({}) == 0
    again = client.post(f"{API}/articles/bulk", data=body, headers=headers)
    assert again.status_code == 200 and "Idempotent-Replayed" not in again.headers


def test_a_key_whose_request_died_is_taken_over_after_its_lease(database):
    store = IdempotencyRepository(database, ttl_seconds=60, lease_seconds=0)
    first = store.claim("addr:1", "k", "f")
    assert first.outcome == NEW
    again = store.claim("addr:1", "k", "f")  # no answer, lease over: run it again
    assert again.outcome == NEW and again.record["token"] != first.record["token"]
    assert not store.finish(first.record, 201, {}, b"late")  # the first run lost the key
    assert store.finish(again.record, 201, {}, b"{}")
    assert store.claim("addr:1", "k", "f").outcome == REPLAY
    assert store.claim("addr:1", "k", "other").outcome == MISMATCH
    live = IdempotencyRepository(database, ttl_seconds=60, lease_seconds=60)
    assert live.claim("addr:2", "k", "f").outcome == NEW
    assert live.claim("addr:2", "k", "f").outcome == IN_FLIGHT
