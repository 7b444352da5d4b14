"""A bare officer title speaks for the body that opens the sentence before it in its
paragraph, when that body is the only one named there."""

from tests.extraction.registries import registry

SIDES = registry(("Tessaly Foods", ("Tessaly",)), ("Marrow Retail", ("Marrow",)))


def last_side(claims):
    return claims[-1]["speaker"]["name"], claims[-1]["side_name"]


def test_the_chief_executive_after_the_company_speaks_for_it(extract):
    text = (
        "Tessaly said it would fight the fine in court. Chief executive Ivo Marsh said the "
        "ruling ignored how small the market was."
    )
    claims = extract(text, sides=SIDES).claims
    assert last_side(claims) == ("Ivo Marsh", "Tessaly Foods"), claims
    assert claims[-1]["side_evidence"] == {
        "via": "office",
        "text": "Tessaly",
        "span": {"start": 0, "end": 7},
    }


def test_two_bodies_named_before_leave_the_officer_unattributed(extract):
    text = (
        "Tessaly said it would fight Marrow in court. Chief executive Ivo Marsh said the "
        "ruling ignored how small the market was."
    )
    claims = extract(text, sides=SIDES).claims
    assert last_side(claims) == ("Ivo Marsh", None), claims


def test_a_body_that_is_not_the_subject_leaves_the_officer_unattributed(extract):
    text = (
        "Shoppers said they had stopped visiting Tessaly. Chief executive Ivo Marsh said the "
        "ruling ignored how small the market was."
    )
    claims = extract(text, sides=SIDES).claims
    assert last_side(claims) == ("Ivo Marsh", None), claims
