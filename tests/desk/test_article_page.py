"""The article page in a browser: claims in their sides' colours, reviewed with clicks and keys.

Each change made in the page is checked where it matters: in the API's answer.
"""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from service.desk.colours import contrast_ratio
from tests.desk.browsing import hex_of, idle, open_page, rgba, select_text, wait_for

READY = "#article[data-ready]"


@pytest.fixture(scope="module")
def desk(serve):
    """The embedded default: seeds loaded and their claims extracted at start."""
    return serve({"LOAD_SEEDS": True, "EXTRACTION_ENABLED": True})


@pytest.fixture(scope="module")
def seed(desk):
    """The seed article, its sides by name."""
    api = desk.api()
    article = api.get("/api/v1/articles").json["items"][0]
    sides = {s["name"]: s for s in api.get("/api/v1/sides").json["items"]}
    return {"article": article, "sides": sides}


def claims_of(desk, article_id) -> list[dict]:
    """The article's claims as the API gives them, in body order."""
    return desk.api().get(f"/api/v1/articles/{article_id}/claims?per_page=100").json["items"]


def claim_of(desk, claim_id) -> dict:
    return desk.api().get(f"/api/v1/claims/{claim_id}").json


def open_article(browser, desk, article_id):
    open_page(browser, f"{desk.url}/desk/articles/{article_id}", READY)
    idle(browser)


def highlight(browser, claim_id):
    return browser.find_element(By.CSS_SELECTOR, f'#article-body [data-claim-id="{claim_id}"]')


def choose(browser, claim_id):
    """Click a claim and wait for the panel to show it."""
    highlight(browser, claim_id).click()
    wait_for(browser, lambda d: highlight(d, claim_id).get_attribute("aria-pressed") == "true")


def test_every_claim_is_highlighted_in_its_sides_colour(browser, desk, seed):
    article = seed["article"]
    claims = claims_of(desk, article["id"])
    colours = {s["id"]: s["color"] for s in seed["sides"].values()}
    assert len(claims) >= 5 and all(c["side_id"] in colours for c in claims)
    open_article(browser, desk, article["id"])
    shown = browser.find_elements(By.CSS_SELECTOR, "#article-body [data-claim-id]")
    assert sorted(e.get_attribute("data-claim-id") for e in shown) == sorted(
        c["id"] for c in claims
    )
    for claim in claims:
        node = highlight(browser, claim["id"])
        assert node.get_attribute("data-side-id") == claim["side_id"]
        assert node.text.strip() == claim["text"]
        background = node.value_of_css_property("background-color")
        assert background == rgba(colours[claim["side_id"]])
        text = hex_of(node.value_of_css_property("color"))
        assert contrast_ratio(hex_of(background), text) >= 4.5
        side_name = next(s["name"] for s in seed["sides"].values() if s["id"] == claim["side_id"])
        assert side_name in node.get_attribute("title")  # not by colour alone


def test_speaker_mentions_are_underlined(browser, desk, seed):
    article = seed["article"]
    open_article(browser, desk, article["id"])
    claim = next(c for c in claims_of(desk, article["id"]) if c["speaker_span"])
    span = claim["speaker_span"]
    mention = browser.find_element(By.CSS_SELECTOR, f'[data-speaker-of="{claim["id"]}"]')
    assert mention.text == article["body"][span["start"] : span["end"]]
    assert "underline" in mention.value_of_css_property("text-decoration-line")


def test_selecting_a_claim_shows_its_details(browser, desk, seed):
    article = seed["article"]
    claim = next(c for c in claims_of(desk, article["id"]) if c["speaker"]["title"])
    open_article(browser, desk, article["id"])
    choose(browser, claim["id"])
    panel = browser.find_element(By.ID, "claim-details")
    assert panel.find_element(By.ID, "d-text").text == claim["text"]
    assert panel.find_element(By.ID, "d-speaker").text == claim["speaker"]["name"]
    assert panel.find_element(By.ID, "d-title").text == claim["speaker"]["title"]
    assert panel.find_element(By.ID, "d-kind").text == claim["kind"]
    assert panel.find_element(By.ID, "d-cue").text == claim["cue"]
    assert panel.find_element(By.ID, "d-confidence").text == f"{round(claim['confidence'] * 100)}%"
    assert panel.find_element(By.ID, "d-side").text == "United States"
    assert panel.find_element(By.ID, "d-review").text == "unreviewed"


