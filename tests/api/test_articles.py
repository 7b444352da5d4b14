"""Articles: create, read, change, delete, list, filters, balance and extraction."""

import pytest

from service.articles.repository import ArticleRepository, content_hash
from service.db import EXTENSION

API = "/api/v1"


def test_create_article(client):
    response = client.post(
        f"{API}/articles?extract=false",
        json={
            "title": "Budget",
            "body": "Para one.\n\nPara two.",
            "url": "https://example.com/budget",
            "source": "Example Times",
            "authors": ["A. Writer"],
            "published_at": "2021-06-16T12:30:00+02:00",
            "language": "EN",
            "tags": ["economy"],
        },
    )
    assert response.status_code == 201
    article = response.get_json()
    assert article["published_at"] == "2021-06-16T10:30:00.000Z"
    assert article["language"] == "en"
    assert article["content_hash"] == content_hash("Para one. Para two.")
    assert article["side_ids"] == []
    assert article["claim_count"] == 0
    assert article["version"] == 1
    assert article["extraction"]["status"] == "skipped"
    assert response.headers["Location"].endswith(f"{API}/articles/{article['id']}")
    got = client.get(response.headers["Location"])
    assert got.get_json() == article
    assert got.headers["ETag"] == response.headers["ETag"]


def test_create_defaults(make_article):
    article = make_article(title="T", body="B")
    assert article["url"] is None
    assert article["source"] is None
    assert article["authors"] == []
    assert article["tags"] == []
    assert article["published_at"] is None
    assert article["language"] == "en"


INVALID_ARTICLES = [
    {"body": "b"},
    {"title": "t"},
    {"title": "", "body": "b"},
    {"title": "t", "body": "  \n "},
    {"title": "x" * 501, "body": "b"},
    {"title": "t", "body": "b", "url": "ftp://example.com/x"},
    {"title": "t", "body": "b", "url": "not a url"},
    {"title": "t", "body": "b", "published_at": "2021-06-16T10:00:00"},
    {"title": "t", "body": "b", "published_at": "yesterday"},
    {"title": "t", "body": "b", "language": "english"},
    {"title": "t", "body": "b", "source": "s" * 201},
    {"title": "t", "body": "b", "tags": "economy"},
    {"title": "t", "body": "b", "authors": [1]},
    {"title": "t", "body": "b", "summary": "s"},
]


def test_invalid_article_is_422_and_not_stored(client, db, problem):
    for body in INVALID_ARTICLES:
        result = problem(client.post(f"{API}/articles", json=body), 422)
        assert result["errors"], body
    assert db.articles.count_documents({}) == 0


def test_body_too_long_is_422(client, db, problem):
    result = problem(
        client.post(f"{API}/articles", json={"title": "t", "body": "b" * 200_001}), 422
    )
    assert "body" in result["errors"]
    assert db.articles.count_documents({}) == 0


def test_read_only_article_field_is_422(client, db, make_article, problem):
    article = make_article()
    for field in ("content_hash", "side_ids", "claim_count", "extraction", "id", "version"):
        body = {"title": "t", "body": "b", field: None}
        assert field in problem(client.post(f"{API}/articles", json=body), 422)["errors"]
        patch = client.patch(f"{API}/articles/{article['id']}", json={field: None})
        assert field in problem(patch, 422)["errors"]
    assert db.articles.count_documents({}) == 1
    assert client.get(f"{API}/articles/{article['id']}").get_json() == article


def test_duplicate_url_is_409_naming_existing(client, db, make_article, problem):
    first = make_article(url="https://example.com/a")
    again = client.post(
        f"{API}/articles", json={"title": "x", "body": "other", "url": "https://example.com/a"}
    )
    assert problem(again, 409)["existing_id"] == first["id"]
    assert db.articles.count_documents({}) == 1


def test_duplicate_body_whitespace_normalised_is_409(client, db, make_article, problem):
    first = make_article(body="One two.\n\nThree four.")
    again = client.post(
        f"{API}/articles", json={"title": "x", "body": "  One  two.\nThree\tfour. "}
    )
    assert problem(again, 409)["existing_id"] == first["id"]
    assert db.articles.count_documents({}) == 1


