"""Accept negotiation: q-values, wildcards, specificity, and None for a 406."""

import pytest

from service.formats.negotiation import (
    CSV,
    JSON,
    JSON_LD,
    NDJSON,
    choose_media_type,
    not_acceptable_detail,
)

CLAIM_TYPES = (JSON, JSON_LD, CSV, NDJSON)


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, JSON),
        ("", JSON),
        ("*/*", JSON),
        ("application/*", JSON),
        ("text/*", CSV),
        ("text/csv", CSV),
        ("TEXT/CSV", CSV),
        ("application/ld+json", JSON_LD),
        ("application/x-ndjson", NDJSON),
        ("text/csv;q=0.5, application/ld+json", JSON_LD),
        ("text/csv;q=0.9, application/ld+json;q=0.3", CSV),
        ("application/json;q=0, */*", JSON_LD),
        ("*/*;q=0.1, text/csv", CSV),
        ("text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", JSON),
        ("application/problem+json", JSON),
        ("application/json; charset=utf-8", JSON),
    ],
)
def test_the_preferred_offer_is_chosen(accept, chosen):
    assert choose_media_type(accept, CLAIM_TYPES) == chosen


@pytest.mark.parametrize(
    "accept",
    ["text/html", "image/png", "application/xml", "text/csv;q=0", "application/json;q=0", "x"],
)
def test_nothing_acceptable_is_none(accept):
    assert choose_media_type(accept, (JSON, NDJSON)) is None


def test_offer_order_breaks_ties():
    assert choose_media_type("text/csv, application/x-ndjson", (NDJSON, CSV)) == NDJSON
    assert choose_media_type("text/csv, application/x-ndjson", (CSV, NDJSON)) == CSV


def test_an_endpoint_must_offer_something():
    with pytest.raises(ValueError):
        choose_media_type("*/*", ())


def test_the_406_detail_lists_the_offers():
    assert not_acceptable_detail((JSON, CSV)) == (
        "This endpoint can answer with: application/json, text/csv"
    )
