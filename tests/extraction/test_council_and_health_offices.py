"""A councillor speaks for the one registered council; a medical director for the one
registered health board, trust or hospital, never for a company's "board"."""

from tests.extraction.registries import registry

TOWN = ("Oakmere Town Council", ("the town council", "the council"))
BOARD = ("Wyvern Health Board", ("the health board",))


def test_a_councillor_speaks_for_the_one_registered_council(only_claim):
    text = "Councillor Bryn Tallis said the clinic should stay open."
    claim = only_claim(text, sides=registry(TOWN, BOARD))
    assert claim["side_name"] == "Oakmere Town Council"
    assert claim["side_evidence"]["via"] == "office"


def test_a_councillor_with_two_registered_councils_has_no_side(only_claim):
    county = ("Wyvern County Council", ("the county council",))
    text = "Councillor Bryn Tallis said the clinic should stay open."
    claim = only_claim(text, sides=registry(TOWN, county))
    assert claim["side_id"] is None


def test_the_medical_director_speaks_for_the_health_board(extract):
    text = (
        "The health board wants to move the beds inland.\n\n"
        "Dr Lowri Amis, the medical director, said the wards could not be staffed safely."
    )
    claims = extract(text, sides=registry(TOWN, BOARD)).claims
    claim = next(c for c in claims if c["speaker"]["name"] == "Lowri Amis")
    assert claim["side_name"] == "Wyvern Health Board"


def test_a_medical_director_is_no_officer_of_a_company_board(only_claim):
    company = ("Calloway Pharma", ("Calloway", "the board"))
    text = "Dr Lowri Amis, the medical director, said the trial data were sound."
    claim = only_claim(text, sides=registry(company))
    assert claim["side_id"] is None
