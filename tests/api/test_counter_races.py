"""claim_count and side_ids stay exact while claims are created, moved and deleted at once."""

import itertools
import time

import pytest
from bson import ObjectId

from tests.consistency import (
    InterposedClient,
    Interposer,
    assert_consistent,
    assert_side_counts,
    run_together,
)

API = "/api/v1"
ROUNDS = 8
CREATES = 6  # spread over 150 ms, so some land inside the deletes' recounts
FILLER_CLAIMS = 500  # a realistic store: every recount has to look past other claims


def fill(db, article_id: ObjectId) -> None:
    """Claims of another article, stored directly."""
    db.claims.insert_many(
        {
            "article_id": article_id,
            "text": f"filler {n}",
            "side_id": None,
            "origin": "manual",
            "review": {"status": "unreviewed"},
        }
        for n in range(FILLER_CLAIMS)
    )


@pytest.fixture
def app(make_app, mongo_client, real_mongo):
    """An app whose reads of claims answer late, so a read-then-write opens a wide window."""
    slow_reads = Interposer(slow={"claims"}, read_delay=0.02)
    return make_app(client=InterposedClient(mongo_client, slow_reads, in_memory=not real_mongo))


def test_counters_exact_under_racing_creates_moves_and_deletes(
    app, client, db, make_side, make_article, make_claim
):
    red, blue = make_side(name="Red"), make_side(name="Blue")
    other = make_article()
    fill(db, ObjectId(other["id"]))
    article = make_article()
    article_id = ObjectId(article["id"])
    sides = itertools.cycle([red["id"], blue["id"], None])
    for _round in range(ROUNDS):
        doomed = [make_claim(article, side_id=next(sides), text=f"x{n}") for n in range(3)]
        moved = make_claim(article, side_id=red["id"])
        new_sides = [next(sides) for _ in range(CREATES)]

        def create(side_id, wait: float, text: str):
            time.sleep(wait)  # land inside the others' read-then-write windows
            return app.test_client().post(
                f"{API}/claims",
                json={"article_id": article["id"], "text": text, "kind": "direct",
                      "side_id": side_id},
            )  # fmt: skip

        results = run_together(
            *(lambda c=c: app.test_client().delete(f"{API}/claims/{c['id']}") for c in doomed),
            # Distinct statements: the same one twice is a 409 (API.md "Duplicates").
            *(
                lambda n=n, s=s, r=_round: create(s, 0.03 * n, f"new {r}.{n}")
                for n, s in enumerate(new_sides)
            ),
            lambda moved=moved: app.test_client().patch(
                f"{API}/claims/{moved['id']}", json={"side_id": blue["id"]}
            ),
        )
        assert [r.status_code for r in results] == [204] * 3 + [201] * CREATES + [200]
        assert_consistent(db, article_id)
        assert_side_counts(db)
    assert client.get(f"{API}/articles/{article_id}").get_json()["claim_count"] == ROUNDS * (
        1 + CREATES
    )
