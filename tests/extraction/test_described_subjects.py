"""A named speaker whose long description the parser reads as a clause of "said" is still
the speaker, and the description is not a claim."""

from tests.extraction.registries import registry

SIDES = registry(("Halvard Air", ("Halvard", "the airline")))


def claims_of(extract, text):
    return [(c["speaker"]["name"], c["text"]) for c in extract(text, sides=SIDES).claims]


def test_a_participle_description_does_not_hide_the_speaker(extract):
    text = (
        "Tomas Berg, the mediator of the Regional Aviation Arbitration Service appointed to "
        "the dispute, said both unions had accepted the timetable."
    )
    assert claims_of(extract, text) == [("Tomas Berg", "both unions had accepted the timetable")]


def test_a_long_relative_clause_does_not_hide_the_speaker(extract):
    text = (
        "Peter Shaw, who retired as matron at St Bride\u2019s in 2018 and spoke in a personal "
        "capacity, said the ward had been short of nurses for years."
    )
    found = claims_of(extract, text)
    assert ("Peter Shaw", "the ward had been short of nurses for years") in found, found
    assert all(not claim.startswith("Peter Shaw") for _, claim in found), found


def test_a_fronted_setting_read_as_a_clause_is_not_a_claim(extract):
    text = (
        "In its reply to the bid, a filing the stock exchange requires every target to "
        "publish, Halvard said its new routes would double operating profit by 2028."
    )
    found = claims_of(extract, text)
    assert found == [("Halvard", "its new routes would double operating profit by 2028")], found