def test_articles_without_url_do_not_clash(make_article):
    make_article(body="first")
    make_article(body="second", url=None)


def test_patch_merge_and_null_clears(client, make_article):
    article = make_article(
        url="https://example.com/x",
        source="S",
        tags=["a"],
        authors=["W"],
        published_at="2021-01-01",
    )
    response = client.patch(
        f"{API}/articles/{article['id']}",
        json={"title": "New", "url": None, "source": None, "tags": None, "published_at": None},
    )
    assert response.status_code == 200
    patched = response.get_json()
    assert patched["title"] == "New"
    assert (patched["url"], patched["source"], patched["tags"], patched["published_at"]) == (
        None,
        None,
        [],
        None,
    )
    assert patched["authors"] == ["W"]
    assert patched["body"] == article["body"]
    assert patched["version"] == 2
    assert client.get(f"{API}/articles/{article['id']}").get_json() == patched
    # The URL is free again.
    other = client.post(
        f"{API}/articles", json={"title": "t", "body": "zzz", "url": "https://example.com/x"}
    )
    assert other.status_code == 201


def test_patch_required_field_to_null_is_422(client, make_article, problem):
    article = make_article()
    for field in ("title", "body", "language"):
        result = problem(client.patch(f"{API}/articles/{article['id']}", json={field: None}), 422)
        assert field in result["errors"]
    assert client.get(f"{API}/articles/{article['id']}").get_json() == article


def test_patch_into_duplicate_is_409(client, make_article, problem):
    first = make_article(url="https://example.com/1", body="first body")
    second = make_article(body="second body")
    for body in ({"url": "https://example.com/1"}, {"body": " first   body "}):
        result = problem(client.patch(f"{API}/articles/{second['id']}", json=body), 409)
        assert result["existing_id"] == first["id"]
    assert client.get(f"{API}/articles/{second['id']}").get_json() == second


def test_any_language_tag_is_stored(make_article, fetch):
    # MongoDB's text index reads a "language" field as a stemming language by default and
    # refuses documents in languages it cannot stem; articles in any language must store.
    for language in ("ja", "zh", "tlh", "en-GB", "pt-BR", "zh-Hant-TW"):
        article = make_article(language=language)
        assert fetch(f"articles/{article['id']}")["language"] == language
    assert fetch("articles?language=ja")["total"] == 1


@pytest.mark.parametrize(
    ("sent", "stored"), [("en-gb", "en-GB"), ("EN", "en"), ("pt_br", "pt-BR"), ("iw", "he")]
)
def test_language_tags_are_normalised(make_article, fetch, sent, stored):
    article = make_article(language=sent)
    assert article["language"] == stored
    assert fetch(f"articles?language={sent}")["total"] == 1


def test_a_language_filter_is_a_range_over_regional_tags(make_article, fetch):
    # RFC 4647 basic filtering: a reader asking for English wants British and US English too.
    ids = {tag: make_article(language=tag)["id"] for tag in ("en", "en-GB", "en-US", "enm", "de")}
    found = lambda query: {a["id"] for a in fetch(f"articles?{query}")["items"]}  # noqa: E731
    assert found("language=en") == {ids["en"], ids["en-GB"], ids["en-US"]}
    assert found("language=en-GB") == {ids["en-GB"]}
    assert found("language=en-gb&language=de") == {ids["en-GB"], ids["de"]}


@pytest.mark.parametrize("language", ["xx", "english", "en-", "e", "x" * 100])
def test_an_invalid_language_tag_is_a_422_naming_it(client, problem, language):
    body = {"title": "t", "body": "b", "language": language}
    result = problem(client.post(f"{API}/articles", json=body), 422)
    assert list(result["errors"]) == ["language"]


def test_new_body_relocates_claims_without_extraction(client, make_article, fetch):
    article = make_article(body="Alpha. The budget is sound. Omega.")
    claim = client.post(
        f"{API}/claims",
        json={"article_id": article["id"], "text": "The budget is sound", "kind": "position"},
    ).get_json()
    assert claim["span"] == {"start": 7, "end": 26}
    client.patch(f"{API}/articles/{article['id']}", json={"body": "The budget is sound. Omega."})
    assert fetch(f"claims/{claim['id']}")["span"] == {"start": 0, "end": 19}
    client.patch(f"{API}/articles/{article['id']}", json={"body": "Something else entirely."})
    assert fetch(f"claims/{claim['id']}")["span"] is None
    assert fetch(f"articles/{article['id']}")["claim_count"] == 1


