"""Whole HTML pages in, article fields out: text with paragraphs and the page's metadata."""

import socket

import pytest

from service.formats.errors import InvalidDocument
from service.formats.html import html_to_article

PARAGRAPHS = (
    "“Our members are landing aircraft at the end of fourteen-hour duty days,” said Tor "
    "Eriksen, president of the Nordic Cockpit Union, at a press conference on Thursday.",
    "The airline said that its rosters comply in full with European rules and that it had "
    "offered to meet the union next week to discuss the concerns raised by its pilots.",
)


def page(head: str = "", article: str | None = None, html_attrs: str = 'lang="en-GB"') -> str:
    """A news page with navigation and a footer around the article."""
    if article is None:
        article = "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html {html_attrs}><head><meta charset="utf-8">{head}</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<main><article><h1>Pilots warn of fatigue</h1>{article}</article></main>
<footer><p>© 2024 Nordlys. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


FULL_HEAD = """
<title>Pilots warn of fatigue | Nordlys</title>
<link rel="canonical" href="https://nordlys.example/2024/09/12/pilots">
<meta property="og:title" content="Pilots warn of fatigue">
<meta property="og:site_name" content="Nordlys">
<meta name="author" content="Kari Nordmann; Ola Nordmann">
<meta property="article:published_time" content="2024-09-12T10:00:00+02:00">
<meta property="article:tag" content="aviation">
"""


def test_a_news_page_gives_text_and_metadata():
    article = html_to_article(page(FULL_HEAD))
    assert article == {
        "title": "Pilots warn of fatigue",
        "body": "\n\n".join(PARAGRAPHS),
        "language": "en-GB",
        "url": "https://nordlys.example/2024/09/12/pilots",
        "published_at": "2024-09-12T08:00:00Z",
        "authors": ["Kari Nordmann", "Ola Nordmann"],
        "source": "Nordlys",
        "tags": ["aviation"],
    }


def test_navigation_and_footer_are_not_body_text():
    body = html_to_article(page(FULL_HEAD))["body"]
    assert "Home" not in body and "Privacy" not in body and "All rights reserved" not in body


def test_bytes_are_read_with_the_declared_charset():
    text = page(FULL_HEAD).replace('charset="utf-8"', 'charset="iso-8859-1"')
    text = text.replace("“", '"').replace("”", '"').replace("Eriksen", "Eriksén")
    article = html_to_article(text.encode("iso-8859-1"))
    assert "Tor Eriksén" in article["body"]


def test_a_line_break_inside_a_paragraph_is_kept():
    article = page(FULL_HEAD, f"<p>{PARAGRAPHS[0]}<br>Second line of it.</p><p>{PARAGRAPHS[1]}</p>")
    assert "on Thursday.\nSecond line of it." in html_to_article(article)["body"]


def test_a_day_alone_means_midnight_utc():
    head = '<title>Pilots warn of fatigue</title><meta name="date" content="2024-09-12">'
    assert html_to_article(page(head))["published_at"] == "2024-09-12T00:00:00Z"


def test_without_metadata_only_what_the_page_has():
    article = html_to_article(page("<title>Pilots warn of fatigue</title>", html_attrs=""))
    assert article["language"] == "en"  # the default when the page declares none
    assert article["title"] == "Pilots warn of fatigue"
    for absent in ("url", "authors", "source"):
        assert absent not in article


@pytest.mark.parametrize(
    ("attrs", "head", "language"),
    [
        ('lang="pt-br"', "", "pt-BR"),
        ('lang="klingonese"', "", "en"),  # a page's label we cannot read: the default
        ("", '<meta http-equiv="Content-Language" content="de-AT, de">', "de-AT"),
        ("", '<meta property="og:locale" content="nb_NO">', "nb-NO"),
    ],
)
def test_the_declared_language_is_normalised(attrs, head, language):
    full = f"<title>Pilots warn of fatigue</title>{head}"
    assert html_to_article(page(full, html_attrs=attrs))["language"] == language


@pytest.mark.parametrize(
    ("html", "missing"),
    [
        (page("<title>Pilots</title>", article=""), {"body"}),
        (
            "<html><head><title>Menu</title></head><body><nav>Home News</nav></body></html>",
            {"body"},
        ),
        ("<html><body><p>Subscribe to our newsletter</p></body></html>", {"body", "title"}),
        ("just some words", {"body", "title"}),
        ("   ", {"body"}),
        (b"\x00\xff\xfe binary", {"body", "title"}),
    ],
)
def test_a_page_without_an_article_is_an_error_naming_what_is_missing(html, missing):
    with pytest.raises(InvalidDocument) as caught:
        html_to_article(html)
    assert set(caught.value.errors) == missing


def test_a_relative_canonical_link_is_not_a_url():
    head = '<title>Pilots warn of fatigue</title><link rel="canonical" href="/2024/pilots">'
    url = html_to_article(page(head)).get("url")
    assert url is None or url.startswith(("http://", "https://"))


def test_nothing_is_fetched(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("html_to_article tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert html_to_article(page(FULL_HEAD))["url"] == "https://nordlys.example/2024/09/12/pilots"