def test_confirm_a_claim(browser, desk, seed):
    article = seed["article"]
    claim = claims_of(desk, article["id"])[0]
    open_article(browser, desk, article["id"])
    choose(browser, claim["id"])
    browser.find_element(By.ID, "confirm").click()
    wait_for(browser, lambda d: claim_of(desk, claim["id"])["review"]["status"] == "confirmed")
    wait_for(browser, lambda d: "confirmed" in highlight(d, claim["id"]).get_attribute("class"))
    assert browser.find_element(By.ID, "d-review").text.startswith("confirmed")


def test_keys_move_between_claims_and_reject(browser, desk, seed):
    article = seed["article"]
    claims = claims_of(desk, article["id"])
    open_article(browser, desk, article["id"])
    page = browser.find_element(By.TAG_NAME, "body")
    for key, expected in (("j", 0), ("j", 1), ("j", 2), ("k", 1)):
        browser.switch_to.active_element.send_keys(key) if key == "k" else page.send_keys(key)
        claim_id = claims[expected]["id"]
        wait_for(
            browser, lambda d, i=claim_id: highlight(d, i).get_attribute("aria-pressed") == "true"
        )
        assert browser.find_element(By.ID, "d-text").text == claims[expected]["text"]
    browser.switch_to.active_element.send_keys("r")
    rejected = claims[1]["id"]
    wait_for(browser, lambda d: claim_of(desk, rejected)["review"]["status"] == "rejected")
    idle(browser)
    wait_for(browser, lambda d: "rejected" in highlight(d, rejected).get_attribute("class"))
    assert "line-through" in highlight(browser, rejected).value_of_css_property(
        "text-decoration-line"
    )
    # The reviewed claim keeps the focus, so the next key goes on from there.
    assert browser.switch_to.active_element.get_attribute("data-claim-id") == rejected


def test_change_the_side_of_a_claim(browser, desk, seed):
    article, us = seed["article"], seed["sides"]["United States"]
    claim = next(
        c for c in claims_of(desk, article["id"]) if c["text"].startswith("has complaints")
    )
    assert claim["side_id"] == seed["sides"]["Russia"]["id"]
    open_article(browser, desk, article["id"])
    choose(browser, claim["id"])
    Select(browser.find_element(By.ID, "side-select")).select_by_visible_text("United States")
    browser.find_element(By.CSS_SELECTOR, "#side-form button[type=submit]").click()
    wait_for(browser, lambda d: claim_of(desk, claim["id"])["side_id"] == us["id"])
    idle(browser)
    node = wait_for(browser, lambda d: highlight(d, claim["id"]))
    assert node.get_attribute("data-side-id") == us["id"]
    assert node.value_of_css_property("background-color") == rgba(us["color"])
    assert browser.find_element(By.ID, "d-side").text == "United States"


def test_a_new_side_from_the_panel_gets_a_readable_colour_everywhere(browser, desk, seed):
    article = seed["article"]
    claim = next(c for c in claims_of(desk, article["id"]) if c["text"].startswith("question US"))
    open_article(browser, desk, article["id"])
    choose(browser, claim["id"])
    Select(browser.find_element(By.ID, "side-select")).select_by_visible_text("New side…")
    browser.find_element(By.ID, "new-side-name").send_keys("Russian officials")
    browser.find_element(By.CSS_SELECTOR, "#side-form button[type=submit]").click()
    wait_for(browser, lambda d: desk.api().get("/api/v1/sides?q=Russian off").json["total"] == 1)
    side = desk.api().get("/api/v1/sides?q=Russian off").json["items"][0]
    assert side["color"] is None
    wait_for(browser, lambda d: claim_of(desk, claim["id"])["side_id"] == side["id"])
    idle(browser)
    # No colour of its own: the page and the server's chart pick the same one.
    bar = wait_for(
        browser,
        lambda d: d.find_elements(
            By.CSS_SELECTOR, f'#share-chart [data-side-id="{side["id"]}"] rect'
        ),
    )[0]
    node = highlight(browser, claim["id"])
    assert hex_of(node.value_of_css_property("background-color")) == bar.get_attribute("fill")
    text = hex_of(node.value_of_css_property("color"))
    assert contrast_ratio(bar.get_attribute("fill"), text) >= 4.5


