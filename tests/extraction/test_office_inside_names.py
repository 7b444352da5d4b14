"""An office left at the start of a name still heads its institution: "Rector Ernesto
Villaseñor Tapia" speaks for the one registered university."""

from registries import registry


def sides():
    return registry(
        ("Universidad Técnica del Sur", ["UTS", "the university"]),
        ("Federación de Estudiantes del Sur", ["FES", "the federation"]),
    )


def test_rector_before_an_accented_name_speaks_for_the_university(extract):
    claims = extract(
        "Rector Joaquín Ibáñez Peña has defended the rise, saying that state funding had "
        "fallen for six years.",
        sides=sides(),
    ).claims
    assert claims[0]["side_name"] == "Universidad Técnica del Sur"
    assert claims[0]["side_evidence"]["via"] == "office"


def test_vice_rector_speaks_for_the_university(extract):
    claims = extract(
        "Vice-Rector Marta Solís said the laboratories would close in June.",
        sides=sides(),
    ).claims
    assert claims[0]["side_name"] == "Universidad Técnica del Sur"


def test_rector_of_another_named_university_is_not_the_side(extract):
    claims = extract(
        "Rector Joaquín Ibáñez Peña of the Universidad de Lima said the fees were fair.",
        sides=sides(),
    ).claims
    assert claims[0]["side_id"] is None


def test_rector_with_two_registered_universities_is_unattributed(extract):
    two = registry(
        ("Universidad Técnica del Sur", ["the university"]),
        ("Universidad del Norte", ["the northern university"]),
    )
    claims = extract("Rector Marta Solís said the fees were fair.", sides=two).claims
    assert claims[0]["side_id"] is None
