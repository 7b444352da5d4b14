"""A relative clause saying what a speaker does to or about a body (rates it, covers it,
sued it) is not membership; a diplomat chairing a forum of several parties is a neutral."""

from tests.extraction.registries import registry, said


def test_an_analyst_who_rates_a_company_does_not_speak_for_it(extract):
    sides = registry(("Corvane Holdings", ("Corvane",)))
    text = (
        "Owen Reyes, a strategist at Pellbrook Partners who covers Corvane, said the "
        "dividend was safe for two more years."
    )
    claims = extract(text, sides=sides).claims
    assert said(claims) == {("Owen Reyes", None)}, claims


def test_a_lawyer_who_sued_a_council_does_not_speak_for_it(extract):
    sides = registry(("Tarnby Council", ("the council",)))
    text = "Ella Moss, a solicitor who sued the council in 2021, said the rules were unclear."
    claims = extract(text, sides=sides).claims
    assert said(claims) == {("Ella Moss", None)}, claims


def test_an_employee_who_works_for_a_company_still_speaks_for_it(extract):
    sides = registry(("Corvane Holdings", ("Corvane",)))
    text = "Owen Reyes, who works for Corvane, said the dividend was safe."
    claims = extract(text, sides=sides).claims
    assert said(claims) == {("Owen Reyes", "Corvane Holdings")}, claims


def test_a_diplomat_chairing_talks_creates_no_country_side(extract):
    sides = registry(("Chile", ("Santiago",)), ("Peru", ("Lima",)))
    text = (
        "Anders Holm, the Danish diplomat who chairs the border talks, said both delegations "
        "would meet again in May."
    )
    result = extract(text, sides=sides)
    assert said(result.claims) == {("Anders Holm", None)}, result.claims
    assert result.new_sides == [], result.new_sides


def test_a_diplomat_of_a_registered_country_keeps_its_side(extract):
    sides = registry(("Chile", ("Santiago",)), ("Peru", ("Lima",)))
    text = "Rosa Vidal, the Chilean diplomat leading the delegation, said the offer stood."
    claims = extract(text, sides=sides).claims
    assert said(claims) == {("Rosa Vidal", "Chile")}, claims


def test_a_joined_verb_of_membership_in_a_relative_clause_counts(extract):
    sides = registry(("Tarnby Council", ("the council",)), ("Tarnby Anglers' Club", ()))
    text = (
        "Ella Moss, who has lived in Tarnby since 1990 and sits on the committee of the "
        "Tarnby Anglers' Club, said the river had never been so low."
    )
    claims = extract(text, sides=sides).claims
    assert said(claims) == {("Ella Moss", "Tarnby Anglers' Club")}, claims
    assert claims[0]["side_evidence"]["via"] == "relative_clause"


def test_a_joined_verb_of_what_a_speaker_does_about_a_body_does_not_count(extract):
    sides = registry(("Tarnby Council", ("the council",)))
    text = (
        "Ella Moss, who has lived in Tarnby since 1990 and wrote to the council in May, "
        "said the river had never been so low."
    )
    claims = extract(text, sides=sides).claims
    assert said(claims) == {("Ella Moss", None)}, claims
