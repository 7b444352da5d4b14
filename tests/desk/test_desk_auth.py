"""With auth on, the desk asks for a key once per tab and hides edits from a reader key."""

import logging

import pytest
from selenium.webdriver.common.by import By

from service.auth.repository import KeyRepository
from service.db import get_db
from tests.desk.browsing import idle, wait_for

READY = "#article[data-ready]"


@pytest.fixture(scope="module")
def desk(serve):
    """An app that demands keys, one key per role, and an article with a claim."""
    served = serve({"AUTH": "required"})
    with served.app.app_context():
        repo = KeyRepository(get_db())
        served.keys = {r: repo.create(f"{r}-desk", r)[1] for r in ("reader", "editor", "admin")}
    api = served.api()
    editor = {"Authorization": f"Bearer {served.keys['editor']}"}
    side = api.post("/api/v1/sides", json={"name": "Pilots union"}, headers=editor).json
    body = "Pilots are tired, said Tor."
    article = api.post("/api/v1/articles", json={"title": "Fatigue", "body": body}, headers=editor)
    served.article_id = article.json["id"]
    claim = {
        "article_id": served.article_id,
        "text": "Pilots are tired",
        "kind": "indirect",
        "side_id": side["id"],
    }
    served.claim_id = api.post("/api/v1/claims", json=claim, headers=editor).json["id"]
    return served


def give_key(browser, key):
    dialog = wait_for(browser, lambda d: d.find_element(By.ID, "key-dialog"))
    wait_for(browser, lambda d: dialog.is_displayed(), "the page asks for a key")
    browser.find_element(By.ID, "key-input").send_keys(key)
    browser.find_element(By.CSS_SELECTOR, "#key-form button[type=submit]").click()


def edit_controls(browser):
    """Every edit control of the article page that a person can see."""
    selector = "#confirm, #reject, #reextract, #add-claim, #side-form button, #speaker-form button"
    return [e for e in browser.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def test_pages_need_no_key_but_data_does(desk):
    api = desk.api()
    assert api.get("/desk").status_code == 200
    assert api.get("/desk/static/desk/desk.js", buffered=True).status_code == 200
    assert api.get("/api/v1/articles").status_code == 401
    svg = f"/api/v1/articles/{desk.article_id}/balance.svg"
    assert api.get(svg).status_code == 401
    reader = {"Authorization": f"Bearer {desk.keys['reader']}"}
    assert api.get(svg, headers=reader).status_code == 200


def test_a_reader_key_sees_claims_but_no_edit_buttons(browser, desk, caplog):
    caplog.set_level(logging.DEBUG)
    url = f"{desk.url}/desk/articles/{desk.article_id}"
    browser.get(url)
    give_key(browser, desk.keys["reader"])
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, READY))
    idle(browser)
    highlight = browser.find_element(By.CSS_SELECTOR, f'[data-claim-id="{desk.claim_id}"]')
    highlight.click()
    wait_for(browser, lambda d: d.find_element(By.ID, "d-text").text == "Pilots are tired")
    assert edit_controls(browser) == []
    assert browser.find_element(By.ID, "role-note").text == "Read only"
    # Keys for review do nothing either.
    browser.find_element(By.TAG_NAME, "body").send_keys("c")
    assert (
        desk.api()
        .get(f"/api/v1/claims/{desk.claim_id}", headers=reader(desk))
        .json["review"]["status"]
        == "unreviewed"
    )
    # The key is kept for this tab only, and never in an address or a log.
    stored = browser.execute_script("return [sessionStorage.length, localStorage.length]")
    assert stored == [1, 0]
    assert desk.keys["reader"] not in browser.current_url
    # (The test's own Selenium client logs the keys it types: only the server's logs count.)
    served = [r for r in caplog.records if not r.name.startswith(("selenium", "urllib3"))]
    assert any(r.name == "claimdesk.access" for r in served)
    key = desk.keys["reader"]
    assert all(key not in f"{r.getMessage()} {getattr(r, 'fields', '')}" for r in served)
    # Asked once per tab: the next page uses the key without asking.
    browser.get(f"{desk.url}/desk")
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#articles[data-ready]"))
    assert not browser.find_element(By.ID, "key-dialog").is_displayed()
    rows = browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr")
    assert [r.get_attribute("data-article-id") for r in rows] == [desk.article_id]


def test_an_editor_key_sees_edit_buttons_and_can_confirm(browser, desk):
    browser.get(f"{desk.url}/desk")  # a tab that holds a reader key
    browser.execute_script(
        "sessionStorage.setItem('claimdesk.apiKey', arguments[0])", desk.keys["reader"]
    )
    browser.refresh()
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#articles[data-ready]"))
    browser.find_element(By.ID, "forget-key").click()
    give_key(browser, "not-a-key-at-all-but-long-enough")
    wait_for(browser, lambda d: "not accepted" in d.find_element(By.ID, "key-dialog-note").text)
    browser.find_element(By.ID, "key-input").clear()
    give_key(browser, desk.keys["editor"])
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#articles[data-ready]"))
    browser.get(f"{desk.url}/desk/articles/{desk.article_id}")
    wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, READY))
    idle(browser)
    browser.find_element(By.CSS_SELECTOR, f'[data-claim-id="{desk.claim_id}"]').click()
    wait_for(browser, lambda d: d.find_element(By.ID, "confirm").is_displayed())
    browser.find_element(By.ID, "confirm").click()
    claim = f"/api/v1/claims/{desk.claim_id}"
    wait_for(
        browser,
        lambda d: (
            desk.api().get(claim, headers=reader(desk)).json["review"]["status"] == "confirmed"
        ),
    )
    assert (
        desk.api().get(claim, headers=reader(desk)).json["review"]["reviewed_by"] == "editor-desk"
    )


def reader(desk) -> dict:
    return {"Authorization": f"Bearer {desk.keys['reader']}"}
