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


def test_a_role_held_over_a_closed_span_of_years_speaks_for_no_one(only_claim):
    text = (
        "Mina Torp, who ran the airline from 2004 to 2012, said the fleet had been "
        "neglected for years."
    )
    assert only_claim(text, sides=NO_FAMILY)["side_id"] is None


def test_a_role_running_on_from_a_year_still_speaks_for_the_body(only_claim):
    text = "Mina Torp, who has run the airline from 2004, said the fleet had been renewed twice."
    claim = only_claim(text, sides=NO_FAMILY)
    assert claim["side_name"] == "Halvard Air"
    assert claim["side_evidence"]["via"] == "relative_clause"


def test_an_only_title_that_is_former_speaks_for_no_office_nearby(extract):
    sides = registry(("Norland", ("Norland's Transport Ministry", "Oslo")))
    text = (
        "Norland's Transport Ministry said the ferry route would reopen in May. "
        "The talks will be led by Estria, whose former transport minister, Pavel Rusu, "
        "has chaired two earlier rounds. "
        "Rusu said both sides wanted the ferries running before the summer."
    )
    claims = [c for c in extract(text, sides=sides).claims if c["speaker"]["name"]]
    rusu = [c for c in claims if "Rusu" in (c["speaker"]["name"] or "")]
    assert rusu and all(c["side_id"] is None and c["side_evidence"] is None for c in rusu), claims


def test_a_former_title_beside_a_current_one_keeps_the_current_side(only_claim):
    text = (
        "Pavel Rusu, a former pilot and the airline's head of training, said the "
        "simulators were booked for months."
    )
    claim = only_claim(text, sides=NO_FAMILY)
    assert claim["side_name"] == "Halvard Air"
