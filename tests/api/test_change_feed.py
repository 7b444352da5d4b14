"""The change feed through the API: every write of every resource, in order, exactly once."""

import datetime
import random
import threading
import time

from service.changes.repository import ChangeRepository
from tests.consistency import run_writers_and_consumer

API = "/api/v1"


def follow(client, cursor=None, **params) -> tuple[list[dict], str]:
    """Every change after ``cursor`` (following ``next`` until a page is empty)."""
    items = []
    while True:
        query = {**params, **({"after": cursor} if cursor else {})}
        page = client.get(f"{API}/changes", query_string=query).get_json()
        items.extend(page["items"])
        if not page["items"]:
            return items, page["next"]
        cursor = page["next"]


def test_creates_changes_and_deletes_of_every_resource_arrive_in_order(
    client, make_side, make_article, make_claim
):
    side = make_side(name="Freedonia")
    article = make_article()
    claim = make_claim(article, side_id=side["id"])
    client.patch(f"{API}/claims/{claim['id']}", json={"tags": ["checked"]})
    client.delete(f"{API}/articles/{article['id']}")
    items, _ = follow(client, limit=2)
    assert [(i["resource"], i["id"], i["op"], i["version"]) for i in items] == [
        ("sides", side["id"], "upsert", 1),
        ("articles", article["id"], "upsert", 1),
        ("claims", claim["id"], "upsert", 1),
        ("claims", claim["id"], "upsert", 2),
        ("claims", claim["id"], "delete", 2),
        ("articles", article["id"], "delete", 1),
    ]
    cursors = [i["cursor"] for i in items]
    assert len(set(cursors)) == len(cursors)
    assert all(i["at"].endswith("Z") for i in items)


def test_a_cursor_resumes_after_its_change(client, make_side):
    make_side()
    first, cursor = follow(client)
    second_side = make_side()
    later, _ = follow(client, cursor)
    assert [i["id"] for i in later] == [second_side["id"]]
    again, _ = follow(client, first[0]["cursor"])
    assert [i["id"] for i in again] == [second_side["id"]]


def test_documents_and_resource_filters(client, make_side, make_article):
    side = make_side(name="Freedonia")
    article = make_article()
    client.patch(f"{API}/sides/{side['id']}", json={"description": "a duchy"})
    client.delete(f"{API}/articles/{article['id']}")
    items, _ = follow(client, include="document", resource="sides")
    assert [i["resource"] for i in items] == ["sides", "sides"]
    assert items[-1]["document"]["description"] == "a duchy"
    assert items[0]["document"]["version"] == 2  # the document as it is now
    articles, _ = follow(client, include="document", resource=["articles", "claims"])
    assert [(i["op"], i["document"]) for i in articles] == [("upsert", None), ("delete", None)]
    plain, _ = follow(client)
    assert all("document" not in i for i in plain)


def test_claims_found_by_extraction_and_removed_by_cascade_are_changes(extracting_client):
    client = extracting_client
    body = 'Freedonia said "we will talk".\n\nSylvania said "we will not".'
    article = client.post(f"{API}/articles", json={"title": "Talks", "body": body}).get_json()
    claims = client.get(f"{API}/articles/{article['id']}/claims").get_json()["items"]
    assert len(claims) == 2
    client.delete(f"{API}/articles/{article['id']}")
    items, _ = follow(client, resource="claims")
    ops = sorted((i["id"], i["op"]) for i in items)
    assert ops == sorted([(c["id"], op) for c in claims for op in ("upsert", "delete")])


