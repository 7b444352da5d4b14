"""Uploading ninjs, HTML and NDJSON files on the new-article page."""

import json

import pytest
from selenium.webdriver.common.by import By

from tests.desk.browsing import open_page, wait_for


@pytest.fixture(scope="module")
def desk(serve):
    """A served desk with extraction on its defaults and an empty store."""
    return serve()


def upload(browser, desk, path):
    """Choose ``path`` in the upload control and submit it."""
    open_page(browser, desk.url + "/desk/articles/new", "#upload")
    button = "#upload button[type=submit]"
    wait_for(browser, lambda d: d.find_element(By.CSS_SELECTOR, button).is_displayed())
    browser.find_element(By.ID, "u-file").send_keys(str(path))
    browser.find_element(By.CSS_SELECTOR, button).click()


def created_id(browser) -> str:
    link = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#upload-result a"))[0]
    return link.get_attribute("href").rsplit("/", 1)[1]


def test_a_ninjs_file_becomes_an_article(browser, desk, tmp_path):
    ninjs = {
        "uri": "https://example.org/ninjs-ferry",
        "headlines": [{"value": "Ferry fares rise in May"}],
        "bodies": [{"value": "Fares rise in May, the operator said."}],
        "versioncreated": "2024-10-01T08:00:00Z",
    }
    path = tmp_path / "ferry.json"
    path.write_text(json.dumps(ninjs))
    upload(browser, desk, path)
    stored = desk.api().get(f"/api/v1/articles/{created_id(browser)}").json
    assert stored["title"] == "Ferry fares rise in May"
    assert stored["url"] == "https://example.org/ninjs-ferry"


def test_an_html_page_becomes_an_article(browser, desk, tmp_path):
    paragraphs = (
        "The toll for every ship entering the harbour doubles in June, the port authority "
        "said on Monday at a meeting with the shipping companies that use the quay.",
        "The companies said that the increase would be passed on to passengers and that "
        "they had asked the council to review the decision before the summer season.",
    )
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Harbour toll doubles</title>"
        '<meta property="og:title" content="Harbour toll doubles">'
        "</head><body><main><article><h1>Harbour toll doubles</h1>"
        + "".join(f"<p>{text}</p>" for text in paragraphs)
        + "</article></main></body></html>"
    )
    path = tmp_path / "toll.html"
    path.write_text(page)
    upload(browser, desk, path)
    stored = desk.api().get(f"/api/v1/articles/{created_id(browser)}").json
    assert stored["title"] == "Harbour toll doubles"


def test_an_ndjson_file_names_its_bad_line_and_stores_the_rest(browser, desk, tmp_path):
    lines = [
        {"title": "Bridge reopens", "body": "The bridge reopens on Friday, the council said."},
        {"body": "No title on this one."},
        {"title": "Bus routes change", "body": "Routes change in August, the operator said."},
    ]
    path = tmp_path / "batch.ndjson"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    upload(browser, desk, path)
    summary = wait_for(browser, lambda d: d.find_elements(By.ID, "upload-summary"))[0].text
    assert summary == "2 created, 1 failed (line 2)."
    failed = browser.find_element(By.CSS_SELECTOR, "#upload-lines li.failed")
    assert failed.get_attribute("data-line") == "2"
    assert "title" in failed.text
    created = browser.find_elements(By.CSS_SELECTOR, "#upload-lines li.created a")
    titles = {desk.api().get(f"/api/v1/articles/{a.text}").json["title"] for a in created}
    assert titles == {"Bridge reopens", "Bus routes change"}
