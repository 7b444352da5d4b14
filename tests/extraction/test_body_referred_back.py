""" "Its president", "Its leaders", "The group" speak for the organisation named just before."""

from registries import registry


def sides():
    return registry(
        ("Corvane Nurses Federation", ["CNF", "the federation"]),
        ("Corvane Health Board", ["the board"]),
    )


def test_its_president_after_a_body_named_as_object_speaks_for_it(extract):
    claims = extract(
        "Wards across Corvane closed on Tuesday. The walkout was called by the Corvane "
        "Nurses Federation, which represents 9,000 nurses. Its president, Ilse Brandvold, "
        "said the board had ignored every warning.",
        sides=sides(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Ilse Brandvold"
    assert claims[-1]["side_id"] == "s0"
    assert claims[-1]["side_evidence"]["via"] == "possessive"
    assert claims[-1]["side_evidence"]["text"] == "Its president"


def test_its_leaders_speak_for_the_body_just_named(extract):
    claims = extract(
        "The Corvane Nurses Federation rejected the offer on Monday. Its leaders said the "
        "strike would continue until pay was restored.",
        sides=sides(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Its leaders"
    assert claims[-1]["side_id"] == "s0"
    assert claims[-1]["side_evidence"]["text"] == "Its leaders"


def test_the_group_speaks_for_the_body_just_named(extract):
    claims = extract(
        "The Corvane Nurses Federation walked out of the talks on Monday. The group said "
        "the offer was an insult to every nurse.",
        sides=sides(),
    ).claims
    assert claims[-1]["side_id"] == "s0"
    assert claims[-1]["side_evidence"]["text"] == "The group"


def test_no_registered_body_before_leaves_its_president_unattributed(extract):
    claims = extract(
        "Wards across Corvane closed on Tuesday. Its president, Ilse Brandvold, said the "
        "walkout would continue.",
        sides=sides(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Ilse Brandvold"
    assert claims[-1]["side_id"] is None
    assert claims[-1]["side_evidence"] is None


def test_its_refers_to_the_unregistered_body_named_last(extract):
    claims = extract(
        "The Corvane Nurses Federation called the strike. It was backed by the Velden "
        "Chamber of Commerce. Its president, Oskar Helm, said the strike would hurt trade.",
        sides=sides(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Oskar Helm"
    assert claims[-1]["side_id"] is None
