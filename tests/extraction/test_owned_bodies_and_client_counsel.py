"""A polity's own possessive opens its own body ("Dalmor's Ministry of Water Resources"),
and "his barrister" stands with a registered person however that person's mention was typed."""

from registries import registry


def polities():
    return registry(
        ("Varnia", ["Varnian government", "Ministry of Water Resources"]),
        ("Ostrel", ["Ostreli government", "Ministry of Energy"]),
    )


def test_its_deputy_minister_after_the_polity_s_own_ministry_speaks_for_it(extract):
    claims = extract(
        "Talks over the dam broke up on Friday. Varnia's Ministry of Water Resources brought "
        "its own engineers to the talks. Its deputy minister, Ilka Sorrel, who led the team, "
        "said the river had fallen by a third.",
        sides=polities(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Ilka Sorrel"
    assert claims[-1]["side_name"] == "Varnia"
    assert claims[-1]["side_evidence"]["text"] == "Its deputy minister"


def test_the_polity_s_own_ministry_as_speaker_speaks_for_it(extract):
    claims = extract(
        "Varnia's Ministry of Water Resources said the river had fallen by a third.",
        sides=polities(),
    ).claims
    assert claims[0]["side_name"] == "Varnia"


def test_another_polity_s_ministry_of_the_same_name_is_not_the_side(extract):
    claims = extract(
        "Ostrel's Ministry of Water Resources said the river had risen by a third.",
        sides=polities(),
    ).claims
    assert claims[0]["side_name"] != "Varnia"


def boxer():
    return registry(
        ("Tomas Verrill", ["Verrill", "the boxer", "Verrill's legal team"]),
        ("Western Boxing Council", ["WBC", "the council"]),
    )


def test_his_barrister_stands_with_the_registered_person_quoted_before(extract):
    claims = extract(
        "Champion Tomas Verrill told the tribunal on Tuesday that the powder was "
        "contaminated.\n\n“I never cheated,” Verrill said from the witness table.\n\n"
        "His barrister, Ruth Okonjo KC, told the panel that a laboratory had found the drug "
        "in two sealed tubs.",
        sides=boxer(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Ruth Okonjo"
    assert claims[-1]["side_name"] == "Tomas Verrill"
    assert claims[-1]["side_evidence"]["via"] == "possessive"


def test_her_colleague_does_not_stand_with_the_person(extract):
    claims = extract(
        "“I never cheated,” Verrill said from the witness table.\n\n"
        "His neighbour, Ruth Okonjo, told reporters that the street was proud of him.",
        sides=boxer(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Ruth Okonjo"
    assert claims[-1]["side_id"] is None
