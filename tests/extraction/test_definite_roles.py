"""A bare definite role ("the spokesperson, X") refers back to the latest person with that
role; "The lawyer, X" after "<side> has retained a lawyer" speaks for that side."""

from tests.extraction.registries import registry, said

SIDES = registry(
    ("Brightwater Homes Ltd", ("Brightwater", "the company that runs the estate")),
    ("Oakfield Residents Group", ("the residents' group",)),
)


def test_the_spokesperson_named_later_keeps_the_side_of_a_spokesperson_for_the_body(extract):
    text = (
        "A spokesperson for the company that runs the estate said the lifts would be fixed by "
        "May. Speaking later, the spokesperson, Owen Tate, said the delays were caused by a "
        "supplier."
    )
    claims = extract(text, sides=SIDES).claims
    assert ("Owen Tate", "Brightwater Homes Ltd") in said(claims), claims
    tate = next(c for c in claims if c["speaker"]["name"] == "Owen Tate")
    assert tate["side_evidence"]["via"] == "coreference"


def test_the_spokesperson_after_an_unaffiliated_spokesperson_gets_no_side(extract):
    text = (
        "A spokesperson said the lifts would be fixed by May. Speaking later, the "
        "spokesperson, Owen Tate, said the delays were caused by a supplier."
    )
    claims = extract(text, sides=SIDES).claims
    assert ("Owen Tate", None) in said(claims), claims


def test_the_lawyer_retained_by_a_side_speaks_for_it(extract):
    text = (
        "Oakfield Residents Group has retained a Leeds solicitor. The lawyer, Nia Shah, said "
        "the estate had breached its planning conditions."
    )
    claims = extract(text, sides=SIDES).claims
    assert said(claims) == {("Nia Shah", "Oakfield Residents Group")}, claims
    assert claims[0]["side_evidence"]["text"] == "Oakfield Residents Group"


def test_a_lawyer_hired_by_someone_unregistered_gets_no_side(extract):
    text = (
        "A neighbour has retained a Leeds solicitor. The lawyer, Nia Shah, said the estate "
        "had breached its planning conditions."
    )
    claims = extract(text, sides=SIDES).claims
    assert said(claims) == {("Nia Shah", None)}, claims
