"""Webhooks end to end: API writes reach a local receiver, signed, via deliver or the thread."""

import json
import time

import pytest
from standardwebhooks.webhooks import Webhook

from service.webhooks.commands import start_background
from tests.receiver import Receiver

API = "/api/v1"
SETTINGS = {
    "WEBHOOKS_ALLOW_LOOPBACK_HTTP": True,
    "WEBHOOK_TIMEOUT_SECONDS": 2,
    "WEBHOOK_RETRY_BASE_SECONDS": 0.01,
    "WEBHOOK_RETRY_MAX_DELAY_SECONDS": 0.05,
}


@pytest.fixture
def receiver():
    made = Receiver(lambda msg_id, attempt: 200)
    yield made
    made.close()


def subscribe(client, receiver, **fields) -> dict:
    body = {"url": receiver.url, "events": ["*"], **fields}
    response = client.post(f"{API}/webhooks", json=body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_deliver_sends_signed_api_representations(make_app, receiver):
    app = make_app(SETTINGS)
    client = app.test_client()
    hook = subscribe(client, receiver, events=["claim.created", "side.updated"])
    side = client.post(f"{API}/sides", json={"name": "Freedonia"}).get_json()
    client.patch(f"{API}/sides/{side['id']}", json={"description": "a duchy"})
    article = client.post(
        f"{API}/articles?extract=false", json={"title": "T", "body": "Freedonia spoke."}
    ).get_json()
    claim = client.post(
        f"{API}/claims", json={"article_id": article["id"], "text": "spoke", "kind": "position"}
    ).get_json()

    result = app.test_cli_runner().invoke(args=["deliver", "--once"])
    assert result.exit_code == 0, result.output

    payloads = [Webhook(hook["secret"]).verify(r["body"], r["headers"]) for r in receiver.requests]
    assert [p["type"] for p in payloads] == ["side.updated", "claim.created"]
    assert payloads[1]["data"] == client.get(f"{API}/claims/{claim['id']}").get_json()
    assert payloads[0]["data"]["description"] == "a duchy"
    log = client.get(f"{API}/webhooks/{hook['id']}/deliveries").get_json()
    assert log["total"] == 2
    assert {(d["status"], d["response_code"], d["attempt"]) for d in log["items"]} == {
        ("delivered", 200, 1)
    }
    assert all(json.loads(r["body"])["timestamp"].endswith("Z") for r in receiver.requests)


def test_speaker_events_carry_the_registry_representation(make_app, receiver):
    app = make_app(SETTINGS)
    client = app.test_client()
    hook = subscribe(client, receiver, events=["speaker.created", "speaker.deleted"])
    article = client.post(
        f"{API}/articles?extract=false", json={"title": "T", "body": "Ida Berg spoke."}
    ).get_json()
    speaker = {"name": "Ida Berg", "title": None, "type": "person"}
    claim = client.post(
        f"{API}/claims",
        json={"article_id": article["id"], "text": "spoke", "kind": "position", "speaker": speaker},
    ).get_json()
    speaker_id = claim["speaker"]["id"]
    created = client.get(f"{API}/speakers/{speaker_id}").get_json()
    deliver = app.test_cli_runner().invoke
    assert deliver(args=["deliver", "--once"]).exit_code == 0
    assert client.delete(f"{API}/speakers/{speaker_id}?force=true").status_code == 204
    assert deliver(args=["deliver", "--once"]).exit_code == 0

    payloads = [Webhook(hook["secret"]).verify(r["body"], r["headers"]) for r in receiver.requests]
    assert [p["type"] for p in payloads] == ["speaker.created", "speaker.deleted"]
    assert payloads[0]["data"]["id"] == speaker_id
    assert payloads[0]["data"]["name"] == created["name"] == "Ida Berg"
    assert payloads[1]["data"]["id"] == speaker_id


def test_the_served_app_delivers_from_a_background_thread(make_app, receiver):
    app = make_app({**SETTINGS, "WEBHOOKS_DISPATCHER": "thread"})
    client = app.test_client()
    subscribe(client, receiver, filter={"article_id": None, "side": None})
    stop = start_background(app)
    assert stop is not None
    try:
        side = client.post(f"{API}/sides", json={"name": "Freedonia"}).get_json()
        for _ in range(200):
            if receiver.requests:
                break
            time.sleep(0.05)
        assert [json.loads(r["body"])["data"]["id"] for r in receiver.requests] == [side["id"]]
    finally:
        stop.set()


def test_no_thread_unless_asked(make_app):
    assert start_background(make_app({"WEBHOOKS_DISPATCHER": "off"})) is None
