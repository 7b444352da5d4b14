"""They refers to a group of people named just before, not to a single body that spoke in
between; with no such group it keeps the body."""

from tests.extraction.registries import registry

HOUSING = registry(
    ("Brookfield Council", ("the council",)),
    ("Brookfield Tenants Association", ("tenants", "residents")),
)


def sides_by_text(extract, text):
    """{claim text: side name}."""
    claims = extract(text, sides=HOUSING, auto_sides=False).claims
    return {c["text"]: c["side_name"] for c in claims}


def test_they_after_a_body_spoke_refers_to_the_group_named_before(extract):
    text = (
        "Tenants said the lifts had been broken for months. Brookfield Council said repairs "
        "were booked. They said the council had ignored their complaints."
    )
    found = sides_by_text(extract, text)
    assert found["the council had ignored their complaints"] == "Brookfield Tenants Association"


def test_they_with_no_group_named_keeps_the_body(extract):
    text = "Brookfield Council said repairs were booked. They said the work would take a week."
    assert sides_by_text(extract, text)["the work would take a week"] == "Brookfield Council"
