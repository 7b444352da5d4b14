"""Relatives speak for the family side; a title held until a past year, an expert sharing a
topic word with a body, and a body named only as a place give no side."""

from tests.extraction.registries import registry, said

FAMILY = registry(
    ("Family of Kwame Osei", ("the family", "relatives")),
    ("Halvard Air", ("Halvard", "the airline")),
)
NO_FAMILY = registry(("Halvard Air", ("Halvard", "the airline")))


def test_the_father_of_someone_hurt_speaks_for_the_family_not_the_body_named(extract):
    text = (
        "The father of a baggage handler who was injured at the Halvard depot has demanded "
        "an independent inquiry into the accident."
    )
    claims = extract(text, sides=FAMILY).claims
    assert [c["side_name"] for c in claims] == ["Family of Kwame Osei"], claims
    assert claims[0]["side_evidence"]["via"] == "role"
    assert claims[0]["side_evidence"]["text"] == "The father"


def test_without_a_family_side_a_relative_speaks_for_no_body_in_the_description(extract):
    text = (
        "The father of a baggage handler who was injured at the Halvard depot has demanded "
        "an independent inquiry into the accident."
    )
    claims = extract(text, sides=NO_FAMILY).claims
    assert [c["side_id"] for c in claims] == [None], claims


def test_a_person_with_the_family_surname_speaks_for_the_family(only_claim):
    text = "Ama Osei said the company had ignored three earlier warnings about the hangar."
    claim = only_claim(text, sides=FAMILY)
    assert claim["side_name"] == "Family of Kwame Osei"
    assert claim["side_evidence"]["text"] == "Osei"


def test_another_surname_gets_no_family_side(only_claim):
    text = "Ama Mensah said the company had ignored three earlier warnings about the hangar."
    assert only_claim(text, sides=FAMILY)["side_id"] is None


def test_a_group_named_parents_is_not_kin(only_claim):
    sides = registry(("Parents for Safer Streets", ("the campaign",)))
    text = "Parents for Safer Streets said the crossing had been promised for six years."
    assert only_claim(text, sides=sides)["side_name"] == "Parents for Safer Streets"


def test_a_title_held_until_a_past_year_speaks_for_no_one(only_claim):
    text = (
        "Rosa Lind, Halvard's head of safety until 2019, said the checks had been cut "
        "back every year since."
    )
    assert only_claim(text, sides=NO_FAMILY)["side_id"] is None


def test_a_year_in_what_is_said_does_not_end_the_role(only_claim):
    text = (
        "Rosa Lind, Halvard's head of safety, said the checks had been cut back every year "
        "until 2019."
    )
    assert only_claim(text, sides=NO_FAMILY)["side_name"] == "Halvard Air"


def test_an_expert_sharing_a_topic_word_is_not_an_officer_of_the_department(extract):
    sides = registry(("Ministry of Transport", ("the ministry",)))
    text = (
        "The Ministry of Transport published the crash figures on Monday. Lena Brandt, a "
        "transport safety researcher, said the figures understated rural deaths."
    )
    claims = extract(text, sides=sides).claims
    assert ("Lena Brandt", None) in said(claims), claims


def test_a_spokesperson_is_not_bridged_to_the_city_where_they_spoke(extract):
    sides = registry(("Ministry of Transport", ("the ministry",)))
    text = (
        "In Ottawa, a spokesperson said the review would take a year. The rail line had "
        "never been inspected, the spokesperson added."
    )
    claims = extract(text, sides=sides).claims
    assert claims and all(c["side_name"] is None for c in claims), claims
