"""Claims: manual create, merge patch, review, delete, list filters, sort and paging."""

import re

import pytest
from bson import ObjectId

from service.claims.repository import ClaimRepository

API = "/api/v1"
MISSING = object()


def ids(page: dict) -> list[str]:
    return [item["id"] for item in page["items"]]


# ----- create -----


def test_manual_claim_defaults(client, make_article):
    article = make_article(published_at="2021-06-16T10:00:00Z")
    response = client.post(
        f"{API}/claims",
        json={"article_id": article["id"], "text": "taxes will fall next year", "kind": "indirect"},
    )
    assert response.status_code == 201
    claim = response.get_json()
    assert claim["origin"] == "manual"
    assert claim["confidence"] == 1
    assert claim["span"] == {
        "start": article["body"].index("taxes will fall"),
        "end": article["body"].index("taxes will fall") + len("taxes will fall next year"),
    }
    assert claim["speaker"] == {"name": None, "title": None, "type": "unknown", "id": None}
    assert claim["review"]["status"] == "unreviewed"
    assert claim["review"]["reviewed_at"] is None
    assert claim["side_id"] is None
    assert claim["cue"] is None
    assert claim["speaker_span"] is None
    assert claim["tags"] == []
    assert claim["published_at"] == "2021-06-16T10:00:00.000Z"
    assert claim["version"] == 1
    assert response.headers["Location"].endswith(f"{API}/claims/{claim['id']}")
    assert response.headers["ETag"] == client.get(response.headers["Location"]).headers["ETag"]


def test_manual_claim_text_not_in_body_has_no_span(make_article, make_claim):
    claim = make_claim(make_article(), text="words nobody wrote")
    assert claim["span"] is None


def test_manual_claim_keeps_given_fields(make_side, make_article, make_claim):
    side = make_side()
    article = make_article()
    claim = make_claim(
        article,
        text="This budget is a fantasy",
        kind="direct",
        speaker={"name": "Jane Doe", "title": "economist", "type": "person"},
        side_id=side["id"],
        cue="said",
        span={"start": 0, "end": 5},
        speaker_span={"start": 5, "end": 10},
        confidence=0.5,
        tags=["budget"],
        review={"status": "confirmed", "note": "checked"},
    )
    assert claim["speaker"].pop("id")  # resolved to a speaker: see test_speakers_api.py
    assert claim["speaker"] == {"name": "Jane Doe", "title": "economist", "type": "person"}
    assert claim["side_id"] == side["id"]
    assert claim["span"] == {"start": 0, "end": 5}
    assert claim["speaker_span"] == {"start": 5, "end": 10}
    assert claim["tags"] == ["budget"]
    assert claim["review"]["status"] == "confirmed"
    assert claim["review"]["note"] == "checked"
    assert claim["review"]["reviewed_at"].endswith("Z")


INVALID_CLAIMS = [
    ({"article_id": MISSING, "text": "x", "kind": "direct"}, "article_id"),
    ({"article_id": None, "text": "x", "kind": "direct"}, "article_id"),
    ({"article_id": "nope", "text": "x", "kind": "direct"}, "article_id"),
    ({"article_id": 12, "text": "x", "kind": "direct"}, "article_id"),
    ({"text": "", "kind": "direct"}, "text"),
    ({"text": " ", "kind": "direct"}, "text"),
    ({"text": "x" * 5001, "kind": "direct"}, "text"),
    ({"text": "x"}, "kind"),
    ({"text": "x", "kind": "rumour"}, "kind"),
    ({"text": "x", "kind": "direct", "confidence": 1.5}, "confidence"),
    ({"text": "x", "kind": "direct", "span": {"start": 5, "end": 5}}, "span.end"),
    ({"text": "x", "kind": "direct", "span": {"start": -1, "end": 5}}, "span.start"),
    ({"text": "x", "kind": "direct", "speaker": {"type": "alien"}}, "speaker.type"),
    ({"text": "x", "kind": "direct", "speaker": {"age": 3}}, "speaker.age"),
    ({"text": "x", "kind": "direct", "review": {"status": "maybe"}}, "review.status"),
    ({"text": "x", "kind": "direct", "review": {"reviewed_at": "2021-01-01"}}, "review"),
    ({"text": "x", "kind": "direct", "side_id": "0" * 23}, "side_id"),
    ({"text": "x", "kind": "direct", "origin": "manual"}, "origin"),
    ({"text": "x", "kind": "direct", "published_at": None}, "published_at"),
    ({"text": "x", "kind": "direct", "id": "0" * 24}, "id"),
    ({"text": "x", "kind": "direct", "version": 3}, "version"),
    ({"text": "x", "kind": "direct", "colour": "red"}, "colour"),
    ({"text": "x", "kind": "direct", "tags": [""]}, "tags"),
]


