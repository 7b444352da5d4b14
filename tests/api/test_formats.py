"""The newsroom's formats through the API: ninjs and HTML in; JSON-LD, CSV and NDJSON out."""

import csv
import io
import json

import orjson
import pytest

from service.newsroom.listing import Listing
from tests.api.conftest import FakeExtractor
from tests.formats.ninjs_documents import NINJS_1_HTML, NINJS_1_TEXT, NINJS_2
from tests.formats.test_claimreview import S, expand, value
from tests.formats.test_exports import CONTRACT_COLUMNS
from tests.formats.test_html import FULL_HEAD, PARAGRAPHS, page

API = "/api/v1"
NINJS = "application/ninjs+json"


def post_ninjs(client, document, query="?extract=false", content_type=NINJS):
    return client.post(
        f"{API}/articles{query}", data=json.dumps(document), content_type=content_type
    )


# ninjs in


@pytest.mark.parametrize("document", [NINJS_1_TEXT, NINJS_1_HTML, NINJS_2])
def test_a_ninjs_document_in_a_normal_article_out(client, fetch, document):
    response = post_ninjs(client, document)
    assert response.status_code == 201, response.get_json()
    article = fetch(f"articles/{response.get_json()['id']}")
    assert article["source_document"] == document  # the original, as sent
    assert article["title"] == "Pilots warn of fatigue"
    assert "\n\n" in article["body"]
    assert response.headers["Location"].endswith(article["id"])


def test_ninjs_fields_become_article_fields(client):
    article = post_ninjs(client, NINJS_2).get_json()
    assert article["url"] == NINJS_2["uri"]
    assert article["published_at"] == "2024-09-12T08:00:00.000Z"
    assert article["language"] == "nb-NO"
    assert article["authors"] == ["Kari Nordmann", "Ola Nordmann"]
    assert article["tags"] == ["aviation", "labour relations", "pilots"]
    assert article["source"] == "NTB"


def test_format_ninjs_in_the_query_reads_a_json_body_as_ninjs(client):
    response = post_ninjs(client, NINJS_2, "?extract=false&format=ninjs", "application/json")
    assert response.status_code == 201
    assert response.get_json()["source_document"] == NINJS_2


def test_a_ninjs_article_is_extracted_like_any_other(make_app):
    client = make_app(extractor=FakeExtractor()).test_client()
    document = {**NINJS_2, "bodies": [{"value": 'Eriksen said "Rosters are unsafe".'}]}
    article = post_ninjs(client, document, query="").get_json()
    assert article["claim_count"] == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"uri": None}, "uri"),
        ({"headlines": [{"role": "main"}]}, "headlines.0.value"),
        ({"language": "klingonese"}, "language"),
        ({"versioncreated": "soon"}, "versioncreated"),
    ],
)
def test_unreadable_ninjs_is_a_422_naming_the_field(client, db, problem, change, field):
    body = problem(post_ninjs(client, {**NINJS_2, **change}), 422)
    assert field in body["errors"]
    assert db.articles.count_documents({}) == 0


def test_ninjs_that_is_not_a_json_object(client, problem):
    problem(client.post(f"{API}/articles", data="[1]", content_type=NINJS), 400)
    problem(client.post(f"{API}/articles", data="{nope", content_type=NINJS), 400)


def test_source_document_is_read_only(client, problem):
    body = {"title": "t", "body": "b", "source_document": {"uri": "x"}}
    assert "source_document" in problem(client.post(f"{API}/articles", json=body), 422)["errors"]


def test_ninjs_is_only_for_creating_articles(client, make_article, problem):
    article = make_article()
    response = client.patch(f"{API}/articles/{article['id']}", data="{}", content_type=NINJS)
    problem(response, 415)


def test_a_ninjs_duplicate_is_a_409_naming_the_first(client, problem):
    first = post_ninjs(client, NINJS_2).get_json()
    assert problem(post_ninjs(client, NINJS_2), 409)["existing_id"] == first["id"]


