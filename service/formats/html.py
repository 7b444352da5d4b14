"""A whole HTML page (as a CMS or a crawler has it) in, Claimdesk article fields out.

trafilatura finds the article text (dropping navigation, footers and other boilerplate)
and the metadata: title, date, authors, the canonical URL and the site name. The language
comes from the page's own declaration (`<html lang>`, Content-Language, og:locale). Nothing
is fetched: the page is all there is.
"""

import datetime as dt

import lxml.etree
import lxml.html
import trafilatura
from trafilatura.settings import Document

from service.formats.errors import InvalidDocument
from service.formats.languages import DEFAULT_LANGUAGE, normalize_language
from service.formats.markup import element_to_text
from service.formats.ninjs import MAX_BODY, MAX_TAGS, MAX_TITLE

# Fewer words than this is a teaser, a menu or a cookie notice, not an article body.
MIN_BODY_WORDS = 10
_PUBLISHED_TIME = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//time[@itemprop='datePublished']/@datetime",
)
_LANGUAGE = (
    "/html/@lang",
    "/html/@xml:lang",
    "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
    "='content-language']/@content",
    "//meta[@property='og:locale']/@content",
)


def html_to_article(page: str | bytes) -> dict[str, object]:
    """Article create fields from an HTML page (InvalidDocument names what is missing)."""
    if not page or not page.strip():
        raise InvalidDocument.field("body", "the page is empty")
    result = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
    )
    # A page trafilatura finds nothing in reads as an empty one: both are named below.
    extracted = result if isinstance(result, Document) else Document()
    tree = _parse(page)
    title = " ".join((extracted.title or "").split())
    body = "" if extracted.body is None else element_to_text(extracted.body)
    body = _without_headline(body, title)
    missing = {}
    if len(body.split()) < MIN_BODY_WORDS:
        missing["body"] = [f"the page has no article body (no text of {MIN_BODY_WORDS}+ words)"]
    if not title:
        missing["title"] = ["the page has no title (<title>, og:title or <h1>)"]
    if missing:
        raise InvalidDocument(missing, "Not an article page: no " + " and no ".join(missing))
    if len(body) > MAX_BODY:
        raise InvalidDocument.field("body", f"the article text is over {MAX_BODY} characters")
    article: dict[str, object] = {
        "title": title[:MAX_TITLE],
        "body": body,
        "language": _language(tree),
    }
    optional: dict[str, object] = {
        "url": _url(extracted.url),
        "published_at": _published_at(tree, extracted.date),
        "authors": _authors(extracted.author),
        "source": (extracted.sitename or "").strip()[:200] or None,
        "tags": _tags(extracted.tags),
    }
    article.update({name: value for name, value in optional.items() if value})
    return article


def _without_headline(body: str, title: str) -> str:
    """The body without a first paragraph that repeats the title (the page's <h1>)."""
    first, _, rest = body.partition("\n\n")
    if title and " ".join(first.split()).casefold() == title.casefold():
        return rest
    return body


def _parse(page: str | bytes):
    """The page as an lxml tree for the metadata trafilatura does not give (or None)."""
    try:
        return lxml.html.document_fromstring(page)
    except (lxml.etree.ParserError, ValueError):
        return None


def _url(url: str | None) -> str | None:
    """The canonical URL when it is an absolute http(s) URL."""
    url = (url or "").strip()
    return url if url.lower().startswith(("http://", "https://")) and len(url) <= 2000 else None


def _authors(author: str | None) -> list[str]:
    """trafilatura's `A; B` author string as a list."""
    names = [name.strip() for name in (author or "").split(";")]
    return list(dict.fromkeys(name[:200] for name in names if name))[:50]


def _tags(tags: list[str] | None) -> list[str]:
    """The page's article tags (article:tag, keywords), without repeats."""
    names = [tag.strip() for tag in tags or [] if tag and tag.strip() and len(tag) <= 100]
    return list(dict.fromkeys(names))[:MAX_TAGS]


def _published_at(tree, day: str | None) -> str | None:
    """The publication time: a full timestamp from the page's metadata, else the day found."""
    for path in _PUBLISHED_TIME if tree is not None else ():
        for value in tree.xpath(path):
            moment = _aware(value)
            if moment is not None:
                return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if day:
        # A date alone means midnight UTC, as everywhere in the API.
        return f"{day[:10]}T00:00:00Z"
    return None


def _aware(value: str) -> dt.datetime | None:
    """A datetime with a zone from an ISO 8601 string, or None."""
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _language(tree) -> str:
    """The page's declared language, canonical; the default when it declares none we know."""
    for path in _LANGUAGE if tree is not None else ():
        for value in tree.xpath(path, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"}):
            try:
                return normalize_language(value.split(",")[0])
            except InvalidDocument:
                continue  # a page's own label is not the client's input: try the next one
    return DEFAULT_LANGUAGE