def test_add_a_manual_claim_by_selecting_text(browser, desk, seed):
    article, us = seed["article"], seed["sides"]["United States"]
    phrase = "to strengthen ties and begin preparing for the summit"
    start = article["body"].index(phrase)
    open_article(browser, desk, article["id"])
    button = browser.find_element(By.ID, "add-claim")
    assert not button.is_enabled()
    select_text(browser, browser.find_element(By.ID, "article-body"), phrase)
    wait_for(browser, lambda d: button.is_enabled())
    button.click()
    assert browser.find_element(By.ID, "manual-text").text == phrase
    browser.find_element(By.ID, "m-speaker").send_keys("Antony Blinken")
    Select(browser.find_element(By.ID, "m-kind")).select_by_value("position")
    Select(browser.find_element(By.ID, "m-side")).select_by_visible_text("United States")
    browser.find_element(By.CSS_SELECTOR, "#manual-claim button[type=submit]").click()

    def manual(_):
        return [c for c in claims_of(desk, article["id"]) if c["origin"] == "manual"]

    claim = wait_for(browser, manual)[0]
    assert claim["text"] == phrase
    assert claim["span"] == {"start": start, "end": start + len(phrase)}
    assert claim["speaker"]["name"] == "Antony Blinken"
    assert (claim["kind"], claim["side_id"]) == ("position", us["id"])
    idle(browser)
    node = wait_for(browser, lambda d: highlight(d, claim["id"]))
    assert node.text == phrase
    assert node.value_of_css_property("background-color") == rgba(us["color"])


def test_an_unattributed_manual_claim_is_neutral(browser, desk, seed):
    article = seed["article"]
    phrase = "With a call the preliminary conversations began"
    open_article(browser, desk, article["id"])
    select_text(browser, browser.find_element(By.ID, "article-body"), phrase)
    wait_for(browser, lambda d: d.find_element(By.ID, "add-claim").is_enabled())
    browser.find_element(By.ID, "add-claim").click()
    browser.find_element(By.CSS_SELECTOR, "#manual-claim button[type=submit]").click()
    claim = wait_for(
        browser,
        lambda d: [c for c in claims_of(desk, article["id"]) if c["text"] == phrase],
    )[0]
    assert claim["side_id"] is None and claim["speaker"]["name"] is None
    idle(browser)
    node = wait_for(browser, lambda d: highlight(d, claim["id"]))
    assert node.get_attribute("data-side-id") == "none"
    assert "unattributed" in node.get_attribute("class")
    assert "Unattributed" in node.get_attribute("title")


def test_edit_the_speaker(browser, desk, seed):
    article = seed["article"]
    claim = next(c for c in claims_of(desk, article["id"]) if c["text"].startswith("consider"))
    open_article(browser, desk, article["id"])
    choose(browser, claim["id"])
    name = browser.find_element(By.ID, "s-name")
    name.clear()
    name.send_keys("Russian officials")
    Select(browser.find_element(By.ID, "s-type")).select_by_value("group")
    browser.find_element(By.CSS_SELECTOR, "#speaker-form button[type=submit]").click()
    wait_for(
        browser, lambda d: claim_of(desk, claim["id"])["speaker"]["name"] == "Russian officials"
    )
    assert claim_of(desk, claim["id"])["speaker"]["type"] == "group"


