"""The speaker page against the service's own speakers API (API.md "Speakers")."""

import pytest
from bson import ObjectId
from selenium.webdriver.common.by import By

from tests.desk.browsing import open_page


@pytest.fixture(scope="module")
def desk(serve):
    served = serve()
    api = served.api()
    for day, title in (("2024-09-12", "Pilots warn"), ("2024-09-20", "Pilots strike")):
        body = f"{title}, said Tor Eriksen on {day}."
        data = {"title": title, "body": body, "published_at": day}
        article = api.post("/api/v1/articles", json=data).json
        claim = {
            "article_id": article["id"],
            "text": title,
            "kind": "indirect",
            "speaker": {"name": "Tor Eriksen", "title": "union president", "type": "person"},
        }
        assert api.post("/api/v1/claims", json=claim).status_code == 201
    [speaker] = api.get("/api/v1/speakers?q=tor").json["items"]
    served.speaker_id = speaker["id"]
    return served


def test_a_speakers_claims_newest_first_across_articles(browser, desk):
    open_page(browser, f"{desk.url}/desk/speakers/{desk.speaker_id}", "#speaker[data-ready]")
    assert browser.find_element(By.ID, "speaker-name").text == "Tor Eriksen"
    facts = browser.find_element(By.ID, "speaker-facts").text
    assert "union president" in facts and "2 claims" in facts
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