def test_invalid_claim_is_422_naming_field(client, db, make_article, problem):
    article = make_article()
    for template, field in INVALID_CLAIMS:
        body = {"article_id": article["id"], **template}
        if body["article_id"] is MISSING:
            del body["article_id"]
        result = problem(client.post(f"{API}/claims", json=body), 422)
        names = result["errors"]
        assert any(name == field or name.startswith(f"{field}.") for name in names), result
    assert db.claims.count_documents({}) == 0


def test_claim_references_must_exist(client, db, make_article, problem):
    article = make_article()
    missing = str(ObjectId())
    body = {"article_id": missing, "text": "x", "kind": "direct"}
    assert "article_id" in problem(client.post(f"{API}/claims", json=body), 422)["errors"]
    body = {"article_id": article["id"], "text": "x", "kind": "direct", "side_id": missing}
    assert "side_id" in problem(client.post(f"{API}/claims", json=body), 422)["errors"]
    assert db.claims.count_documents({}) == 0


def test_span_past_body_end_is_422(client, db, make_article, problem):
    article = make_article(body="short body")
    for field in ("span", "speaker_span"):
        body = {"article_id": article["id"], "text": "x", "kind": "direct"}
        body[field] = {"start": 0, "end": len("short body") + 1}
        assert field in problem(client.post(f"{API}/claims", json=body), 422)["errors"]
    ok = {"article_id": article["id"], "text": "body", "kind": "direct"}
    ok["span"] = {"start": 6, "end": 10}
    assert client.post(f"{API}/claims", json=ok).status_code == 201
    assert db.claims.count_documents({}) == 1


# ----- patch, review, delete -----


def test_patch_merges_speaker_and_review(client, make_article, make_claim):
    claim = make_claim(
        make_article(), speaker={"name": "Jane Doe", "title": "economist", "type": "person"}
    )
    response = client.patch(
        f"{API}/claims/{claim['id']}",
        json={"speaker": {"title": None}, "review": {"note": "look again"}},
    )
    assert response.status_code == 200
    patched = response.get_json()
    assert patched["speaker"].pop("id")
    assert patched["speaker"] == {"name": "Jane Doe", "title": None, "type": "person"}
    assert patched["review"]["note"] == "look again"
    assert patched["review"]["status"] == "unreviewed"
    assert patched["review"]["reviewed_at"] is None
    assert patched["version"] == 2
    assert patched["text"] == claim["text"]


def test_patch_null_clears_optional_fields(client, make_side, make_article, make_claim):
    claim = make_claim(
        make_article(),
        side_id=make_side()["id"],
        cue="said",
        tags=["x"],
        speaker_span={"start": 0, "end": 3},
        speaker={"name": "Jane", "type": "person"},
    )
    patched = client.patch(
        f"{API}/claims/{claim['id']}",
        json={"side_id": None, "cue": None, "tags": None, "span": None, "speaker_span": None},
    ).get_json()
    assert (patched["side_id"], patched["cue"], patched["tags"]) == (None, None, [])
    assert (patched["span"], patched["speaker_span"]) == (None, None)
    speakerless = client.patch(f"{API}/claims/{claim['id']}", json={"speaker": None}).get_json()
    assert speakerless["speaker"] == {"name": None, "title": None, "type": "unknown", "id": None}
    assert client.get(f"{API}/claims?speaker=jane").get_json()["total"] == 0


def test_review_status_change_sets_reviewed_at(client, make_article, make_claim):
    claim = make_claim(make_article())
    reviewed = client.patch(
        f"{API}/claims/{claim['id']}", json={"review": {"status": "rejected", "note": "n"}}
    ).get_json()
    assert reviewed["review"]["status"] == "rejected"
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", reviewed["review"]["reviewed_at"])
    assert reviewed["review"]["reviewed_at"] >= claim["updated_at"]


BAD_PATCHES = [
    {"article_id": "0" * 24},
    {"origin": "extracted"},
    {"published_at": "2021-01-01"},
    {"review": {"reviewed_by": "me"}},
    {"kind": None},
    {"text": None},
    {"confidence": None},
    {"review": None},
    {"whatever": 1},
]


