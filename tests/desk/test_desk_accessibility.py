"""axe-core on the desk's main pages: no serious or critical violations.

With DESK_SCREENSHOTS=1 the same browser also writes the README's screenshots
(docs/desk-list.png, docs/desk-article.png).
"""

import os
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from tests.desk.browsing import axe_violations, describe, idle, open_page, wait_for

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture(scope="module")
def desk(serve):
    """The embedded default with its seeds, plus an article without claims."""
    served = serve({"LOAD_SEEDS": True, "EXTRACTION_ENABLED": True})
    article = {
        "title": "Council publishes the harbour budget",
        "source": "Harbour Gazette",
        "published_at": "2021-05-20T09:00:00Z",
        "body": "The council published its budget for the harbour on Thursday.",
    }
    assert served.api().post("/api/v1/articles", json=article).status_code == 201
    return served


@pytest.fixture(scope="module")
def article_id(desk):
    """The seed article (the one with claims)."""
    items = desk.api().get("/api/v1/articles?has_claims=true").json["items"]
    return items[0]["id"]


PAGES = {
    "list": ("/desk", "#articles[data-ready]"),
    "sides": ("/desk/sides", "#side-list[data-ready]"),
    "new article": ("/desk/articles/new", "#new-article"),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_serious_accessibility_violations(browser, desk, name):
    path, ready = PAGES[name]
    open_page(browser, desk.url + path, ready)
    violations = axe_violations(browser)
    assert not violations, describe(violations)


def test_article_page_has_no_serious_accessibility_violations(browser, desk, article_id):
    open_page(browser, f"{desk.url}/desk/articles/{article_id}", "#article[data-ready]")
    idle(browser)
    browser.find_element(By.TAG_NAME, "body").send_keys("j")  # a claim selected, panel filled
    wait_for(browser, lambda d: not d.find_element(By.ID, "claim-details").get_attribute("hidden"))
    violations = axe_violations(browser)
    assert not violations, describe(violations)


@pytest.mark.skipif(not os.environ.get("DESK_SCREENSHOTS"), reason="set DESK_SCREENSHOTS=1")
def test_screenshots_for_the_readme(browser, desk, article_id):
    browser.set_window_size(1280, 1100)
    open_page(browser, desk.url + "/desk", "#articles[data-ready]")
    browser.save_screenshot(str(DOCS / "desk-list.png"))
    open_page(browser, f"{desk.url}/desk/articles/{article_id}", "#article[data-ready]")
    idle(browser)
    body = browser.find_element(By.TAG_NAME, "body")
    for _ in range(2):
        body.send_keys("j")
    wait_for(browser, lambda d: not d.find_element(By.ID, "claim-details").get_attribute("hidden"))
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(DOCS / "desk-article.png"))
    assert (DOCS / "desk-article.png").stat().st_size > 10_000
    browser.set_window_size(1280, 1000)