# HTML in


def test_an_html_page_in_an_article_out(client, fetch):
    response = client.post(
        f"{API}/articles?extract=false", data=page(FULL_HEAD), content_type="text/html"
    )
    assert response.status_code == 201, response.get_json()
    article = fetch(f"articles/{response.get_json()['id']}")
    assert article["title"] == "Pilots warn of fatigue"
    assert article["body"] == "\n\n".join(PARAGRAPHS)
    assert article["url"] == "https://nordlys.example/2024/09/12/pilots"
    assert article["language"] == "en-GB"
    assert article["authors"] == ["Kari Nordmann", "Ola Nordmann"]
    assert article["published_at"] == "2024-09-12T08:00:00.000Z"
    assert article["source_document"] is None


def test_an_html_page_in_latin_1(client):
    html = page(FULL_HEAD).replace('charset="utf-8"', 'charset="iso-8859-1"')
    html = html.replace("“", '"').replace("”", '"').replace("Eriksen", "Eriksén")
    response = client.post(
        f"{API}/articles?extract=false",
        data=html.encode("iso-8859-1"),
        content_type="text/html; charset=iso-8859-1",
    )
    assert "Eriksén" in response.get_json()["body"]


def test_a_page_without_an_article_is_a_422_naming_what_is_missing(client, db, problem):
    html = "<html><head><title>Menu</title></head><body><nav>Home</nav></body></html>"
    body = problem(client.post(f"{API}/articles", data=html, content_type="text/html"), 422)
    assert list(body["errors"]) == ["body"]
    assert db.articles.count_documents({}) == 0


def test_a_page_over_the_body_limit_is_a_413(make_app, problem):
    client = make_app({"MAX_CONTENT_LENGTH": 4096}).test_client()
    html = page(FULL_HEAD, "<p>" + "word " * 2000 + "</p>")
    problem(client.post(f"{API}/articles", data=html, content_type="text/html"), 413)


# verdicts


def rate(client, claim, rating, **headers):
    return client.patch(
        f"{API}/claims/{claim['id']}", json={"review": {"rating": rating}}, headers=headers
    )


def test_a_verdict_is_recorded_with_who_and_when(client, make_article, make_claim):
    claim = make_claim(make_article())
    rating = {"value": 2, "label": "Mostly false", "explanation": "e", "url": "https://x.example/f"}
    review = rate(client, claim, rating).get_json()["review"]
    assert review["rating"] == rating
    assert review["reviewed_at"] is not None
    assert review["status"] == "unreviewed"  # a verdict does not confirm the attribution


def test_a_value_alone_gets_the_scale_s_label_and_null_clears(client, make_article, make_claim):
    claim = make_claim(make_article())
    assert rate(client, claim, {"value": 5}).get_json()["review"]["rating"]["label"] == "True"
    assert rate(client, claim, {"label": "Unproven"}).get_json()["review"]["rating"] == {
        "value": None,
        "label": "Unproven",
        "explanation": None,
        "url": None,
    }
    assert rate(client, claim, None).get_json()["review"]["rating"] is None


@pytest.mark.parametrize(
    ("rating", "field"),
    [
        ({"value": 0}, "review.rating.value"),
        ({"value": 6}, "review.rating.value"),
        ({"value": 2.5}, "review.rating.value"),
        ({"value": "3"}, "review.rating.value"),
        ({}, "review.rating.value"),
        ({"value": None, "label": None}, "review.rating.value"),
        ({"value": 3, "url": "ftp://x"}, "review.rating.url"),
        ({"value": 3, "grade": "A"}, "review.rating.grade"),
    ],
)
def test_a_bad_verdict_is_a_422_and_changes_nothing(
    client, make_article, make_claim, problem, rating, field
):
    claim = make_claim(make_article())
    body = problem(rate(client, claim, rating), 422)
    assert field in body["errors"], body
    assert client.get(f"{API}/claims/{claim['id']}").get_json() == claim


