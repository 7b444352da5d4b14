"""Deliveries to a local receiver: retries, signatures, order per resource, resuming."""

import datetime as dt
import json
import threading
import time
from unittest.mock import ANY

import pytest
from bson import ObjectId
from pymongo.errors import ServerSelectionTimeoutError
from standardwebhooks.webhooks import Webhook

from service.changes.feed import ChangeFeed
from service.changes.recording import ChangeRecorder
from service.changes.repository import ChangeRepository
from service.clock import utcnow
from service.db import ensure_indexes, is_in_memory
from service.webhooks.dispatcher import DeliverySettings, Dispatcher, next_attempt
from service.webhooks.outbox import DispatchCursorRepository, OutboxRepository
from service.webhooks.repository import WebhookRepository

FAST = DeliverySettings(timeout=1.0, retry_base=0.01, retry_max_delay=0.05, lease_margin=0.2)


class World:
    """Documents written through the change recorder, and dispatchers over them."""

    def __init__(self, database):
        mine = ("changes", "webhooks", "webhook_outbox", "webhook_deliveries")
        ensure_indexes(database, is_in_memory(database.client), mine)
        self.db = database
        self.changes = ChangeRepository(database)
        self.recorder = ChangeRecorder(self.changes)
        self.feed = ChangeFeed(self.changes, self.lookup)
        self.made: list[Dispatcher] = []

    def lookup(self, resource, doc_id):
        return self.db[resource].find_one({"_id": doc_id})

    @staticmethod
    def render(resource, doc):
        side = doc.get("side_id")
        return {"id": str(doc["_id"]), "version": doc["version"], "side_id": side and str(side)}

    def dispatcher(self, settings=FAST):
        made = Dispatcher(self.db, self.feed, self.lookup, self.render, settings)
        self.made.append(made)
        return made

    def upsert(self, resource, doc_id, **fields):
        current = self.db[resource].find_one({"_id": doc_id})
        version = current["version"] + 1 if current else 1
        with self.recorder.record(resource, doc_id, "upsert", version) as change:
            doc = {"version": version, "change_seq": change.seq, **fields}
            self.db[resource].update_one({"_id": doc_id}, {"$set": doc}, upsert=True)
        return version

    def delete(self, resource, doc_id):
        current = self.db[resource].find_one({"_id": doc_id})
        with self.recorder.record(resource, doc_id, "delete", current["version"]):
            self.db[resource].delete_one({"_id": doc_id})

    def hook(self, url, events=("*",), **fields):
        data = {"url": url, "events": list(events), **fields}
        return WebhookRepository(self.db).create(data)

    def drain(self, dispatcher, rounds=400):
        """Run rounds until nothing is pending in the outbox (and the feed is read)."""
        outbox = OutboxRepository(self.db).collection
        for _ in range(rounds):
            dispatcher.run_once()
            if not outbox.count_documents({"state": "pending"}) and dispatcher.fan_out() == 0:
                return
            time.sleep(0.01)
        raise AssertionError("the outbox did not drain")


@pytest.fixture
def world(database):
    made = World(database)
    yield made
    for dispatcher in made.made:
        dispatcher.close()


def delivered_in_order(requests):
    """The successful deliveries' (resource id, version) in arrival order."""
    out = []
    for request in requests:
        if request["answer"] == 200:
            data = json.loads(request["body"])["data"]
            out.append((data["id"], data.get("version")))
    return out


def test_failed_attempts_are_retried_signed_and_in_order(world, receiver_factory):
    receiver = receiver_factory(lambda msg_id, attempt: 500 if attempt <= 2 else 200)
    hook = world.hook(receiver.url)
    a, b = ObjectId(), ObjectId()
    dispatcher = world.dispatcher()
    for _ in range(3):
        world.upsert("claims", a)
        world.upsert("sides", b)
    assert dispatcher.fan_out() == 6
    world.delete("claims", a)
    world.drain(dispatcher)

    by_msg: dict[str, list] = {}
    for request in receiver.requests:
        by_msg.setdefault(request["msg_id"], []).append(request)
        payload = Webhook(hook["secret"]).verify(request["body"], request["headers"])
        assert payload["type"] in {
            "claim.created",
            "claim.updated",
            "claim.deleted",
            "side.created",
            "side.updated",
        }
    assert len(by_msg) == 7
    assert all([r["answer"] for r in attempts] == [500, 500, 200] for attempts in by_msg.values())
    types = [json.loads(r["body"])["type"] for r in receiver.requests if r["answer"] == 200]
    assert types.count("claim.created") == 1 and types.count("claim.deleted") == 1
    # Per resource: no attempt of a later change before the earlier one got through.
    for resource_id in (str(a), str(b)):
        seqs = [
            int(r["msg_id"].split("_")[1])
            for r in receiver.requests
            if json.loads(r["body"])["data"]["id"] == resource_id
        ]
        assert seqs == sorted(seqs)
    log = list(world.db.webhook_deliveries.find({"webhook_id": hook["_id"]}).sort("at", 1))
    assert len(log) == 21
    first = next(d for d in log if d["attempt"] == 1)
    assert first["status"] == "retrying" and first["response_code"] == 500
    assert first["next_retry_at"] > first["at"]
    assert {d["status"] for d in log if d["attempt"] == 3} == {"delivered"}


