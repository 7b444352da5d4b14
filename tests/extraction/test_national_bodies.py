"""The head of a country's unregistered trade body speaks for the country's registered
side; a registered body, an unregistered country or another kind of body does not."""

from tests.extraction.registries import registry

STATES = registry(("Chile", ("Chilen government",)), ("Peru", ("Peruvian government",)))


def test_the_chairman_of_a_national_association_speaks_for_its_country(only_claim):
    text = (
        "Olav Brekke, chairman of the Timber Exporters' Association of Chile, said the "
        "tariff would close a dozen sawmills."
    )
    claim = only_claim(text, sides=STATES)
    assert claim["side_name"] == "Chile"
    assert claim["side_evidence"]["text"] == "Association of Chile"


def test_a_registered_association_keeps_the_speaker(only_claim):
    sides = registry(
        *[(s["name"], s["aliases"]) for s in STATES], ("Timber Exporters' Association", ())
    )
    text = (
        "Olav Brekke, chairman of the Timber Exporters' Association of Chile, said the "
        "tariff would close a dozen sawmills."
    )
    claim = only_claim(text, sides=sides)
    assert claim["side_name"] == "Timber Exporters' Association"


def test_a_museum_of_a_country_is_no_national_body(only_claim):
    text = (
        "Olav Brekke, head of the Natural History Museum of Chile, said the tariff would "
        "close a dozen sawmills."
    )
    claim = only_claim(text, sides=STATES)
    assert claim["side_id"] is None


def test_a_member_who_is_no_head_has_no_side(only_claim):
    text = (
        "Olav Brekke, a member of the Timber Exporters' Association of Chile, said the "
        "tariff would close a dozen sawmills."
    )
    claim = only_claim(text, sides=STATES)
    assert claim["side_id"] is None