def test_claims_stored_before_verdicts_show_a_null_rating(client, db, make_article, make_claim):
    claim = make_claim(make_article())
    db.claims.update_one({}, {"$unset": {"review.rating": ""}})
    assert client.get(f"{API}/claims/{claim['id']}").get_json()["review"]["rating"] is None


# JSON-LD out


@pytest.fixture
def rated(client, make_side, make_article, make_claim):
    side = make_side(name="Nordic Cockpit Union")
    article = make_article(
        title="Pilots warn of fatigue",
        url="https://n.example/p",
        source="Nordlys",
        published_at="2024-09-12T08:00:00Z",
    )
    claim = make_claim(
        article,
        side_id=side["id"],
        speaker={"name": "Tor Eriksen", "title": "president", "type": "person"},
        review={"status": "confirmed", "rating": {"value": 2, "url": "https://n.example/fc"}},
    )
    return {"side": side, "article": article, "claim": claim}


def test_a_rated_claim_is_a_claim_review(client, rated):
    response = client.get(
        f"{API}/claims/{rated['claim']['id']}", headers={"Accept": "application/ld+json"}
    )
    assert response.status_code == 200
    assert response.mimetype == "application/ld+json"
    assert "Accept" in response.headers["Vary"]
    [review] = expand(response.get_json())
    assert review["@type"] == [S + "ClaimReview"]
    assert value(review, "url") == "https://n.example/fc"
    assert value(value(review, "reviewRating"), "alternateName") == "Mostly false"
    claim = value(review, "itemReviewed")
    assert value(value(claim, "author"), "name") == "Tor Eriksen"
    assert value(value(value(claim, "author"), "memberOf"), "name") == "Nordic Cockpit Union"
    assert value(value(claim, "appearance"), "url") == "https://n.example/p"