def test_patch_body_updates_content_hash(client, make_article):
    article = make_article()
    patched = client.patch(f"{API}/articles/{article['id']}", json={"body": "New body"}).get_json()
    assert patched["content_hash"] == content_hash("New body")


def test_delete_cascades_to_claims_and_counters(
    client, db, make_side, make_article, make_claim, fetch, problem
):
    side = make_side()
    doomed, kept = make_article(), make_article()
    make_claim(doomed, side_id=side["id"])
    make_claim(doomed, side_id=side["id"], kind="direct")
    survivor = make_claim(kept, side_id=side["id"])
    assert fetch(f"sides/{side['id']}")["claim_count"] == 3

    assert client.delete(f"{API}/articles/{doomed['id']}").status_code == 204
    problem(client.get(f"{API}/articles/{doomed['id']}"), 404)
    assert db.claims.count_documents({}) == 1
    assert [c["id"] for c in fetch("claims")["items"]] == [survivor["id"]]
    assert fetch(f"sides/{side['id']}")["claim_count"] == 1
    problem(client.delete(f"{API}/articles/{doomed['id']}"), 404)


def test_unknown_article_is_404(client, problem):
    missing = "f" * 24
    for method, path in [
        ("get", ""),
        ("patch", ""),
        ("delete", ""),
        ("get", "/claims"),
        ("get", "/balance"),
        ("post", "/extract"),
    ]:
        kwargs = {"json": {"title": "x"}} if method == "patch" else {}
        problem(getattr(client, method)(f"{API}/articles/{missing}{path}", **kwargs), 404)


# ----- counters, published_at, balance -----


def test_counters_follow_claims(client, make_side, make_article, make_claim, fetch):
    red, blue = make_side(name="Red"), make_side(name="Blue")
    article = make_article()
    claim = make_claim(article, side_id=red["id"])
    make_claim(article)
    got = fetch(f"articles/{article['id']}")
    assert (got["claim_count"], got["side_ids"]) == (2, [red["id"]])

    client.patch(f"{API}/claims/{claim['id']}", json={"side_id": blue["id"]})
    assert fetch(f"articles/{article['id']}")["side_ids"] == [blue["id"]]
    assert fetch(f"sides/{red['id']}")["claim_count"] == 0
    assert fetch(f"sides/{blue['id']}")["claim_count"] == 1

    assert client.delete(f"{API}/claims/{claim['id']}").status_code == 204
    got = fetch(f"articles/{article['id']}")
    assert (got["claim_count"], got["side_ids"]) == (1, [])
    assert fetch(f"sides/{blue['id']}")["claim_count"] == 0


def test_claim_published_at_follows_article(client, make_article, make_claim, fetch):
    article = make_article(published_at="2021-06-16")
    claim = make_claim(article)
    assert claim["published_at"] == "2021-06-16T00:00:00.000Z"
    client.patch(f"{API}/articles/{article['id']}", json={"published_at": "2022-01-02T03:04:05Z"})
    assert fetch(f"claims/{claim['id']}")["published_at"] == "2022-01-02T03:04:05.000Z"
    client.patch(f"{API}/articles/{article['id']}", json={"published_at": None})
    assert fetch(f"claims/{claim['id']}")["published_at"] is None


def test_balance(make_side, make_article, make_claim, fetch):
    red, blue = make_side(name="Red"), make_side(name="Blue")
    article = make_article()
    make_claim(article, side_id=red["id"], kind="direct", text="one two three")
    make_claim(article, side_id=red["id"], kind="position", text="four")
    make_claim(article, side_id=blue["id"], kind="indirect", text="five six")
    make_claim(article, kind="direct", text="seven eight nine ten")
    balance = fetch(f"articles/{article['id']}/balance")
    assert balance["article_id"] == article["id"]
    assert (balance["total_claims"], balance["total_words"]) == (4, 10)
    rows = {row["side_id"]: row for row in balance["sides"]}
    assert set(rows) == {red["id"], blue["id"], None}
    assert balance["sides"][0]["side_id"] == red["id"]
    assert rows[red["id"]] == {
        "side_id": red["id"],
        "side_name": "Red",
        "claims": 2,
        "claim_share": 0.5,
        "words": 4,
        "word_share": 0.4,
        "by_kind": {"direct": 1, "indirect": 0, "position": 1},
    }
    assert rows[blue["id"]]["claim_share"] == 0.25
    assert rows[blue["id"]]["by_kind"]["indirect"] == 1
    assert rows[None]["side_name"] is None
    assert (rows[None]["claims"], rows[None]["words"]) == (1, 4)


