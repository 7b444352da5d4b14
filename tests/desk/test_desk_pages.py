"""The list, sides, new-article and speaker pages in a browser; hostile text stays text."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from tests.desk.browsing import idle, open_page, rgba, wait_for

HOSTILE = '<img src=x onerror="window.pwned=1">'


@pytest.fixture(scope="module")
def desk(serve):
    """Sides and articles made through the API, extraction off (claims added by hand)."""
    served = serve()
    api = served.api()
    union = api.post(
        "/api/v1/sides", json={"name": "Pilots union", "aliases": ["NCU"], "color": "#ffd54f"}
    ).json
    airline = api.post("/api/v1/sides", json={"name": "Halvard Air"}).json

    def article(title, published, source, body):
        data = {"title": title, "published_at": published, "source": source, "body": body}
        return api.post("/api/v1/articles", json=data).json

    old = article("Pilots warn of fatigue", "2024-09-12", "Nordlys", "Pilots are tired, said Tor.")
    new = article("Airline answers", "2024-09-14", "Fjord Post", "Rosters are legal, it said.")
    empty = article("Harbour news", "2024-09-13", "Nordlys", "Nothing was said today.")
    for art, side, text in ((old, union, "Pilots are tired"), (new, airline, "Rosters are legal")):
        claim = {"article_id": art["id"], "text": text, "kind": "indirect", "side_id": side["id"]}
        assert api.post("/api/v1/claims", json=claim).status_code == 201
    served.ids = {"old": old["id"], "new": new["id"], "empty": empty["id"]}
    served.sides = {"union": union, "airline": airline}
    return served


def listed(browser) -> list[str]:
    rows = browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr")
    return [r.get_attribute("data-article-id") for r in rows]


def test_list_is_newest_first_with_claim_counts_and_side_bars(browser, desk):
    open_page(browser, desk.url + "/desk", "#articles[data-ready]")
    assert listed(browser) == [desk.ids["new"], desk.ids["empty"], desk.ids["old"]]
    row = browser.find_element(By.CSS_SELECTOR, f'tr[data-article-id="{desk.ids["old"]}"]')
    assert row.find_element(By.CSS_SELECTOR, ".num").text == "1"
    segment = row.find_element(
        By.CSS_SELECTOR, f'.side-bar [data-side-id="{desk.sides["union"]["id"]}"]'
    )
    assert segment.value_of_css_property("background-color") == rgba("#ffd54f")
    assert "Pilots union 1" in row.text  # the bar is named in text, not by colour alone


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("side=pilots-union", ["old"]),
        ("has_claims=false", ["empty"]),
        ("source=Nordlys", ["empty", "old"]),
        ("published_after=2024-09-13&published_before=2024-09-14", ["empty"]),
    ],
)
def test_list_filters_are_the_apis(browser, desk, query, expected):
    open_page(browser, f"{desk.url}/desk?{query}", "#articles[data-ready]")
    assert listed(browser) == [desk.ids[name] for name in expected]


def test_the_filter_form_puts_only_chosen_filters_in_the_address(browser, desk):
    open_page(browser, desk.url + "/desk", "#articles[data-ready]")
    Select(browser.find_element(By.ID, "f-side")).select_by_visible_text("Halvard Air")
    browser.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    wait_for(browser, lambda d: d.current_url.endswith("/desk?side=halvard-air"))
    wait_for(browser, lambda d: listed(d) == [desk.ids["new"]])
    assert browser.find_element(By.ID, "f-side").get_attribute("value") == "halvard-air"


def test_edit_a_sides_aliases_and_colour(browser, desk):
    side = desk.sides["airline"]
    open_page(browser, desk.url + "/desk/sides", "#side-list[data-ready]")
    aliases = browser.find_element(By.ID, f"aliases-{side['id']}")
    aliases.clear()
    aliases.send_keys("Halvard\nthe airline")
    browser.execute_script(
        "arguments[0].value = '#336699'", browser.find_element(By.ID, f"color-{side['id']}")
    )
    card = browser.find_element(By.CSS_SELECTOR, f'.side-card[data-side-id="{side["id"]}"]')
    card.find_element(By.CSS_SELECTOR, "button[type=submit]").click()

    def saved(_):
        return desk.api().get(f"/api/v1/sides/{side['id']}").json

    wait_for(browser, lambda d: saved(d)["aliases"] == ["Halvard", "the airline"])
    assert saved(browser)["color"] == "#336699"


def test_add_a_side(browser, desk):
    open_page(browser, desk.url + "/desk/sides", "#side-list[data-ready]")
    browser.find_element(By.ID, "n-name").send_keys("Transport ministry")
    browser.find_element(By.ID, "n-aliases").send_keys("the ministry")
    browser.find_element(By.CSS_SELECTOR, "#new-side button[type=submit]").click()
    wait_for(browser, lambda d: desk.api().get("/api/v1/sides?alias=the ministry").json["total"])
    wait_for(browser, lambda d: "Transport ministry" in d.find_element(By.ID, "side-list").text)


def test_a_pasted_article_is_stored_and_opened(browser, desk):
    open_page(browser, desk.url + "/desk/articles/new", "#new-article")
    wait_for(
        browser, lambda d: d.find_element(By.CSS_SELECTOR, "#new-article .primary").is_displayed()
    )
    browser.find_element(By.ID, "a-title").send_keys("Ferry fares rise")
    browser.find_element(By.ID, "a-source").send_keys("Fjord Post")
    browser.find_element(By.ID, "a-url").send_keys("https://example.org/ferry")
    browser.execute_script("document.getElementById('a-date').value = '2024-10-01'")
    browser.find_element(By.ID, "a-body").send_keys("Fares rise in May.\n\nThe operator said so.")
    browser.find_element(By.CSS_SELECTOR, "#new-article .primary").click()
    wait_for(browser, lambda d: "/desk/articles/" in d.current_url and "new" not in d.current_url)
    article_id = browser.current_url.rsplit("/", 1)[1]
    stored = desk.api().get(f"/api/v1/articles/{article_id}").json
    assert (stored["title"], stored["source"]) == ("Ferry fares rise", "Fjord Post")
    assert stored["url"] == "https://example.org/ferry"
    assert stored["published_at"].startswith("2024-10-01")
    assert stored["body"] == "Fares rise in May.\n\nThe operator said so."
    wait_for(browser, lambda d: d.find_element(By.ID, "article-title").text == "Ferry fares rise")


def test_a_rejected_article_shows_the_apis_reasons(browser, desk):
    open_page(browser, desk.url + "/desk/articles/new", "#new-article")
    wait_for(
        browser, lambda d: d.find_element(By.CSS_SELECTOR, "#new-article .primary").is_displayed()
    )
    browser.find_element(By.ID, "a-title").send_keys("Duplicate")
    browser.find_element(By.ID, "a-body").send_keys("Pilots are tired, said Tor.")
    browser.find_element(By.CSS_SELECTOR, "#new-article .primary").click()
    link = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#status a"))[0]
    assert link.get_attribute("href").endswith(f"/desk/articles/{desk.ids['old']}")
    assert desk.api().get("/api/v1/articles").json["total"] == 4


def test_text_from_articles_and_sides_is_never_markup(browser, desk):
    api = desk.api()
    side = api.post("/api/v1/sides", json={"name": f"Side {HOSTILE}"}).json
    body = f"Mayor {HOSTILE} said that <script>window.pwned=2</script> all is well."
    article = api.post(
        "/api/v1/articles", json={"title": f"Title {HOSTILE}", "body": body, "source": HOSTILE}
    ).json
    claim = {
        "article_id": article["id"],
        "text": "<script>window.pwned=2</script> all is well",
        "kind": "indirect",
        "side_id": side["id"],
        "speaker": {"name": f"Mayor {HOSTILE}", "type": "person"},
    }
    claim = api.post("/api/v1/claims", json=claim).json
    open_page(browser, f"{desk.url}/desk/articles/{article['id']}", "#article[data-ready]")
    idle(browser)
    browser.find_element(By.CSS_SELECTOR, f'[data-claim-id="{claim["id"]}"]').click()
    assert browser.find_element(By.ID, "article-title").text == f"Title {HOSTILE}"
    assert browser.find_element(By.ID, "d-speaker").text == f"Mayor {HOSTILE}"
    assert HOSTILE in browser.find_element(By.ID, "d-side").text
    assert HOSTILE in browser.find_element(By.CSS_SELECTOR, "#share-chart desc").get_attribute(
        "textContent"
    )
    assert_inert(browser)
    for path, ready in (
        ("/desk", "#articles[data-ready]"),
        ("/desk/sides", "#side-list[data-ready]"),
    ):
        open_page(browser, desk.url + path, ready)
        assert HOSTILE in browser.find_element(By.ID, "main").text
        assert_inert(browser)


def assert_inert(browser):
    """No element was made from the text, and no script of it ran."""
    assert not browser.find_elements(By.CSS_SELECTOR, "main img, main script")
    assert browser.execute_script("return window.pwned") is None