def test_patch_invalid_is_422_and_changes_nothing(client, make_article, make_claim, problem):
    claim = make_claim(make_article())
    for body in BAD_PATCHES:
        result = problem(client.patch(f"{API}/claims/{claim['id']}", json=body), 422)
        assert next(iter(body)) in {name.split(".")[0] for name in result["errors"]}, body
    assert client.get(f"{API}/claims/{claim['id']}").get_json() == claim


def test_patch_side_or_span_must_be_valid(client, make_article, make_claim, problem):
    claim = make_claim(make_article(body="tiny"), text="tiny")
    missing = {"side_id": str(ObjectId())}
    assert (
        "side_id"
        in problem(client.patch(f"{API}/claims/{claim['id']}", json=missing), 422)["errors"]
    )
    too_far = {"span": {"start": 0, "end": 99}}
    assert (
        "span" in problem(client.patch(f"{API}/claims/{claim['id']}", json=too_far), 422)["errors"]
    )
    assert client.get(f"{API}/claims/{claim['id']}").get_json() == claim


def test_delete_claim(client, db, make_article, make_claim, problem):
    claim = make_claim(make_article())
    assert client.delete(f"{API}/claims/{claim['id']}").status_code == 204
    problem(client.get(f"{API}/claims/{claim['id']}"), 404)
    problem(client.delete(f"{API}/claims/{claim['id']}"), 404)
    problem(client.patch(f"{API}/claims/{claim['id']}", json={"cue": "x"}), 404)
    assert db.claims.count_documents({}) == 0


# ----- filters -----


@pytest.fixture
def corpus(make_side, make_article, make_claim):
    """Two sides, three articles, six claims with varied fields."""
    red = make_side(name="Red Party", aliases=["Reds"])
    blue = make_side(name="Blue Party")
    a1 = make_article(published_at="2021-06-15T23:00:00Z")
    a2 = make_article(published_at="2021-06-16T00:00:00Z")
    a3 = make_article(published_at="2021-06-17")
    claims = {
        "r1": make_claim(a1, side_id=red["id"], kind="direct", confidence=0.9,
                         speaker={"name": "Jane Doe"}, tags=["tax"]),
        "r2": make_claim(a2, side_id=red["id"], kind="indirect", confidence=0.4,
                         speaker={"name": "JANE  doe"}, review={"status": "confirmed"}),
        "b1": make_claim(a2, side_id=blue["id"], kind="position", confidence=0.6,
                         speaker={"name": "John Roe"}, tags=["tax", "war"]),
        "b2": make_claim(a3, side_id=blue["id"], kind="direct", confidence=0.7,
                         review={"status": "rejected"}),
        "n1": make_claim(a3, kind="position", confidence=0.2, tags=["war"]),
        "n2": make_claim(a1, kind="indirect"),
    }  # fmt: skip
    return {"red": red, "blue": blue, "a1": a1, "a2": a2, "a3": a3, **claims}


CLAIM_FILTERS = [
    ("article_id={a2}", ["r2", "b1"]),
    ("article_id={a2}&article_id={a3}", ["r2", "b1", "b2", "n1"]),
    ("side={red}", ["r1", "r2"]),
    ("side=red-party", ["r1", "r2"]),
    ("side=none", ["n1", "n2"]),
    ("side=red-party&side=none", ["r1", "r2", "n1", "n2"]),
    ("side={red}&side=blue-party", ["r1", "r2", "b1", "b2"]),
    ("side=reds", []),
    ("side=nobody", []),
    ("speaker=jane%20doe", ["r1", "r2"]),
    ("speaker=JOHN%20ROE&speaker=Jane%20Doe", ["r1", "r2", "b1"]),
    ("speaker=jane", []),
    ("kind=direct", ["r1", "b2"]),
    ("kind=direct&kind=position", ["r1", "b1", "b2", "n1"]),
    ("origin=manual", ["r1", "r2", "b1", "b2", "n1", "n2"]),
    ("origin=extracted", []),
    ("review_status=unreviewed", ["r1", "b1", "n1", "n2"]),
    ("review_status=confirmed&review_status=rejected", ["r2", "b2"]),
    ("tag=tax", ["r1", "b1"]),
    ("tag=tax&tag=war", ["r1", "b1", "n1"]),
    ("min_confidence=0.6", ["r1", "b1", "b2", "n2"]),
    ("min_confidence=1", ["n2"]),
    ("published_after=2021-06-16", ["r2", "b1", "b2", "n1"]),
    ("published_after=2021-06-16T00:00:00%2B02:00", ["r1", "r2", "b1", "b2", "n1", "n2"]),
    ("published_before=2021-06-16", ["r1", "n2"]),
    ("published_after=2021-06-16&published_before=2021-06-17", ["r2", "b1"]),
    ("side=blue-party&kind=direct", ["b2"]),
    ("side=none&tag=war&min_confidence=0.1", ["n1"]),
    ("article_id={a2}&side={blue}&speaker=john%20roe&kind=position&tag=war", ["b1"]),
    ("speaker=jane%20doe&review_status=confirmed&published_after=2021-06-16", ["r2"]),
    ("kind=direct&published_before=2021-06-16", ["r1"]),
]