def test_a_hanging_receiver_is_cut_at_the_timeout_and_retried(world, receiver_factory):
    receiver = receiver_factory(lambda msg_id, attempt: ("hang", 1.5) if attempt == 1 else 200)
    hook = world.hook(receiver.url)
    world.upsert("sides", ObjectId())
    settings = DeliverySettings(timeout=0.3, retry_base=0.01, retry_max_delay=0.05)
    world.drain(world.dispatcher(settings))
    log = list(world.db.webhook_deliveries.find({"webhook_id": hook["_id"]}).sort("attempt", 1))
    assert [d["status"] for d in log] == ["retrying", "delivered"]
    assert log[0]["response_code"] is None and "Timeout" in log[0]["error"]
    assert log[0]["duration_ms"] < 1400


def test_a_killed_dispatcher_loses_nothing_and_duplicates_nothing(world, receiver_factory):
    receiver = receiver_factory()
    hook = world.hook(receiver.url)
    ids = [ObjectId() for _ in range(4)]
    for doc_id in ids:
        world.upsert("claims", doc_id)
    first = world.dispatcher()
    assert first.fan_out() == 4
    # Killed before saving its cursor, and while holding a lease on one entry mid-attempt.
    world.db[DispatchCursorRepository.collection_name].delete_many({})
    outbox = OutboxRepository(world.db)
    held = outbox.due(utcnow(), 1)[0]
    assert outbox.lease(held, utcnow() + dt.timedelta(seconds=0.5), utcnow())
    for doc_id in ids:
        world.upsert("claims", doc_id)

    world.drain(world.dispatcher())  # a new process, same database
    assert outbox.collection.count_documents({}) == 8  # fanned out again, stored once
    received = {r["msg_id"] for r in receiver.requests}
    assert len(received) == len(receiver.requests) == 8
    for request in receiver.requests:
        Webhook(hook["secret"]).verify(request["body"], request["headers"])
    versions = {}
    for resource_id, version in delivered_in_order(receiver.requests):
        assert versions.get(resource_id, 0) < version
        versions[resource_id] = version


def test_after_the_retry_window_the_delivery_fails_and_the_next_goes_out(world, receiver_factory):
    doomed = {}

    def plan(msg_id, attempt):
        doomed.setdefault("msg", msg_id)
        return 500 if msg_id == doomed["msg"] else 200

    receiver = receiver_factory(plan)
    hook = world.hook(receiver.url)
    doc_id = ObjectId()
    world.upsert("claims", doc_id)
    world.upsert("claims", doc_id)
    settings = DeliverySettings(timeout=1, retry_base=0.01, retry_max_delay=0.02, retry_window=0.1)
    world.drain(world.dispatcher(settings))
    log = list(world.db.webhook_deliveries.find({"webhook_id": hook["_id"]}).sort("at", 1))
    doomed_log = [d for d in log if d["msg_id"] == doomed["msg"]]
    assert doomed_log[-1]["status"] == "failed" and doomed_log[-1]["next_retry_at"] is None
    assert all(d["status"] == "retrying" for d in doomed_log[:-1])
    assert log[-1]["status"] == "delivered" and log[-1]["msg_id"] != doomed["msg"]


def test_events_and_filters_choose_the_deliveries(world, receiver_factory):
    receiver = receiver_factory()
    side, other = ObjectId(), ObjectId()
    world.hook(receiver.url, events=["claim.created"], filter={"side": side})
    world.upsert("claims", ObjectId(), side_id=side)  # wanted
    world.upsert("claims", ObjectId(), side_id=other)  # other side
    kept = ObjectId()
    world.upsert("claims", kept, side_id=side)  # wanted
    world.upsert("claims", kept, side_id=side)  # an update: not subscribed
    world.upsert("sides", side)  # not subscribed
    world.drain(world.dispatcher())
    types = [json.loads(r["body"])["type"] for r in receiver.requests]
    assert types == ["claim.created", "claim.created"]