def test_an_extracted_article_reaches_the_feed_done_and_counted(extracting_client):
    client = extracting_client
    body = 'Freedonia said "we will talk".\n\nSylvania said "we will not".'
    article = client.post(f"{API}/articles", json={"title": "Talks", "body": body}).get_json()
    assert (article["extraction"]["status"], article["claim_count"]) == ("done", 2)
    items, cursor = follow(client, resource="articles")
    # Each version once, the last one the finished run (written after the claims' recount).
    assert [i["version"] for i in items] == list(range(1, article["version"] + 1))
    stored = client.get(f"{API}/articles/{article['id']}").get_json()
    assert (stored["version"], stored["extraction"]) == (article["version"], article["extraction"])
    # Recounting with tickets and holding the claims lease are bookkeeping: no new version.
    response = client.post(
        f"{API}/claims", json={"article_id": article["id"], "text": "hello", "kind": "direct"}
    )
    assert response.status_code == 201
    after = client.get(f"{API}/articles/{article['id']}").get_json()
    assert (after["version"], after["claim_count"]) == (article["version"], 3)
    assert follow(client, cursor, resource="articles")[0] == []


def test_lists_take_updated_after_and_sort_by_updated_at(client, make_side, fetch):
    old = make_side(name="Old")
    time.sleep(0.005)
    newer = make_side(name="Newer")
    time.sleep(0.005)
    client.patch(f"{API}/sides/{old['id']}", json={"description": "touched"})
    touched = fetch(f"sides/{old['id']}")["updated_at"]
    listed = fetch(f"sides?updated_after={touched}")["items"]
    assert [s["id"] for s in listed] == [old["id"]]
    by_update = fetch("sides?sort=-updated_at")["items"]
    assert [s["id"] for s in by_update] == [old["id"], newer["id"]]
    for resource in ("articles", "claims"):
        assert fetch(f"{resource}?updated_after=2999-01-01&sort=updated_at")["items"] == []


def test_twenty_writers_and_a_polling_consumer(app):
    """Every change by 20 concurrent writers arrives exactly once, each resource in order."""
    writers, rounds = 20, 6
    barrier = threading.Barrier(writers + 1)
    expected: list = []
    done = threading.Event()

    def write(n):
        client, rng = app.test_client(), random.Random(n)
        barrier.wait()
        for i in range(rounds):
            side = client.post(f"{API}/sides", json={"name": f"w{n} r{i}"}).get_json()
            expected.append((side["id"], "upsert", 1))
            for version in range(2, 2 + rng.randint(0, 2)):
                patch = client.patch(
                    f"{API}/sides/{side['id']}", json={"color": f"#00000{version}"}
                )
                assert patch.status_code == 200
                expected.append((side["id"], "upsert", version))
            if rng.random() < 0.5:
                assert client.delete(f"{API}/sides/{side['id']}").status_code == 204
                expected.append((side["id"], "delete", None))

    seen: list = []

    def consume():
        client, cursor = app.test_client(), None
        barrier.wait()
        while True:
            finished = done.is_set()
            query = {"limit": 7, **({"after": cursor} if cursor else {})}
            page = client.get(f"{API}/changes", query_string=query).get_json()
            seen.extend(page["items"])
            cursor = page["next"]
            if finished and not page["items"]:
                return

    run_writers_and_consumer(write, writers, consume, done)
    got = [(i["id"], i["op"], i["version"] if i["op"] == "upsert" else None) for i in seen]
    assert len(got) == len(set(got)) == len(expected)
    assert sorted(got, key=str) == sorted(expected, key=str)
    last: dict = {}
    for doc_id, op, version in got:
        assert last.get(doc_id, (None, 0))[0] != "delete"
        assert op == "delete" or version > last.get(doc_id, (None, 0))[1]
        last[doc_id] = (op, version or 0)


def test_a_cursor_older_than_the_retention_is_gone(client, make_side, db, problem):
    for _ in range(3):
        make_side()
    items, _ = follow(client)
    month_ago = datetime.datetime(2000, 1, 1)
    db.changes.update_many({}, {"$set": {"reserved_at": month_ago}})
    assert ChangeRepository(db).prune(datetime.datetime(2000, 2, 1)) == 2
    body = problem(client.get(f"{API}/changes", query_string={"after": items[0]["cursor"]}), 410)
    assert "resync" in body["detail"]
    kept, _ = follow(client)
    assert [i["id"] for i in kept] == [items[2]["id"]]
    assert follow(client, items[1]["cursor"])[0] == kept
