"""A surname refers back to a name introduced with a lower-case title before it ("union
chairman Kang Tae-jun ... Kang said"), surname first or last, and keeps its side."""

from registries import registry


def sides():
    return registry(
        ("Seoha Air Pilots' Union", ["the union", "union"]),
        ("Seoha Air", ["the airline"]),
    )


def test_a_surname_after_a_titled_name_keeps_its_side(extract):
    claims = extract(
        "“The rosters are unsafe,” said union chairman Kang Tae-jun at a briefing in Seoul.\n\n"
        "Kang said the union had documented 63 such pairings since March.",
        sides=sides(),
    ).claims
    assert claims[-1]["side_name"] == "Seoha Air Pilots' Union"
    assert claims[-1]["speaker"]["name"] == "Kang Tae-jun"


def test_an_unrelated_surname_does_not_refer_back(extract):
    claims = extract(
        "“The rosters are unsafe,” said union chairman Kang Tae-jun at a briefing in Seoul.\n\n"
        "Park said the airline had followed every rule.",
        sides=sides(),
    ).claims
    assert claims[-1]["side_name"] != "Seoha Air Pilots' Union"