def test_a_change_to_a_resource_deleted_before_fan_out_is_not_sent(world, receiver_factory):
    receiver = receiver_factory()
    world.hook(receiver.url)
    gone = ObjectId()
    world.upsert("claims", gone)
    world.delete("claims", gone)
    world.drain(world.dispatcher())
    assert [json.loads(r["body"]) for r in receiver.requests] == [
        {"type": "claim.deleted", "timestamp": ANY, "data": {"id": str(gone)}}
    ]


def test_a_webhook_gets_only_changes_made_after_it_exists(world, receiver_factory):
    receiver = receiver_factory()
    world.upsert("sides", ObjectId())
    time.sleep(0.01)
    world.hook(receiver.url)
    later = ObjectId()
    world.upsert("sides", later)
    world.drain(world.dispatcher())
    assert [json.loads(r["body"])["data"]["id"] for r in receiver.requests] == [str(later)]


def test_a_deleted_webhook_gets_nothing_more(world, receiver_factory):
    receiver = receiver_factory(lambda msg_id, attempt: 500)
    hook = world.hook(receiver.url)
    world.upsert("sides", ObjectId())
    dispatcher = world.dispatcher()
    dispatcher.run_once()
    world.db.webhooks.delete_one({"_id": hook["_id"]})
    time.sleep(0.05)
    world.drain(dispatcher)
    assert len(receiver.requests) == 1
    assert world.db.webhook_outbox.find_one()["state"] == "cancelled"


def test_the_backoff_doubles_up_to_its_cap_and_stops_after_the_window():
    settings = DeliverySettings(retry_base=5, retry_max_delay=3600, retry_window=86400)
    start = dt.datetime(2026, 1, 1)
    delays = []
    now, attempts = start, 1
    while (at := next_attempt(start, attempts, now, settings)) is not None:
        delays.append((at - now).total_seconds())
        now, attempts = at, attempts + 1
    assert delays[:5] == [5, 10, 20, 40, 80]
    assert max(delays) == 3600
    assert now - start <= dt.timedelta(hours=24)
    assert now - start > dt.timedelta(hours=23)


def test_run_forever_delivers_until_stopped_and_survives_an_outage(world, receiver_factory):
    receiver = receiver_factory()
    world.hook(receiver.url)
    dispatcher = world.dispatcher()
    real_fan_out, failures = dispatcher.fan_out, []

    def flaky_fan_out(limit=500):
        if not failures:
            failures.append(1)
            raise ServerSelectionTimeoutError("no server answered")
        if len(failures) == 1:
            failures.append(2)
            raise RuntimeError("a bug in one round")
        return real_fan_out(limit)

    dispatcher.fan_out = flaky_fan_out  # type: ignore[method-assign]
    stop = threading.Event()
    runner = threading.Thread(target=dispatcher.run_forever, args=(stop, 0.01))
    runner.start()
    try:
        world.upsert("sides", ObjectId())
        for _ in range(300):
            if receiver.requests:
                break
            time.sleep(0.01)
    finally:
        stop.set()
        runner.join(5)
    assert not runner.is_alive()
    assert failures == [1, 2] and len(receiver.requests) == 1


def test_fan_out_skips_ahead_when_it_fell_behind_the_retention(world, receiver_factory):
    receiver = receiver_factory()
    world.hook(receiver.url)
    for _ in range(3):
        world.upsert("sides", ObjectId())
    world.db.changes.update_many({}, {"$set": {"reserved_at": dt.datetime(2000, 1, 1)}})
    DispatchCursorRepository(world.db).advance(0)
    world.changes.prune(dt.datetime(2000, 2, 1))
    dispatcher = world.dispatcher()
    assert dispatcher.fan_out() == 0  # its cursor is gone: it moves to the oldest kept change
    assert dispatcher.fan_out() == 1  # then reads on from there: the one change kept
    assert DispatchCursorRepository(world.db).position() == 3
    assert OutboxRepository(world.db).collection.count_documents({}) == 1


def test_housekeeping_prunes_old_changes_once_an_hour(world):
    for _ in range(3):
        world.upsert("sides", ObjectId())
    world.db.changes.update_many({}, {"$set": {"reserved_at": dt.datetime(2000, 1, 1)}})
    dispatcher = world.dispatcher()
    dispatcher.housekeeping()
    assert world.db.changes.count_documents({}) == 1
    world.upsert("sides", ObjectId())
    world.db.changes.update_many({}, {"$set": {"reserved_at": dt.datetime(2000, 1, 1)}})
    dispatcher.housekeeping()  # within the hour: nothing
    assert world.db.changes.count_documents({}) == 2
