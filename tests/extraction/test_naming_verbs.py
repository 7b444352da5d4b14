"""A naming verb with a proper name gives a name, not a stance; with an object and a
description it is still a stance."""

from tests.extraction.registries import registry

SIDES = registry(("Harlow Borough Council", ("the council",)))


def test_a_plan_the_council_calls_by_a_name_is_no_claim(extract):
    text = (
        "The cuts were first proposed in March by Director Ellen Park under a plan the "
        "council calls \u201cFresh-Start 2029.\u201d"
    )
    assert extract(text, sides=SIDES).claims == []


def test_calling_something_a_description_is_still_a_stance(extract):
    text = "The council called the proposal reckless and unaffordable."
    claims = extract(text, sides=SIDES).claims
    assert [c["side_name"] for c in claims] == ["Harlow Borough Council"], claims
