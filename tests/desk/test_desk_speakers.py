"""The speaker page against the contract of API.md "Speakers", before the service has it.

The service has no speaker registry yet, so this app gets a small one written to the
contract (GET /speakers, /speakers/{id}, /speakers/{id}/claims newest first) over the
real claims; once the real registry lands, this double steps aside and the test says so.
"""

import pytest
from bson import ObjectId
from flask import Blueprint, abort, jsonify
from selenium.webdriver.common.by import By

from service.claims.repository import ClaimRepository, speaker_key
from service.claims.schemas import ClaimSchema
from service.db import get_db
from tests.desk.browsing import open_page

SPEAKER_ID = "0123456789abcdef01234567"
SPEAKER = {
    "id": SPEAKER_ID,
    "name": "Tor Eriksen",
    "type": "person",
    "aliases": ["Eriksen"],
    "titles": ["union president"],
    "claim_count": 2,
}


def takes_query(view):
    """Declare query parameters the way the service's guard reads them (flask-smorest's)."""
    view._apidoc = {"arguments": {"parameters": [{"in": "query"}]}}
    return view


def contract_speakers() -> Blueprint:
    """GET endpoints of the speakers contract for one speaker, over the claims stored."""
    blp = Blueprint("speakers_contract", __name__, url_prefix="/api/v1/speakers")

    def known(speaker_id):
        if speaker_id != SPEAKER_ID:
            abort(404)

    @blp.get("")
    @takes_query
    def speakers():
        return jsonify({"items": [SPEAKER], "page": 1, "per_page": 20, "total": 1, "pages": 1})

    @blp.get("/<speaker_id>")
    def speaker(speaker_id):
        known(speaker_id)
        return jsonify(SPEAKER)

    @blp.get("/<speaker_id>/claims")
    @takes_query
    def claims(speaker_id):
        known(speaker_id)
        repo = ClaimRepository(get_db())
        query = {"speaker_key": speaker_key(SPEAKER)}
        items, total = repo.find_page(query, [("published_at", -1)], 1, 50)
        body = {"items": ClaimSchema(many=True).dump(items), "page": 1, "per_page": 50}
        return jsonify({**body, "total": total, "pages": 1})

    return blp


@pytest.fixture(scope="module")
def desk(serve):
    def setup(app):
        if any(r.rule.startswith("/api/v1/speakers") for r in app.url_map.iter_rules()):
            pytest.fail("the service has its own speakers API now: test the page against it")
        app.register_blueprint(contract_speakers())

    served = serve(setup=setup)
    api = served.api()
    for day, title in (("2024-09-12", "Pilots warn"), ("2024-09-20", "Pilots strike")):
        body = f"{title}, said Tor Eriksen on {day}."
        data = {"title": title, "body": body, "published_at": day}
        article = api.post("/api/v1/articles", json=data).json
        claim = {
            "article_id": article["id"],
            "text": title,
            "kind": "indirect",
            "speaker": {"name": "Tor Eriksen", "type": "person"},
        }
        assert api.post("/api/v1/claims", json=claim).status_code == 201
    return served


def test_a_speakers_claims_newest_first_across_articles(browser, desk):
    open_page(browser, f"{desk.url}/desk/speakers/{SPEAKER_ID}", "#speaker[data-ready]")
    assert browser.find_element(By.ID, "speaker-name").text == "Tor Eriksen"
    assert "union president" in browser.find_element(By.ID, "speaker-facts").text
    items = browser.find_elements(By.CSS_SELECTOR, "#speaker-claims li")
    assert [i.find_element(By.TAG_NAME, "blockquote").text for i in items] == [
        "Pilots strike",
        "Pilots warn",
    ]
    link = items[0].find_element(By.TAG_NAME, "a")
    assert link.text == "Pilots strike"
    assert ObjectId.is_valid(link.get_attribute("href").rsplit("/", 1)[1])


def test_an_unknown_speaker_is_said_so(browser, desk):
    open_page(browser, f"{desk.url}/desk/speakers/{'f' * 24}", "#speaker[data-ready]")
    assert browser.find_element(By.ID, "speaker-name").text == "No such speaker"
