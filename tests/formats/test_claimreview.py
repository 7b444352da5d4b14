"""Claims as schema.org JSON-LD, checked by expanding them with pyld (offline)."""

import copy
import datetime as dt

import pytest
from pyld import jsonld

from service.formats.claimreview import claim_jsonld, claims_item_list

S = "http://schema.org/"
BASE = "https://claimdesk.example/api/v1"

# A small schema.org context written for these tests: only the terms our documents may
# use, so that expansion drops (and the test catches) any property schema.org lacks.
TERMS = """
    ClaimReview Claim Rating ItemList ListItem Person Organization NewsArticle
    claimReviewed itemReviewed reviewRating ratingValue bestRating worstRating alternateName
    ratingExplanation datePublished author appearance text identifier memberOf jobTitle
    headline inLanguage publisher name numberOfItems itemListElement position item
""".split()  # noqa: SIM905
SCHEMA_CONTEXT = {
    "@context": {
        "schema": S,
        **{term: f"schema:{term}" for term in TERMS},
        "url": {"@id": "schema:url", "@type": "@id"},
    }
}


def offline_loader(url, options=None):
    """Serve the test context for schema.org; refuse every other address (no network)."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"tried to load {url}")
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(SCHEMA_CONTEXT)}


def expand(document):
    """Expanded JSON-LD; a property the context does not define fails the test."""

    def dropped(name):
        raise AssertionError(f"property {name!r} is not a schema.org term")

    return jsonld.expand(document, {"documentLoader": offline_loader}, on_property_dropped=dropped)


def value(node, prop):
    """The first value of a property of an expanded node (@value or @id or the node)."""
    entries = node.get(S + prop)
    assert entries, f"{prop} is missing"
    first = entries[0]
    return first.get("@value", first.get("@id", first))


ARTICLE = {
    "id": "65f0c0ffee0000000000a001",
    "title": "Pilots warn of fatigue",
    "url": "https://nordlys.example/2024/09/12/pilots",
    "source": "Nordlys",
    "authors": ["Kari Nordmann"],
    "language": "en-GB",
    "published_at": "2024-09-12T08:00:00Z",
}
SIDE = {"id": "65f0c0ffee0000000000b001", "name": "Nordic Cockpit Union"}
CLAIM = {
    "id": "65f0c0ffee0000000000c001",
    "article_id": ARTICLE["id"],
    "text": "Our members are landing aircraft at the end of fourteen-hour duty days",
    "kind": "direct",
    "speaker": {"name": "Tor Eriksen", "title": "president", "type": "person"},
    "side_id": SIDE["id"],
    "published_at": "2024-09-12T08:00:00Z",
    "updated_at": "2024-09-13T09:00:00Z",
    "review": {
        "status": "confirmed",
        "reviewed_by": "desk",
        "reviewed_at": "2024-09-13T09:00:00Z",
        "rating": {
            "value": 2,
            "label": "Mostly false",
            "explanation": "Duty days averaged eleven hours in the rosters we saw.",
            "url": "https://nordlys.example/factcheck/duty-days",
        },
    },
}


def test_a_rated_claim_is_a_claim_review_with_what_google_requires():
    document = claim_jsonld(CLAIM, ARTICLE, SIDE, BASE, publisher="Nordlys Fact Check")
    [review] = expand(document)
    assert review["@type"] == [S + "ClaimReview"]
    # Google's fact-check markup: claimReviewed, reviewRating (alternateName), url required;
    # author, datePublished, itemReviewed recommended.
    assert value(review, "claimReviewed") == CLAIM["text"]
    assert value(review, "url") == "https://nordlys.example/factcheck/duty-days"
    assert value(review, "datePublished") == "2024-09-13T09:00:00Z"
    author = value(review, "author")
    assert author["@type"] == [S + "Organization"]
    assert value(author, "name") == "Nordlys Fact Check"
    rating = value(review, "reviewRating")
    assert rating["@type"] == [S + "Rating"]
    assert value(rating, "ratingValue") == 2
    assert value(rating, "bestRating") == 5
    assert value(rating, "worstRating") == 1
    assert value(rating, "alternateName") == "Mostly false"
    assert value(rating, "ratingExplanation").startswith("Duty days")


def test_the_item_reviewed_is_the_claim_with_its_author_and_appearance():
    [review] = expand(claim_jsonld(CLAIM, ARTICLE, SIDE, BASE))
    claim = value(review, "itemReviewed")
    assert claim["@type"] == [S + "Claim"]
    assert value(claim, "datePublished") == "2024-09-12T08:00:00Z"
    speaker = value(claim, "author")
    assert speaker["@type"] == [S + "Person"]
    assert value(speaker, "name") == "Tor Eriksen"
    assert value(speaker, "jobTitle") == "president"
    assert value(value(speaker, "memberOf"), "name") == "Nordic Cockpit Union"
    appearance = value(claim, "appearance")
    assert appearance["@type"] == [S + "NewsArticle"]
    assert value(appearance, "url") == ARTICLE["url"]
    assert value(appearance, "headline") == ARTICLE["title"]
    assert value(value(appearance, "publisher"), "name") == "Nordlys"


def test_a_rating_without_a_value_keeps_its_label_and_no_rating_value():
    claim = copy.deepcopy(CLAIM)
    claim["review"]["rating"] = {"value": None, "label": "Unproven"}
    [review] = expand(claim_jsonld(claim, ARTICLE, SIDE, BASE))
    rating = value(review, "reviewRating")
    assert S + "ratingValue" not in rating
    assert value(rating, "alternateName") == "Unproven"
    # Without a published fact-check, the review's url is the claim's own address.
    assert value(review, "url") == f"{BASE}/claims/{CLAIM['id']}"


def test_an_unrated_claim_is_a_claim():
    claim = {**CLAIM, "review": {"status": "unreviewed", "rating": None}}
    document = claim_jsonld(claim, ARTICLE, SIDE, BASE)
    [node] = expand(document)
    assert node["@type"] == [S + "Claim"]
    assert node["@id"] == f"{BASE}/claims/{CLAIM['id']}"
    assert value(node, "text") == CLAIM["text"]
    assert S + "reviewRating" not in node


@pytest.mark.parametrize(
    ("speaker", "side", "kind", "name"),
    [
        ({"name": "The airline", "type": "organization"}, None, "Organization", "The airline"),
        ({"name": "Washington", "type": "place"}, SIDE, "Organization", "Washington"),
        ({"name": None, "title": None, "type": "unknown"}, SIDE, "Organization", SIDE["name"]),
    ],
)
def test_speakers_are_persons_or_organizations(speaker, side, kind, name):
    [node] = expand(claim_jsonld({**CLAIM, "speaker": speaker, "review": {}}, ARTICLE, side))
    author = value(node, "author")
    assert author["@type"] == [S + kind]
    assert value(author, "name") == name


def test_an_unnamed_speaker_without_a_side_has_no_author():
    claim = {**CLAIM, "speaker": {"name": None, "type": "unknown"}, "review": {}}
    [node] = expand(claim_jsonld(claim, ARTICLE))
    assert S + "author" not in node


def test_an_article_without_a_url_appears_at_its_api_address():
    article = {**ARTICLE, "url": None}
    [node] = expand(claim_jsonld(CLAIM, article, SIDE, BASE))
    appearance = value(value(node, "itemReviewed"), "appearance")
    assert value(appearance, "url") == f"{BASE}/articles/{ARTICLE['id']}"


def test_datetimes_are_written_in_utc_with_z():
    claim = copy.deepcopy(CLAIM)
    claim["review"]["reviewed_at"] = dt.datetime(
        2024, 9, 13, 11, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    claim["published_at"] = dt.datetime(2024, 9, 12, 8)  # naive: UTC, as stored
    document = claim_jsonld(claim, ARTICLE, SIDE, BASE)
    assert document["datePublished"] == "2024-09-13T09:00:00Z"
    assert document["itemReviewed"]["datePublished"] == "2024-09-12T08:00:00Z"


def test_a_list_is_an_item_list_in_order():
    unrated = {**CLAIM, "id": "65f0c0ffee0000000000c002", "review": {"status": "unreviewed"}}
    entries = [claim_jsonld(c, ARTICLE, SIDE, BASE, context=False) for c in (CLAIM, unrated)]
    document = claims_item_list(entries, url=f"{BASE}/claims", total=7)
    [node] = expand(document)
    assert node["@type"] == [S + "ItemList"]
    assert value(node, "numberOfItems") == 7
    elements = node[S + "itemListElement"]
    assert [value(e, "position") for e in elements] == [1, 2]
    assert [e[S + "item"][0]["@type"] for e in elements] == [[S + "ClaimReview"], [S + "Claim"]]


def test_an_empty_list():
    document = claims_item_list([])
    assert document["numberOfItems"] == 0
    [node] = expand(document)
    assert S + "itemListElement" not in node or node[S + "itemListElement"] == []


def test_the_loader_refuses_other_addresses():
    with pytest.raises(jsonld.JsonLdError) as caught:
        expand({"@context": "https://example.org/ctx", "@type": "Thing"})
    causes, error = [], caught.value
    while error is not None:
        causes.append(str(error))
        error = error.__cause__
    assert any("tried to load https://example.org/ctx" in cause for cause in causes)


def test_an_unknown_property_would_be_caught():
    with pytest.raises(AssertionError, match=r"not a schema\.org term"):
        expand({"@context": "https://schema.org", "@type": "Claim", "speakerMood": "calm"})
