"""A registered name with a comma that the parser splits is kept whole as the speaker."""

from tests.extraction.registries import registry

SIDES = registry(("Metal, Glass and Ceramic Workers' Union", ("the union", "MGCWU")))


def test_a_name_split_at_its_comma_is_the_whole_registered_name(only_claim):
    text = "The Metal, Glass and Ceramic Workers' Union is demanding a 7 percent pay rise."
    claim = only_claim(text, sides=SIDES)
    assert claim["speaker"]["name"] == "Metal, Glass and Ceramic Workers' Union"
    assert text[claim["speaker_span"]["start"] : claim["speaker_span"]["end"]] == (
        "Metal, Glass and Ceramic Workers' Union"
    )
    assert claim["side_id"] == "s0"


def test_words_before_that_do_not_complete_the_name_are_left_out(only_claim):
    sides = registry(("Metal, Glass and Ceramic Workers' Union", ("the union",)))
    text = "In Leeds, Ceramic Workers' Union officials said the pay offer was an insult."
    claim = only_claim(text, sides=sides)
    assert not claim["speaker"]["name"].startswith("Leeds")


def test_a_description_of_the_place_is_not_part_of_a_group_speaker(only_claim):
    sides = registry(("Brookfield Tenants Association", ("the association", "tenants")))
    text = (
        "Tenants of Brookfield Court, a council block of about 200 flats near the station, "
        "say the lifts have been broken for months."
    )
    claim = only_claim(text, sides=sides)
    assert claim["speaker"]["name"] == "Tenants of Brookfield Court"


UNIVERSITY = registry(
    ("University of Northmoor", ("the university",)),
    ("Northmoor Council", ("the council",)),
)


def test_a_definite_alias_opening_another_bodys_of_name_is_not_the_side(only_claim):
    text = (
        "Ruth Abara, a chemist at the University of Leeds, said the new laboratory "
        "rules would slow every project down."
    )
    claim = only_claim(text, sides=UNIVERSITY)
    assert claim["side_id"] is None and claim["side_evidence"] is None, claim


def test_the_sides_own_of_name_still_names_it(only_claim):
    text = (
        "Ruth Abara, a chemist at the University of Northmoor, said the new laboratory "
        "rules would slow every project down."
    )
    claim = only_claim(text, sides=UNIVERSITY)
    assert claim["side_name"] == "University of Northmoor"
    assert "University" in claim["side_evidence"]["text"]
