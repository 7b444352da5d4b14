"""The office of a named holder speaks for the holder's side: the side the holder was
introduced with, or the registered country whose capital the office speaks from."""

from tests.extraction.registries import registry

STATES = registry(("Chile", ("Chilean government",)), ("Peru", ()))
POLITIES = registry(("Veloria", ()), ("Mardova", ()))


def test_the_president_s_office_in_a_registered_capital_speaks_for_its_country(only_claim):
    text = "In Santiago, the office of President Gabriel Boric said the border would stay closed."
    claim = only_claim(text, sides=STATES)
    assert claim["side_name"] == "Chile"
    assert claim["side_evidence"]["text"] == "Santiago"


def test_the_office_of_a_holder_introduced_with_a_side_speaks_for_it(extract):
    text = (
        "Velorian President Arno Keel met the Mardovan envoy on Monday. Later, the office "
        "of President Keel said the border would stay closed."
    )
    claims = extract(text, sides=POLITIES, auto_sides=False).claims
    office = [c for c in claims if c["speaker"]["name"].startswith("the office")]
    assert [c["side_name"] for c in office] == ["Veloria"]


def test_an_unknown_capital_gives_no_side(only_claim):
    text = "In Velgrad, the office of President Arno Keel said the border would stay closed."
    assert only_claim(text, sides=POLITIES, auto_sides=False)["side_id"] is None


def test_the_office_of_a_company_officer_in_a_capital_gives_no_country(only_claim):
    text = "In Santiago, the office of chief executive Ana Soto said the mine would stay closed."
    assert only_claim(text, sides=STATES)["side_id"] is None