def test_balance_of_article_without_claims(make_article, fetch):
    article = make_article()
    balance = fetch(f"articles/{article['id']}/balance")
    assert (balance["total_claims"], balance["total_words"], balance["sides"]) == (0, 0, [])


# ----- article claims -----


def test_article_claims_in_body_order_with_filters(
    client, make_side, make_article, make_claim, fetch
):
    side = make_side()
    article, other = make_article(), make_article()
    late = make_claim(article, text="talks would resume", side_id=side["id"])
    early = make_claim(article, text="taxes will fall next year", kind="position")
    make_claim(other)
    listed = fetch(f"articles/{article['id']}/claims")
    assert [c["id"] for c in listed["items"]] == [early["id"], late["id"]]
    assert listed["total"] == 2
    assert [
        c["id"] for c in fetch(f"articles/{article['id']}/claims?sort=-span.start")["items"]
    ] == [
        late["id"],
        early["id"],
    ]
    assert [c["id"] for c in fetch(f"articles/{article['id']}/claims?kind=position")["items"]] == [
        early["id"]
    ]
    assert [c["id"] for c in fetch(f"articles/{article['id']}/claims?side=none")["items"]] == [
        early["id"]
    ]
    # An article_id filter that contradicts the path finds nothing.
    assert fetch(f"articles/{article['id']}/claims?article_id={other['id']}")["total"] == 0
    both = fetch(
        f"articles/{article['id']}/claims?article_id={other['id']}&article_id={article['id']}"
    )
    assert both["total"] == 2


# ----- extraction -----


def test_extraction_disabled_is_skipped(client, make_article, make_claim):
    created = client.post(f"{API}/articles", json={"title": "t", "body": 'Freedonia said "war"'})
    assert created.status_code == 201
    article = created.get_json()
    assert article["extraction"]["status"] == "skipped"
    assert article["claim_count"] == 0
    claim = make_claim(article, text="war")
    response = client.post(f"{API}/articles/{article['id']}/extract")
    assert response.status_code == 200
    result = response.get_json()
    assert result["extraction"]["status"] == "skipped"
    assert [c["id"] for c in result["claims"]] == [claim["id"]]


def test_preview_with_extraction_disabled(client, db, problem):
    response = client.post(f"{API}/extract", json={"text": 'Freedonia said "war"', "title": "t"})
    assert response.status_code == 200
    assert response.get_json()["claims"] == []
    assert response.get_json()["extraction"]["status"] == "skipped"
    assert "text" in problem(client.post(f"{API}/extract", json={"title": "t"}), 422)["errors"]
    assert (
        "bogus"
        in problem(client.post(f"{API}/extract", json={"text": "a", "bogus": 1}), 422)["errors"]
    )
    assert db.articles.count_documents({}) == db.claims.count_documents({}) == 0


BODY = 'Freedonia said "we will win".\n\nSylvania said "we will not lose".'


def test_create_extracts_claims_and_auto_sides(extracting_client, fake_extractor):
    client = extracting_client
    known = client.post(f"{API}/sides", json={"name": "Sylvania"}).get_json()
    article = client.post(f"{API}/articles", json={"title": "t", "body": BODY}).get_json()
    assert article["extraction"]["status"] == "done"
    assert article["extraction"]["extractor"] == "fake/1"
    assert article["extraction"]["extracted_at"].endswith("Z")
    assert article["claim_count"] == 2
    claims = client.get(f"{API}/articles/{article['id']}/claims").get_json()["items"]
    assert [c["text"] for c in claims] == ["we will win", "we will not lose"]
    for claim in claims:
        assert claim["origin"] == "extracted"
        assert claim["confidence"] == 0.9
        start, end = claim["span"]["start"], claim["span"]["end"]
        assert BODY[start:end] == claim["text"]
    auto = client.get(f"{API}/sides?alias=freedonia").get_json()["items"][0]
    assert auto["origin"] == "auto"
    assert auto["claim_count"] == 1
    assert [c["side_id"] for c in claims] == [auto["id"], known["id"]]
    assert sorted(article["side_ids"]) == sorted([auto["id"], known["id"]])


