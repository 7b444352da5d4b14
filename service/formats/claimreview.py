"""Claims as schema.org JSON-LD: a `ClaimReview` once rated, else a `Claim`; lists as `ItemList`.

The shapes follow schema.org's ClaimReview and Google's fact-check markup: `claimReviewed`,
`itemReviewed` (a `Claim` with its `author` and `appearance`), `reviewRating` (a `Rating` with
`ratingValue`, `bestRating` 5, `worstRating` 1 and the label as `alternateName`),
`datePublished` and `url`. Inputs are API documents (the claim as the API returns it, its
article, its side); dates may be ISO strings or datetimes.
"""

import datetime as dt
from collections.abc import Iterable

SCHEMA_ORG = "https://schema.org"
BEST_RATING = 5
WORST_RATING = 1
# schema.org's author is a Person or an Organization: a place or group that speaks (the
# Kremlin, Washington, protesters) is an organisation of people.
_AUTHOR_TYPES = {"person": "Person"}


def claim_jsonld(
    claim: dict,
    article: dict | None = None,
    side: dict | None = None,
    base_url: str = "",
    publisher: str | None = None,
    context: bool = True,
) -> dict:
    """One claim as JSON-LD: a ClaimReview when its review has a rating, else a Claim.

    base_url is the API root (`https://host/api/v1`) that the claim's own URL is built on;
    publisher names the organisation that publishes the fact-checks, when there is one.
    """
    rating = (claim.get("review") or {}).get("rating")
    if rating:
        document = _claim_review(claim, article, side, base_url, rating, publisher)
    else:
        own_url = _claim_url(claim, base_url)
        document = _without_nulls(
            {**_claim(claim, article, side, base_url), "@id": own_url, "url": own_url}
        )
    return {"@context": SCHEMA_ORG, **document} if context else document


def claims_item_list(
    entries: Iterable[dict], url: str | None = None, total: int | None = None
) -> dict:
    """An ItemList of claim documents (each from claim_jsonld(..., context=False)).

    total is the number of matching claims when the list is one page of them.
    """
    items = [
        {"@type": "ListItem", "position": position, "item": entry}
        for position, entry in enumerate(entries, start=1)
    ]
    document = {
        "@context": SCHEMA_ORG,
        "@type": "ItemList",
        "url": url,
        "numberOfItems": len(items) if total is None else total,
        "itemListElement": items,
    }
    return _without_nulls(document)


def _claim_review(claim, article, side, base_url, rating: dict, publisher) -> dict:
    """The ClaimReview of a rated claim."""
    review = claim.get("review") or {}
    own_url = _claim_url(claim, base_url)
    document = {
        "@type": "ClaimReview",
        "@id": f"{own_url}#review" if own_url else None,
        "url": rating.get("url") or own_url,
        "claimReviewed": claim["text"],
        "datePublished": _date(review.get("reviewed_at") or claim.get("updated_at")),
        "itemReviewed": _claim(claim, article, side, base_url),
        "reviewRating": _rating(rating),
    }
    if publisher:
        document["author"] = {"@type": "Organization", "name": publisher}
    return _without_nulls(document)


def _rating(rating: dict) -> dict:
    """A schema.org Rating on our 1 (false) to 5 (true) scale."""
    document = {
        "@type": "Rating",
        "ratingValue": rating.get("value"),
        "bestRating": BEST_RATING,
        "worstRating": WORST_RATING,
        "alternateName": rating.get("label"),
        "ratingExplanation": rating.get("explanation"),
    }
    return _without_nulls(document)


def _claim(claim: dict, article: dict | None, side: dict | None, base_url: str) -> dict:
    """The Claim itself: what was said, by whom, where it appeared."""
    article = article or {}
    document = {
        "@type": "Claim",
        "identifier": claim.get("id"),
        "text": claim["text"],
        "author": _author(claim.get("speaker") or {}, side),
        "datePublished": _date(claim.get("published_at") or article.get("published_at")),
        "appearance": _appearance(article, base_url) if article else None,
    }
    return _without_nulls(document)


def _author(speaker: dict, side: dict | None) -> dict | None:
    """The speaker as a Person or Organization, a member of the side when there is one."""
    side_org = {"@type": "Organization", "name": side["name"]} if side else None
    if not speaker.get("name"):
        return side_org  # an unnamed speaker speaks for the side, if any
    kind = _AUTHOR_TYPES.get(speaker.get("type") or "", "Organization")
    author = {"@type": kind, "name": speaker["name"], "memberOf": side_org}
    if kind == "Person":
        author["jobTitle"] = speaker.get("title")
    return _without_nulls(author)


def _appearance(article: dict, base_url: str) -> dict:
    """The article the claim appeared in, as a NewsArticle."""
    own = f"{base_url}/articles/{article['id']}" if base_url and article.get("id") else None
    document = {
        "@type": "NewsArticle",
        "url": article.get("url") or own,
        "headline": article.get("title"),
        "datePublished": _date(article.get("published_at")),
        "inLanguage": article.get("language"),
        "author": [{"@type": "Person", "name": name} for name in article.get("authors") or []]
        or None,
        "publisher": {"@type": "Organization", "name": article["source"]}
        if article.get("source")
        else None,
    }
    return _without_nulls(document)


def _claim_url(claim: dict, base_url: str) -> str | None:
    """The claim's own address in the API."""
    return f"{base_url}/claims/{claim['id']}" if base_url and claim.get("id") else None


def _date(value) -> str | None:
    """An ISO 8601 UTC timestamp with Z from a datetime (naive means UTC) or a string."""
    if value is None or isinstance(value, str):
        return value
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _without_nulls(document: dict) -> dict:
    """The document without the properties that have no value."""
    return {key: value for key, value in document.items() if value is not None}
