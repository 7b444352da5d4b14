"""ninjs 1.x and 2.x documents in, article fields out; bad documents name their fields."""

import copy

import jsonschema
import pytest

from service.formats.errors import InvalidDocument
from service.formats.ninjs import ninjs_schema, ninjs_to_article, validate_ninjs
from tests.formats.ninjs_documents import NINJS_1_HTML, NINJS_1_TEXT, NINJS_2, NINJS_2_HTML_ONLY


def test_ninjs_1_with_a_text_body():
    article = ninjs_to_article(NINJS_1_TEXT)
    assert article == {
        "title": "Pilots warn of fatigue",
        "body": (
            "Pilots are landing aircraft after fourteen-hour days, the union said.\n\n"
            "The airline said that its rosters comply with European rules."
        ),
        "url": "http://news.example.org/2024/09/12/pilots-fatigue",
        "published_at": "2024-09-12T08:00:00Z",  # versioncreated, in UTC
        "language": "en-GB",
        "authors": ["Kari Nordmann"],  # no person is an author: the byline, without "By"
        "tags": ["aviation", "labour dispute", "pilots", "fatigue"],
        "source": "Nordlys",
    }


def test_ninjs_1_with_an_html_body_keeps_paragraphs():
    article = ninjs_to_article(NINJS_1_HTML)
    assert article["body"] == (
        "“Our members are landing aircraft at the end of fourteen-hour duty days,” said "
        "Tor Eriksen, president of the Nordic Cockpit Union.\n\n"
        "The airline said that its rosters comply in full with European rules."
    )
    assert "url" not in article  # a URN is an identifier, not a web address
    assert article["language"] == "en"  # the default
    assert "authors" not in article and "tags" not in article and "source" not in article


def test_ninjs_2_picks_the_main_plain_headline_and_body():
    article = ninjs_to_article(NINJS_2)
    assert article["title"] == "Pilots warn of fatigue"
    assert article["body"] == "First paragraph.\n\nSecond paragraph."
    assert article["language"] == "nb-NO"
    assert article["url"] == "https://news.example.org/2024/09/12/pilots"
    assert article["published_at"] == "2024-09-12T08:00:00Z"


def test_ninjs_2_authors_from_people_with_the_author_role_once_each():
    assert ninjs_to_article(NINJS_2)["authors"] == ["Kari Nordmann", "Ola Nordmann"]


def test_ninjs_2_tags_from_subjects_and_keywords_without_repeats():
    assert ninjs_to_article(NINJS_2)["tags"] == ["aviation", "labour relations", "pilots"]


def test_ninjs_2_source_from_infosources_without_a_copyright_holder():
    assert ninjs_to_article(NINJS_2)["source"] == "NTB"
    with_holder = {**NINJS_2, "copyrightholder": "Nordlys"}
    assert ninjs_to_article(with_holder)["source"] == "Nordlys"


def test_ninjs_2_html_only_body_becomes_paragraphs():
    article = ninjs_to_article(NINJS_2_HTML_ONLY)
    assert article["title"] == "Rosters under scrutiny"
    assert article["body"] == (
        "Background\n\nThe union said\nrosters were unsafe.\n\nPoint one\n\nPoint two"
    )


def test_an_html_main_body_is_used_when_no_plain_one_exists():
    document = copy.deepcopy(NINJS_2)
    document["bodies"] = document["bodies"][:2]
    assert ninjs_to_article(document)["body"] == "First paragraph.\n\nSecond paragraph."


def test_firstcreated_when_there_is_no_versioncreated():
    document = {k: v for k, v in NINJS_2.items() if k != "versioncreated"}
    assert ninjs_to_article(document)["published_at"] == "2024-09-12T06:00:00Z"


def test_the_input_document_is_not_changed():
    original = copy.deepcopy(NINJS_2)
    ninjs_to_article(NINJS_2)
    assert original == NINJS_2


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"uri": None}, "uri", "type string"),
        ({"headlines": [{"role": "main"}]}, "headlines.0.value", "required"),
        ({"headlines": "Pilots"}, "headlines", "type array"),
        ({"headline": "x" * 501, "headlines": []}, "headline", "at most 500"),
        ({"bodies": [{"value": 7}]}, "bodies.0.value", "type string"),
        ({"keywords": ["ok", 3]}, "keywords.1", "type string"),
        ({"people": [{"name": ["a"]}]}, "people.0.name", "type string"),
        ({"subjects": [{"name": "x" * 101}]}, "subjects.0.name", "at most 100"),
        ({"language": "english"}, "language", "BCP 47"),
        ({"versioncreated": "yesterday"}, "versioncreated", "date-time"),
        ({"versioncreated": "2024-09-12T08:00:00"}, "versioncreated", "time zone"),
        ({"headlines": [{"value": "  "}]}, "headlines.0.value", "empty"),
        (
            {"bodies": [{"value": "<p> </p>", "contenttype": "text/html"}]},
            "bodies.0.value",
            "no text",
        ),
        ({"bodies": [{"value": "x" * 200_001}]}, "bodies.0.value", "longer than 200000"),
        ({"keywords": [f"k{i}" for i in range(60)]}, "keywords", "more than 50"),
    ],
)
def test_a_field_it_cannot_read_is_named(change, field, words):
    document = {**NINJS_2, **change}
    with pytest.raises(InvalidDocument) as caught:
        ninjs_to_article(document)
    assert field in caught.value.errors, caught.value.errors
    assert words in " ".join(caught.value.errors[field])


def test_uri_is_required_and_every_bad_field_is_named_at_once():
    document = {"headlines": [{}], "bodies": "text", "by": 5}
    with pytest.raises(InvalidDocument) as caught:
        validate_ninjs(document)
    assert set(caught.value.errors) == {"uri", "headlines.0.value", "bodies", "by"}
    assert caught.value.errors["uri"] == ["is required"]


@pytest.mark.parametrize(
    ("document", "field"),
    [
        ({"uri": "urn:x", "bodies": [{"value": "Body."}]}, "headlines"),
        ({"uri": "urn:x", "headline": "Title"}, "bodies"),
    ],
)
def test_a_missing_title_or_body_is_named(document, field):
    with pytest.raises(InvalidDocument) as caught:
        ninjs_to_article(document)
    assert field in caught.value.errors


@pytest.mark.parametrize("document", [[], "ninjs", None, 3])
def test_a_document_that_is_not_an_object(document):
    with pytest.raises(InvalidDocument):
        ninjs_to_article(document)


def test_the_schema_is_our_own_and_valid():
    schema = ninjs_schema()
    assert schema["$id"] == "urn:claimdesk:schema:ninjs-input"
    jsonschema.Draft202012Validator.check_schema(schema)