def test_extract_false_skips_extraction(extracting_client, fake_extractor):
    response = extracting_client.post(
        f"{API}/articles?extract=false", json={"title": "t", "body": BODY}
    )
    assert response.get_json()["extraction"]["status"] == "skipped"
    assert response.get_json()["claim_count"] == 0
    assert fake_extractor.calls == 0
    bad = extracting_client.post(
        f"{API}/articles?extract=perhaps", json={"title": "t", "body": "x"}
    )
    assert bad.status_code == 422
    assert "extract" in bad.get_json()["errors"]


def test_preview_stores_nothing(make_app, fake_extractor):
    app = make_app(extractor=fake_extractor)
    client = app.test_client()
    side = client.post(f"{API}/sides", json={"name": "Sylvania"}).get_json()
    result = client.post(f"{API}/extract", json={"text": BODY}).get_json()
    assert [c["text"] for c in result["claims"]] == ["we will win", "we will not lose"]
    assert result["claims"][1]["side_id"] == side["id"]
    assert result["claims"][0]["side_name"] == "Freedonia"
    assert {c["origin"] for c in result["claims"]} == {"extracted"}
    database = app.extensions[EXTENSION].database
    assert database.claims.count_documents({}) == 0
    assert database.articles.count_documents({}) == 0
    assert database.sides.count_documents({}) == 1


def test_reextract_keeps_manual_and_reviewed_claims(extracting_client):
    client = extracting_client
    article = client.post(f"{API}/articles", json={"title": "t", "body": BODY}).get_json()
    claims = client.get(f"{API}/articles/{article['id']}/claims").get_json()["items"]
    reviewed = client.patch(
        f"{API}/claims/{claims[0]['id']}", json={"review": {"status": "confirmed"}}
    ).get_json()
    manual = client.post(
        f"{API}/claims", json={"article_id": article["id"], "text": "win", "kind": "position"}
    ).get_json()
    result = client.post(f"{API}/articles/{article['id']}/extract").get_json()
    ids = [c["id"] for c in result["claims"]]
    assert reviewed["id"] in ids
    assert manual["id"] in ids
    assert claims[1]["id"] in ids  # an unchanged statement keeps its claim (and id)
    assert len(ids) == 3
    got = client.get(f"{API}/claims/{reviewed['id']}").get_json()
    assert got == reviewed


def test_new_body_reextracts_and_relocates_kept_claims(extracting_client):
    client = extracting_client
    article = client.post(f"{API}/articles", json={"title": "t", "body": BODY}).get_json()
    manual = client.post(
        f"{API}/claims", json={"article_id": article["id"], "text": "not lose", "kind": "position"}
    ).get_json()
    new_body = 'Intro.\n\nSylvania said "we will not lose".'
    patched = client.patch(f"{API}/articles/{article['id']}", json={"body": new_body})
    assert patched.status_code == 200
    assert patched.get_json()["claim_count"] == 2
    claims = client.get(f"{API}/articles/{article['id']}/claims").get_json()["items"]
    assert [c["text"] for c in claims] == ["we will not lose", "not lose"]
    moved = client.get(f"{API}/claims/{manual['id']}").get_json()
    assert new_body[moved["span"]["start"] : moved["span"]["end"]] == "not lose"


def test_failed_extraction_keeps_article(make_app, fake_extractor):
    fake_extractor.fail = True
    client = make_app(extractor=fake_extractor).test_client()
    response = client.post(f"{API}/articles", json={"title": "t", "body": BODY})
    assert response.status_code == 201
    extraction = response.get_json()["extraction"]
    assert extraction["status"] == "failed"
    assert "model exploded" in extraction["error"]
    assert response.get_json()["claim_count"] == 0


