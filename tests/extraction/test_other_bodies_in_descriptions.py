"""Descriptions that name another body, many bodies of a kind, or a place someone else is
tied to do not give the speaker a registered side."""

from tests.extraction.registries import registry

SCHOOLS = registry(
    ("Marlow Vale School District", ("the district", "Marlow Vale")),
    ("Marlow Vale Nurses Association", ("the association",)),
)


def test_a_longer_name_headed_before_its_of_is_another_body(only_claim):
    text = (
        "Marlow Vale Federation of Parents, which is separate from the schools, said the "
        "bus routes were unsafe."
    )
    claim = only_claim(text, sides=SCHOOLS)
    assert claim["side_id"] is None


def test_its_president_after_an_unregistered_body_has_no_side(extract):
    text = (
        "The district plans to merge two schools.\n\n"
        "The Marlow Vale Council of Parents, an umbrella group for local parents' "
        "associations, has not taken a position. Its president, Oona Stride, said most "
        "families would accept a longer walk."
    )
    claims = extract(text, sides=SCHOOLS).claims
    claim = next(c for c in claims if c["speaker"]["name"] == "Oona Stride")
    assert claim["side_id"] is None


def test_the_registered_name_itself_still_speaks_for_its_side(only_claim):
    claim = only_claim("Marlow Vale said the bus routes were safe.", sides=SCHOOLS)
    assert claim["side_name"] == "Marlow Vale School District"


def test_the_plural_of_a_bare_kind_alias_is_many_bodies(only_claim):
    text = "A coalition of nurses' associations said the rota was unsafe."
    claim = only_claim(text, sides=SCHOOLS)
    assert claim["side_id"] is None


def test_a_place_clause_in_a_title_names_no_affiliation(extract):
    sides = registry(
        ("Rowan Pike", ("Pike", "the defendant")), ("Tarn Rowing Union", ("the union",))
    )
    text = (
        "Rowan Pike was banned for a year by the union.\n\n"
        "Iris Mallory, chair of Lakeside Rowing Club, where Pike learned to row, said the ban "
        "was far too harsh."
    )
    claims = extract(text, sides=sides).claims
    claim = next(c for c in claims if c["speaker"]["name"] == "Iris Mallory")
    assert claim["side_id"] is None
