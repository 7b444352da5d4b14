"""A title before a name still shows the side when an apposition after the name takes the
place of the speaker's title ("Councillor Jane Hart, a district nurse, said")."""

from tests.extraction.registries import registry

COUNCIL = registry(("Northwind Council", ("the council",)), ("Nurses Union", ()))


def test_an_apposition_does_not_drop_the_council_of_a_councillor(only_claim):
    text = "Councillor Jane Hart, a district nurse, said the waiting lists were growing."
    claim = only_claim(text, sides=COUNCIL)
    assert claim["side_name"] == "Northwind Council"
    assert claim["side_evidence"]["text"] == "Councillor"


def test_an_apposition_naming_another_side_is_read_first(only_claim):
    text = (
        "Councillor Jane Hart, a district nurse and Nurses Union member, said the waiting "
        "lists were growing."
    )
    assert only_claim(text, sides=COUNCIL)["side_name"] == "Nurses Union"


def test_an_honorific_before_the_name_shows_no_side(only_claim):
    text = "Dr Jane Hart, a district nurse, said the waiting lists were growing."
    assert only_claim(text, sides=COUNCIL)["side_id"] is None