# ----- list filters and sorts -----


@pytest.fixture
def library(make_side, make_article, make_claim):
    """Four articles with varied metadata; two have claims."""
    red, blue = make_side(name="Red Party"), make_side(name="Blue Party")
    docs = {
        "a": make_article(title="Alpha", source="Daily", tags=["tax"], language="en",
                          published_at="2021-06-15T23:59:59Z", url="https://example.com/a"),
        "b": make_article(title="bravo", source="Weekly", tags=["tax", "war"], language="de",
                          published_at="2021-06-16T00:00:00Z", url="https://example.com/b"),
        "c": make_article(title="Charlie", source="Daily", tags=["war"], language="fr",
                          published_at="2021-06-17"),
        "d": make_article(title="delta", source="daily"),
    }  # fmt: skip
    make_claim(docs["a"], side_id=red["id"])
    make_claim(docs["b"], side_id=blue["id"])
    make_claim(docs["b"])
    return {**docs, "red": red, "blue": blue}


ARTICLE_FILTERS = [
    ("source=Daily", "ac"),
    ("source=daily", "d"),
    ("source=Daily&source=Weekly", "abc"),
    ("tag=tax", "ab"),
    ("tag=war&tag=tax", "abc"),
    ("tag=TAX", ""),
    ("language=de", "b"),
    ("language=DE&language=fr", "bc"),
    ("side={red}", "a"),
    ("side=blue-party", "b"),
    ("side=red-party&side={blue}", "ab"),
    ("side=nobody", ""),
    ("side=" + "0" * 24, ""),
    ("url=https://example.com/a", "a"),
    ("url=https://example.com/a&url=https://example.com/b", "ab"),
    ("url=https://example.com/", ""),
    ("published_after=2021-06-16", "bc"),
    ("published_after=2021-06-15T23:59:59Z", "abc"),
    ("published_before=2021-06-16", "a"),
    ("published_before=2021-06-16T00:00:00.001Z", "ab"),
    ("published_after=2021-06-16&published_before=2021-06-17", "b"),
    ("has_claims=true", "ab"),
    ("has_claims=false", "cd"),
    ("source=Daily&tag=tax", "a"),
    ("source=Daily&has_claims=false", "c"),
    ("tag=war&side=blue-party&language=de&published_after=2021-06-01", "b"),
    ("tag=war&side=red-party", ""),
]


def test_article_filters(fetch, library):
    names = {key: value["id"] for key, value in library.items()}
    for query, expected in ARTICLE_FILTERS:
        page = fetch(f"articles?{query.format(**names)}")
        assert sorted(a["id"] for a in page["items"]) == sorted(names[k] for k in expected), query
        assert page["total"] == len(expected), query


def test_article_sorts(fetch, library):
    def titles(sort):
        return [a["title"] for a in fetch(f"articles?sort={sort}")["items"]]

    assert titles("title") == ["Alpha", "Charlie", "bravo", "delta"]  # binary order
    assert titles("-title") == ["delta", "bravo", "Charlie", "Alpha"]
    assert titles("-created_at") == ["delta", "Charlie", "bravo", "Alpha"]
    assert titles("created_at") == ["Alpha", "bravo", "Charlie", "delta"]
    assert titles("-published_at")[:3] == ["Charlie", "bravo", "Alpha"]
    assert titles("published_at,-title") == ["delta", "Alpha", "bravo", "Charlie"]
    assert titles("-created_at") == [a["title"] for a in fetch("articles")["items"]]


def test_article_full_text(fetch, library, db):
    # The same answers from MongoDB's $text and from the in-memory store's in-process match.
    assert [a["title"] for a in fetch("articles?q=alpha")["items"]] == ["Alpha"]
    assert [a["title"] for a in fetch("articles?q=ALPHA")["items"]] == ["Alpha"]
    assert fetch("articles?q=alpha&source=Weekly")["total"] == 0
    assert fetch("articles?q=zebra")["total"] == 0
    query = ArticleRepository(db).query({"q": "alpha", "source": ["Daily"]})
    assert query == {"source": "Daily", "$text": {"$search": "alpha"}}
