"""The desk over HTTP: security headers, no inline code, escaped charts, colour rules."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from service.desk import colours
from service.desk.chart import share_chart

STATIC = Path(__file__).resolve().parents[2] / "service" / "desk" / "static" / "desk"
ID = "0123456789abcdef01234567"
PAGES = [
    "/desk",
    "/desk/articles/new",
    f"/desk/articles/{ID}",
    "/desk/sides",
    f"/desk/speakers/{ID}",
]


class InlineCode(HTMLParser):
    """Collects inline scripts, inline styles and event-handler attributes of a page."""

    def __init__(self):
        super().__init__()
        self.found, self.scripts = [], []

    def handle_starttag(self, tag, attrs):
        names = {name for name, _ in attrs}
        if tag == "script":
            self.scripts.append(dict(attrs).get("src"))
            if "src" not in names:
                self.found.append("inline <script>")
        if tag == "style" or "style" in names:
            self.found.append(f"inline style on <{tag}>")
        self.found += [f"{name} on <{tag}>" for name in names if name.startswith("on")]


@pytest.mark.parametrize("path", PAGES)
def test_pages_send_security_headers_and_no_inline_code(client, path):
    response = client.get(path)
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    parser = InlineCode()
    parser.feed(response.get_data(as_text=True))
    assert parser.found == []
    for src in parser.scripts:  # every script is served here, none from elsewhere
        assert src.startswith("/desk/static/")
        asset = client.get(src, buffered=True)
        assert asset.status_code == 200 and "javascript" in asset.content_type
        assert asset.headers["X-Content-Type-Options"] == "nosniff"


def test_a_malformed_id_in_a_desk_address_is_a_404(client):
    assert client.get("/desk/articles/not-an-id").status_code == 404
    assert client.get("/desk/speakers/123").status_code == 404


def test_scripts_never_build_markup_from_strings():
    for script in STATIC.glob("*.js"):
        code = script.read_text("utf-8")
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in code, (script.name, sink)
        assert "localStorage" not in code, script.name  # the key lives in sessionStorage


def make_article(client, body="The union said that pilots are tired."):
    return client.post("/api/v1/articles", json={"title": "T", "body": body}).json["id"]


def test_the_chart_is_svg_with_escaped_names(client):
    side = client.post("/api/v1/sides", json={"name": "<script>alert(1)</script>"}).json
    article_id = make_article(client)
    claim = {"article_id": article_id, "text": "pilots are tired", "kind": "indirect"}
    client.post("/api/v1/claims", json={**claim, "side_id": side["id"]})
    client.post("/api/v1/claims", json={**claim, "text": "The union said"})
    response = client.get(f"/api/v1/articles/{article_id}/balance.svg")
    assert response.status_code == 200
    assert response.content_type == "image/svg+xml; charset=utf-8"
    svg = response.get_data(as_text=True)
    assert "<script" not in svg and "&lt;script&gt;" in svg
    assert f'data-side-id="{side["id"]}"' in svg and 'data-side-id="none"' in svg
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_the_chart_of_a_missing_article_is_a_404_problem(client):
    response = client.get(f"/api/v1/articles/{ID}/balance.svg")
    assert response.status_code == 404
    assert response.content_type == "application/problem+json"


def test_the_chart_honours_accept(client):
    article_id = make_article(client)
    path = f"/api/v1/articles/{article_id}/balance.svg"
    refused = client.get(path, headers={"Accept": "application/json"})
    assert refused.status_code == 406
    assert refused.content_type == "application/problem+json"
    assert client.get(path, headers={"Accept": "image/*"}).status_code == 200


def test_share_chart_rows_follow_the_balance():
    balance = {
        "sides": [
            {
                "side_id": "6b0de74f4236bb3a9820b585",
                "side_name": "Russia",
                "claims": 3,
                "claim_share": 0.75,
                "words": 30,
                "word_share": 0.6,
            },
            {
                "side_id": None,
                "side_name": None,
                "claims": 1,
                "claim_share": 0.25,
                "words": 20,
                "word_share": 0.4,
            },
        ]
    }
    chart = share_chart(balance, {"6b0de74f4236bb3a9820b585": "#C0392B"})
    first, second = chart["rows"]
    assert (first["name"], first["colour"], first["claim_width"]) == ("Russia", "#c0392b", 225.0)
    assert (second["name"], second["colour"], second["side_id"]) == (
        "Unattributed",
        colours.NEUTRAL,
        "none",
    )
    assert first["label"] == "3 claims (75%), 30 words (60%)"
    assert "Unattributed: 1 claim (25%)" in chart["summary"]


def test_page_and_server_pick_the_same_fallback_colours():
    code = (STATIC / "desk.js").read_text("utf-8")
    palette = re.search(r"const PALETTE = \[([^\]]*)\]", code).group(1)
    assert tuple(re.findall(r'"(#[0-9a-f]{6})"', palette)) == colours.PALETTE
    assert f'const NEUTRAL = "{colours.NEUTRAL}"' in code
    assert (
        colours.side_colour("6b0de74f4236bb3a9820b58d", None)
        == colours.PALETTE[int("20b58d", 16) % len(colours.PALETTE)]
    )


@pytest.mark.parametrize("colour", [*colours.PALETTE, colours.NEUTRAL, "#ffd54f", "#777777"])
def test_text_on_any_side_colour_is_readable(colour):
    assert colours.contrast_ratio(colour, colours.text_colour_on(colour)) >= 4.5


def test_contrast_ratio_is_wcags():
    assert colours.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert colours.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert colours.text_colour_on("#ffd54f") == "#000000"
    assert colours.text_colour_on("#1f4e9c") == "#ffffff"
