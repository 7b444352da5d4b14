"""A common-noun description before a body's name ("chipmaker Norvel Systems") is its
title, not part of its name."""

from tests.extraction.registries import registry

SIDES = registry(("Norvel Systems", ("Norvel",)))


def test_a_descriptor_before_a_company_name_is_its_title(extract):
    text = "On Monday, chip maker Norvel Systems said that demand had doubled."
    claims = extract(text, sides=SIDES).claims
    speaker = claims[0]["speaker"]
    assert (speaker["name"], speaker["title"]) == ("Norvel Systems", "chip maker"), claims
    assert claims[0]["side_name"] == "Norvel Systems"


def test_a_lower_case_word_inside_a_name_after_of_is_kept(extract):
    sides = registry(("Guild of Dock Workers", ()))
    text = "The Guild of Dock Workers said crews had not been paid since June."
    claims = extract(text, sides=sides).claims
    assert claims[0]["speaker"]["name"] == "Guild of Dock Workers", claims
