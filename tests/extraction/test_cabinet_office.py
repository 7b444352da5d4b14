"""A minister with a bare title speaks for the one state just named: "Abuja has demanded ...
Foreign Minister X said"; none when two states were named, or for a mediator."""

from registries import registry


def states():
    return registry(
        ("Kavaria", ["Vellin", "Kavarian government"]),
        ("Ostmark", ["Brenholt", "Ostmarkian government"]),
    )


def test_foreign_minister_after_the_capital_speaks_for_its_state(extract):
    claims = extract(
        "Vellin has demanded the release of the crews. “Our fishermen are not criminals,” "
        "Foreign Minister Ada Renko told journalists after meeting the Ostmarkian ambassador.",
        sides=states(),
    ).claims
    assert claims[-1]["side_name"] == "Kavaria"
    assert claims[-1]["side_evidence"]["text"] == "Vellin"


def test_defence_minister_after_the_country_s_name_speaks_for_it(extract):
    claims = extract(
        "Ostmark rejected the charge on Monday. Defence Minister Piet Laarman said the patrol "
        "had stayed in its own waters.",
        sides=states(),
    ).claims
    assert claims[-1]["side_name"] == "Ostmark"


def test_two_states_named_before_leave_the_minister_unattributed(extract):
    claims = extract(
        "Vellin and Brenholt traded accusations on Monday. Foreign Minister Ada Renko said "
        "the crews were safe.",
        sides=states(),
    ).claims
    assert claims[-1]["side_id"] is None


def test_a_mediating_minister_is_unattributed(extract):
    claims = extract(
        "Vellin has demanded the release of the crews. Foreign Minister Ada Renko, who is "
        "mediating the talks, said both sides had agreed to meet.",
        sides=states(),
    ).claims
    assert claims[-1]["side_id"] is None
