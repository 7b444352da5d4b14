"""The real extractor wired into the store: the seed article end to end through the API."""

from pathlib import Path

import pytest

from service.extraction import Extractor

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_BODY = (SEEDS / "articles" / "000_37ed69913239c4b4.txt").read_text("utf-8")
US = {"name": "United States", "aliases": ["US", "White House", "Washington", "American"]}
RUSSIA = {"name": "Russia", "aliases": ["Russian", "Moscow", "Kremlin"]}


@pytest.fixture(scope="module")
def extractor():
    """The shipped extractor (the spaCy model loads once per process)."""
    return Extractor()


@pytest.fixture
def api(make_app, extractor):
    """A client of an app that extracts with the real extractor."""
    return make_app(extractor=extractor).test_client()


def claim_with(claims, words):
    """The claim whose text contains ``words``."""
    matches = [c for c in claims if words in c["text"]]
    assert matches, f"no claim contains {words!r}: {[c['text'] for c in claims]}"
    return matches[0]


def test_seed_article_end_to_end(api):
    us = api.post("/api/v1/sides", json=US).json
    russia = api.post("/api/v1/sides", json=RUSSIA).json
    article = api.post(
        "/api/v1/articles",
        json={"title": "Biden and Putin to meet", "body": SEED_BODY, "published_at": "2021-05-26"},
    ).json
    assert article["extraction"]["status"] == "done"
    assert article["extraction"]["extractor"].startswith("claimdesk-rules/")
    claims = api.get(f"/api/v1/articles/{article['id']}/claims?per_page=100").json["items"]
    assert article["claim_count"] == len(claims) >= 5
    psaki = claim_with(claims, "full range of pressing issues")
    assert psaki["kind"] == "direct" and psaki["speaker"]["name"] == "Jen Psaki"
    assert psaki["side_id"] == us["id"] and psaki["origin"] == "extracted"
    kremlin = claim_with(claims, "problems related to strategic nuclear stability")
    assert kremlin["kind"] == "indirect" and kremlin["side_id"] == russia["id"]
    for claim in claims:
        assert SEED_BODY[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]
        assert claim["published_at"] == "2021-05-26T00:00:00.000Z"
        assert "Zemlianichenko" not in claim["text"] and "Reuters" not in claim["text"]
    assert [c["span"]["start"] for c in claims] == sorted(c["span"]["start"] for c in claims)
    balance = api.get(f"/api/v1/articles/{article['id']}/balance").json
    by_side = {row["side_name"]: row for row in balance["sides"]}
    assert by_side["Russia"]["claims"] >= 2 and by_side["United States"]["claims"] >= 1
    assert balance["total_claims"] == len(claims)


def test_countries_become_auto_sides_unless_turned_off(make_app, extractor):
    text = "Russian Foreign Minister Sergei Lavrov said that the talks had failed."
    api = make_app(extractor=extractor).test_client()
    created = api.post("/api/v1/articles", json={"title": "T", "body": text}).json
    claims = api.get(f"/api/v1/articles/{created['id']}/claims").json["items"]
    russia = api.get("/api/v1/sides?alias=russia").json["items"][0]
    assert russia["origin"] == "auto"
    assert claims[0]["side_id"] == russia["id"]
    assert claims[0]["speaker"]["name"] == "Sergei Lavrov"
    off = make_app({"AUTO_SIDES": False}, extractor=extractor).test_client()
    created = off.post("/api/v1/articles", json={"title": "T", "body": text}).json
    assert off.get("/api/v1/sides").json["total"] == 0
    claims = off.get(f"/api/v1/articles/{created['id']}/claims").json["items"]
    assert claims[0]["side_id"] is None


def test_reextraction_keeps_reviewed_and_manual_claims(api):
    api.post("/api/v1/sides", json=RUSSIA)
    body = "The Kremlin said that the talks would resume in June.\n\nNo date was set."
    article = api.post("/api/v1/articles", json={"title": "T", "body": body}).json
    claims = api.get(f"/api/v1/articles/{article['id']}/claims").json["items"]
    extracted = claim_with(claims, "the talks would resume in June")
    api.patch(f"/api/v1/claims/{extracted['id']}", json={"review": {"status": "confirmed"}})
    manual = api.post(
        "/api/v1/claims",
        json={"article_id": article["id"], "text": "No date was set", "kind": "position"},
    ).json
    new_body = "Officials met on Monday.\n\n" + body.replace("No date was set.", "Nothing else.")
    patched = api.patch(f"/api/v1/articles/{article['id']}", json={"body": new_body})
    assert patched.status_code == 200
    after = api.get(f"/api/v1/articles/{article['id']}/claims").json["items"]
    kept = {c["id"]: c for c in after}
    assert kept[extracted["id"]]["span"]["start"] == new_body.index("the talks would resume")
    assert kept[manual["id"]]["span"] is None
    texts = [c["text"] for c in after]
    assert texts.count(extracted["text"]) == 1
    rerun = api.post(f"/api/v1/articles/{article['id']}/extract")
    assert rerun.status_code == 200 and rerun.json["extraction"]["status"] == "done"
    assert {c["id"] for c in rerun.json["claims"]} >= {extracted["id"], manual["id"]}


def test_preview_stores_nothing(api):
    api.post("/api/v1/sides", json=RUSSIA)
    preview = api.post(
        "/api/v1/extract", json={"text": "The Kremlin said that the talks would resume in June."}
    )
    assert preview.status_code == 200
    claim = preview.json["claims"][0]
    assert claim["side_name"] == "Russia" and claim["kind"] == "indirect"
    assert api.get("/api/v1/claims").json["total"] == 0
    assert api.get("/api/v1/articles").json["total"] == 0


def test_seed_command_yields_the_seed_articles_claims(make_app, extractor):
    app = make_app(extractor=extractor)
    result = app.test_cli_runner().invoke(args=["seed"])
    assert result.exit_code == 0, result.output
    assert '"claims": 0' not in result.stdout
    claims = app.test_client().get("/api/v1/claims?side=russia").json
    assert claims["total"] >= 2


def test_an_extracted_claims_span_must_cover_its_text(api):
    body = "The Kremlin said that the talks would resume in June."
    article = api.post("/api/v1/articles", json={"title": "T", "body": body}).json
    claim = api.get(f"/api/v1/articles/{article['id']}/claims").json["items"][0]
    wrong = api.patch(f"/api/v1/claims/{claim['id']}", json={"span": {"start": 0, "end": 11}})
    assert wrong.status_code == 422 and "span" in wrong.json["errors"]
    assert api.get(f"/api/v1/claims/{claim['id']}").json["span"] == claim["span"]