def test_json_ld_has_its_own_etag_and_honours_if_none_match(client, rated):
    path = f"{API}/claims/{rated['claim']['id']}"
    ld = {"Accept": "application/ld+json"}
    first = client.get(path, headers=ld)
    assert first.headers["ETag"] != client.get(path).headers["ETag"]
    again = client.get(path, headers={**ld, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_claim_lists_are_item_lists(client, rated, make_claim):
    make_claim(rated["article"], text="European rules")
    for path in (
        "claims",
        f"articles/{rated['article']['id']}/claims",
        f"sides/{rated['side']['id']}/claims",
    ):
        response = client.get(f"{API}/{path}", headers={"Accept": "application/ld+json"})
        [node] = expand(response.get_json())
        assert node["@type"] == [S + "ItemList"], path
    document = client.get(
        f"{API}/claims?per_page=1", headers={"Accept": "application/ld+json"}
    ).get_json()
    assert document["numberOfItems"] == 2  # every match, though the page holds one
    assert len(document["itemListElement"]) == 1


# CSV and NDJSON out


def read_csv(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))


def test_csv_has_the_contract_s_columns_and_every_claim(client, rated, make_claim):
    for n in range(24):
        make_claim(rated["article"], text=f"claim number {n}", span=None)
    rows = read_csv(client.get(f"{API}/claims?sort=created_at", headers={"Accept": "text/csv"}))
    assert " ".join(rows[0]) == CONTRACT_COLUMNS
    assert len(rows) == 25  # not a page: every match
    first = rows[0]
    assert first["article_title"] == "Pilots warn of fatigue"
    assert first["side_name"] == "Nordic Cockpit Union"
    assert first["speaker_name"] == "Tor Eriksen"
    assert first["review_rating"] == "2"
    assert [r["text"] for r in rows[1:3]] == ["claim number 0", "claim number 1"]


def test_csv_filters_apply_and_nested_lists_export_too(client, rated, make_article, make_claim):
    other = make_article()
    make_claim(other, text="other claim")
    csv_accept = {"Accept": "text/csv"}
    rows = read_csv(client.get(f"{API}/claims?side={rated['side']['id']}", headers=csv_accept))
    assert [r["id"] for r in rows] == [rated["claim"]["id"]]
    rows = read_csv(client.get(f"{API}/articles/{other['id']}/claims", headers=csv_accept))
    assert [r["text"] for r in rows] == ["other claim"]
    rows = read_csv(client.get(f"{API}/sides/{rated['side']['id']}/claims", headers=csv_accept))
    assert len(rows) == 1
    rows = read_csv(client.get(f"{API}/claims?q=zebra", headers=csv_accept))
    assert rows == []


def test_exports_of_a_missing_parent_are_404_not_an_empty_200(client, problem):
    missing = "ffffffffffffffffffffffff"
    for path in (f"articles/{missing}/claims", f"sides/{missing}/claims"):
        problem(client.get(f"{API}/{path}", headers={"Accept": "text/csv"}), 404)


def test_ndjson_claims_and_articles(client, rated, make_article):
    make_article(title="Second", language="en-GB")
    response = client.get(f"{API}/claims", headers={"Accept": "application/x-ndjson"})
    assert response.mimetype == "application/x-ndjson"
    lines = [orjson.loads(line) for line in response.get_data().splitlines()]
    assert [c["id"] for c in lines] == [rated["claim"]["id"]]
    assert lines[0] == client.get(f"{API}/claims/{rated['claim']['id']}").get_json()
    response = client.get(f"{API}/articles?sort=title", headers={"Accept": "application/x-ndjson"})
    titles = [orjson.loads(line)["title"] for line in response.get_data().splitlines()]
    assert titles == ["Pilots warn of fatigue", "Second"]
    response = client.get(
        f"{API}/articles?language=en-gb", headers={"Accept": "application/x-ndjson"}
    )
    assert [orjson.loads(line)["title"] for line in response.get_data().splitlines()] == ["Second"]


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("claims", "text/html"),
        ("articles", "text/csv"),
        ("articles", "application/ld+json"),
        ("sides", "application/x-ndjson"),
    ],
)
def test_what_an_endpoint_cannot_produce_is_406(client, problem, path, accept):
    problem(client.get(f"{API}/{path}", headers={"Accept": accept}), 406)


def test_a_single_claim_has_no_csv(client, rated, problem):
    problem(client.get(f"{API}/claims/{rated['claim']['id']}", headers={"Accept": "text/csv"}), 406)


# q on the embedded store


def test_q_pages_and_counts_on_the_embedded_store(client, make_article):
    for n in range(5):
        make_article(title=f"Pilots {n}", body=f"Rosters number {n} were criticised by pilots.")
    make_article(title="Other", body="Nothing about aviation here at all.")
    page1 = client.get(f"{API}/articles?q=pilot&per_page=2&sort=title").get_json()
    assert page1["total"] == 5
    assert [a["title"] for a in page1["items"]] == ["Pilots 0", "Pilots 1"]
    assert client.get(f"{API}/articles?q=pilot%20-criticised").get_json()["total"] == 0
    assert client.get(f"{API}/articles?q=%22Rosters%20number%203%22").get_json()["total"] == 1


def test_exports_look_claims_up_in_batches(client, db, make_side, make_article, make_claim):
    side = make_side()
    articles = [make_article() for _ in range(3)]
    for n, article in enumerate(articles * 2):
        make_claim(article, text=f"claim {n}", span=None, side_id=side["id"] if n % 2 else None)
    listing = Listing(db)
    claims = listing.claim_stream({"sort": [("created_at", 1)]})
    records = list(listing.claim_records(claims, batch=4))  # batches of 4, 2
    assert [claim["text"] for claim, _, _ in records] == [f"claim {n}" for n in range(6)]
    for claim, article, found_side in records:
        assert str(article["_id"]) == str(claim["article_id"])
        assert (found_side or {}).get("name") == (side["name"] if claim["side_id"] else None)