def test_reextract_keeps_reviewed_and_manual_claims(browser, desk, seed):
    article = seed["article"]
    before = claims_of(desk, article["id"])
    kept = [
        c["id"] for c in before if c["origin"] == "manual" or c["review"]["status"] != "unreviewed"
    ]
    assert kept
    open_article(browser, desk, article["id"])
    browser.find_element(By.ID, "reextract").click()
    wait_for(browser, lambda d: "Extracted again" in d.find_element(By.ID, "status").text)
    after = claims_of(desk, article["id"])
    assert set(kept) <= {c["id"] for c in after}
    shown = browser.find_elements(By.CSS_SELECTOR, "#article-body [data-claim-id]")
    assert sorted(e.get_attribute("data-claim-id") for e in shown) == sorted(c["id"] for c in after)


def test_share_of_voice_chart_follows_the_balance(browser, desk, seed):
    article = seed["article"]
    open_article(browser, desk, article["id"])
    balance = desk.api().get(f"/api/v1/articles/{article['id']}/balance").json
    rows = wait_for(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#share-chart .share-row"))
    assert [r.get_attribute("data-side-id") for r in rows] == [
        row["side_id"] or "none" for row in balance["sides"]
    ]
    desc = browser.find_element(By.CSS_SELECTOR, "#share-chart desc").get_attribute("textContent")
    for row in balance["sides"]:
        assert f"{row['claims']} claim" in desc
    legend = browser.find_element(By.ID, "side-legend").text
    assert "Russia" in legend and "United States" in legend


def test_a_claim_not_found_in_the_text_is_listed_and_reachable(browser, desk, seed):
    article = seed["article"]
    claim = {
        "article_id": article["id"],
        "text": "Words this article never had",
        "kind": "position",
    }
    created = desk.api().post("/api/v1/claims", json=claim).json
    assert created["span"] is None
    open_article(browser, desk, article["id"])
    listed = browser.find_element(
        By.CSS_SELECTOR, f'#unplaced-list [data-claim-id="{created["id"]}"]'
    )
    assert "Words this article never had" in listed.text
    listed.click()
    wait_for(browser, lambda d: d.find_element(By.ID, "d-text").text == claim["text"])
    browser.switch_to.active_element.send_keys("k")  # from the last claim back into the text
    wait_for(browser, lambda d: d.find_element(By.ID, "d-text").text != claim["text"])
    desk.api().delete(f"/api/v1/claims/{created['id']}")


RENDER = """
const [body, claims] = arguments;
const box = document.createElement('div');
Marks.render(box, body, claims, () => ({classes: 'x', sideId: 's', sideName: 'S', title: 't',
                                        background: '#ffffff', color: '#000000'}));
const pick = (sel) => [...box.querySelectorAll(sel)].map((n) => n.textContent);
return {text: box.textContent, first: pick('[data-claim-id]'), parts: pick('[data-claim-part]'),
        speakers: pick('[data-speaker-of]'), evidence: pick('[data-evidence-of]')};
"""


def test_overlapping_marks_keep_the_text_and_one_element_per_claim(browser, desk, seed):
    open_article(browser, desk, seed["article"]["id"])
    body = "Aaa said bbb ccc, for Ddd and Eee."
    claims = [
        {
            "id": "c1",
            "span": {"start": 9, "end": 16},
            "speaker_span": {"start": 0, "end": 3},
            "side_evidence": {"via": "alias", "text": "Ddd", "span": {"start": 22, "end": 25}},
        },
        {"id": "c2", "span": {"start": 13, "end": 25}, "speaker_span": None, "side_evidence": None},
        {"id": "c3", "span": None, "speaker_span": {"start": 30, "end": 99}},  # out of range
        {"id": "c4", "span": {"start": 26, "end": 29}},  # no side_evidence field at all
    ]
    out = browser.execute_script(RENDER, body, claims)
    assert out["text"] == body  # offsets in the page are offsets in the body
    # One element per claim carries its id; c2 starts inside c1 and goes on after it.
    assert out["first"] == ["bbb ccc", "ccc", "and"]
    assert out["parts"] == [", for Ddd"]
    assert out["first"][1] + out["parts"][0] == body[13:25]
    assert out["speakers"] == ["Aaa"]
    assert out["evidence"] == ["Ddd"]