def test_claim_filters(fetch, corpus):
    names = {key: value["id"] for key, value in corpus.items()}
    for query, expected in CLAIM_FILTERS:
        page = fetch(f"claims?per_page=100&{query.format(**names)}")
        assert sorted(ids(page)) == sorted(names[key] for key in expected), query
        assert page["total"] == len(expected), query


def test_claim_published_at_range_with_side_claims(fetch, corpus):
    page = fetch(f"sides/{corpus['blue']['id']}/claims?published_after=2021-06-17")
    assert ids(page) == [corpus["b2"]["id"]]


def test_full_text_q(fetch, corpus, db):
    # The same answers from MongoDB's $text and from the in-memory store's in-process match.
    # Each article's first claim is its "taxes" statement (two of one article would be a 409).
    taxes = sorted(corpus[key]["id"] for key in ("r1", "r2", "b2"))
    page = fetch("claims?q=taxes&per_page=100")
    assert page["total"] == 3 and sorted(ids(page)) == taxes
    assert sorted(ids(fetch("claims?q=TAX&per_page=100"))) == taxes  # stemmed, case-insensitive
    assert fetch("claims?q=zebra")["total"] == 0
    direct = fetch("claims?q=taxes&kind=direct&per_page=100")
    assert sorted(ids(direct)) == sorted(corpus[key]["id"] for key in ("r1", "b2"))
    query = ClaimRepository(db).query({"q": "taxes", "kind": ["direct"]})
    assert query["$text"] == {"$search": "taxes"}
    assert query["kind"] == "direct"


# ----- sort and paging -----


def test_sorts_and_ties_break_on_id(fetch, corpus):
    ranked = fetch("claims?sort=-confidence&per_page=100")
    confidences = [c["confidence"] for c in ranked["items"]]
    assert confidences == sorted(confidences, reverse=True)
    ascending = fetch("claims?sort=confidence&per_page=100")
    assert ids(ascending) == ids(ranked)[::-1]
    by_date = fetch("claims?sort=published_at,-confidence&per_page=100")["items"]
    keys = [(c["published_at"], -c["confidence"]) for c in by_date]
    assert keys == sorted(keys)


def test_stable_order_across_pages_with_ties(client, make_article, make_claim, fetch):
    article = make_article()
    start = article["body"].index("taxes")
    # Ties on span.start and confidence, yet seven statements: one speaker and end each.
    made = [
        make_claim(
            article,
            text="taxes will fall next year",
            speaker={"name": f"Speaker {n}"},
            span={"start": start, "end": start + 5 + n},
        )["id"]
        for n in range(7)
    ]
    for sort, direction in (("span.start", 1), ("-span.start", -1), ("confidence", 1)):
        pages = [fetch(f"claims?sort={sort}&per_page=3&page={n}") for n in (1, 2, 3)]
        seen = [claim for page in pages for claim in ids(page)]
        assert sorted(seen) == sorted(made)
        assert seen == sorted(made, reverse=direction < 0)
    created = [c for page in (1, 2, 3) for c in ids(fetch(f"claims?per_page=3&page={page}"))]
    assert created == made[::-1]


def test_bad_sort_is_422(client, problem):
    for sort in ("text", "speaker.name", "-", "confidence,,", "_id", "$natural"):
        assert "sort" in problem(client.get(f"{API}/claims?sort={sort}"), 422)["errors"]


def test_a_repeated_sort_key_counts_once(client):
    assert client.get(f"{API}/claims?sort=-confidence,confidence").status_code == 200


def test_changing_a_claims_text_relocates_its_span(client, make_article, make_claim):
    article = make_article(body="Alpha said one thing. Beta said another thing.")
    claim = make_claim(article, text="one thing")
    assert claim["span"] == {"start": 11, "end": 20}
    moved = client.patch(f"{API}/claims/{claim['id']}", json={"text": "another thing"}).json
    assert moved["span"] == {"start": 32, "end": 45}
    gone = client.patch(f"{API}/claims/{claim['id']}", json={"text": "not in the body"}).json
    assert gone["span"] is None
