"""Re-extraction races: claims are only stored for the body they were extracted from."""

import threading

import pytest
from bson import ObjectId

from service.newsroom.context import current_ingest
from tests.consistency import (
    GatedExtractor,
    InterposedClient,
    Interposer,
    assert_consistent,
    run_together,
)

API = "/api/v1"
LONG = "HOLD " + " ".join(f'Alpha said "long {n}".' for n in range(12))
SHORT = 'Beta said "short one". Gamma said "short two".'


@pytest.fixture
def gated(fake_extractor):
    """The fake extractor, held on texts containing HOLD."""
    return GatedExtractor(fake_extractor)


@pytest.fixture
def store(mongo_client, real_mongo):
    """The test store, one call at a time (as MongoDB is per document)."""
    return InterposedClient(mongo_client, Interposer(), in_memory=not real_mongo)


@pytest.fixture
def setup(make_app, gated, db_of, store):
    """An app extracting with the gated extractor, and an article extracted from a first body."""
    app = make_app(client=store, extractor=gated)
    client = app.test_client()
    created = client.post(
        f"{API}/articles", json={"title": "t", "body": 'Delta said "first".'}
    ).get_json()
    return app, client, db_of(app), ObjectId(created["id"])


def in_thread(action) -> tuple[threading.Thread, list]:
    """Start ``action`` in a thread; its result lands in the returned list."""
    out: list = []
    thread = threading.Thread(target=lambda: out.append(action()))
    thread.start()
    return thread, out


def test_a_body_patch_overtaken_while_extracting_leaves_claims_of_the_stored_body(
    setup, gated, fake_extractor
):
    app, client, db, article_id = setup
    for round_ in range(4):
        gated.started.clear()
        gated.release.clear()
        long_body = f"{LONG} round {round_}"
        # A long body is patched first and is still extracting when a short one lands.
        slow, out = in_thread(
            lambda body=long_body: app.test_client().patch(
                f"{API}/articles/{article_id}", json={"body": body}
            )
        )
        assert gated.started.wait(10)
        quick = client.patch(f"{API}/articles/{article_id}", json={"body": f"{SHORT} {round_}"})
        assert quick.status_code == 200, quick.get_json()
        gated.release.set()
        slow.join()
        assert out[0].status_code < 500
        # Either may be the last write (the overtaken one retries); the claims follow it.
        assert db.articles.find_one({"_id": article_id})["body"] in {long_body, f"{SHORT} {round_}"}
        assert_consistent(db, article_id, fake_extractor)


def test_reextract_racing_a_body_patch_keeps_the_new_body_claims(setup, gated, fake_extractor):
    app, client, db, _article_id = setup
    for round_ in range(4):
        gated.started.clear()
        gated.release.clear()
        created = client.post(
            f"{API}/articles?extract=false", json={"title": "t", "body": f"{LONG} r{round_}"}
        ).get_json()
        article_id = ObjectId(created["id"])
        # Re-extraction of the long body is under way when the body changes.
        slow, out = in_thread(
            lambda a=article_id: app.test_client().post(f"{API}/articles/{a}/extract")
        )
        assert gated.started.wait(10)
        quick = client.patch(f"{API}/articles/{article_id}", json={"body": f"{SHORT} r{round_}"})
        assert quick.status_code == 200, quick.get_json()
        gated.release.set()
        slow.join()
        assert out[0].status_code < 500
        assert_consistent(db, article_id, fake_extractor)


def test_concurrent_body_edits_and_reextractions_settle_on_the_stored_body(
    make_app, fake_extractor, db_of, store
):
    # Extraction time grows with the text, as the real extractor's does.
    slow = GatedExtractor(fake_extractor, marker="\0never", delay_per_char=0.00015)
    app = make_app(client=store, extractor=slow)
    db = db_of(app)
    client = app.test_client()
    article = client.post(f"{API}/articles", json={"title": "t", "body": SHORT}).get_json()
    article_id = ObjectId(article["id"])
    url = f"{API}/articles/{article_id}"
    for round_ in range(12):
        long_body = LONG.replace("HOLD", f"Round {round_}.")
        results = run_together(
            lambda b=long_body: app.test_client().patch(url, json={"body": b}),
            lambda r=round_: app.test_client().patch(url, json={"body": f"{SHORT} {r}"}),
            lambda: app.test_client().post(f"{url}/extract"),
        )
        for result in results:
            assert not isinstance(result, Exception), result
            assert result.status_code < 500, result.get_json()
        assert_consistent(db, article_id, fake_extractor)


def test_reextracting_an_article_deleted_meanwhile_is_404_and_leaves_no_claims(
    setup, gated, problem
):
    app, client, db, article_id = setup
    db.articles.update_one({"_id": article_id}, {"$set": {"body": LONG}})
    slow, out = in_thread(lambda: app.test_client().post(f"{API}/articles/{article_id}/extract"))
    assert gated.started.wait(10)
    assert client.delete(f"{API}/articles/{article_id}").status_code == 204
    gated.release.set()
    slow.join()
    problem(out[0], 404)
    assert db.claims.count_documents({"article_id": article_id}) == 0


def test_a_claim_reviewed_while_it_is_re_extracted_is_only_moved(setup):
    app, client, db, article_id = setup
    stale = db.claims.find_one({"article_id": article_id})
    reviewed = client.patch(
        f"{API}/claims/{stale['_id']}", json={"review": {"status": "confirmed"}}
    ).get_json()
    moved = {"start": 0, "end": 5}
    with app.app_context():
        current_ingest()._update_in_place(stale, {"confidence": 0.1, "span": moved}, None)
    after = client.get(f"{API}/claims/{stale['_id']}").get_json()
    assert after["span"] == moved
    assert after["confidence"] == reviewed["confidence"]
    assert after["review"] == reviewed["review"]
    assert after["version"] == reviewed["version"] + 1
