"""A polity inside another body's proper name is not the polity: the officers of "the
University of Chile" or "the Bank of Veloria" speak for no country, and "Northern
Ireland's Department of Health" is not the registered "Department of Health"."""

from tests.extraction.registries import registry

CHILE = registry(("Chile", ("Chilean government",)), ("Peru", ()))
VELORIA = registry(("Veloria", ("Velorian government",)), ("Mardova", ()))
HEALTH = registry(("Department of Health", ("the department",)), ("Nurses Union", ()))


def test_the_president_of_a_university_named_after_a_country_has_no_side(only_claim):
    text = (
        "Ana Soto, president of the University of Chile, said the reform would cut "
        "research funding."
    )
    assert only_claim(text, sides=CHILE)["side_id"] is None


def test_a_made_up_polity_in_a_university_name_is_no_side(only_claim):
    text = (
        "Ana Soto, president of the University of Veloria, said the reform would cut "
        "research funding."
    )
    assert only_claim(text, sides=VELORIA, auto_sides=False)["side_id"] is None


def test_a_bank_named_after_a_polity_does_not_speak_for_it(only_claim):
    text = "A spokesman for the Bank of Veloria said the reform would cut growth."
    assert only_claim(text, sides=VELORIA, auto_sides=False)["side_id"] is None


def test_the_polity_s_own_minister_still_speaks_for_it(only_claim):
    text = (
        "Ana Soto, Veloria's education minister and a former rector of the University of "
        "Mardova, said the reform would cut research funding."
    )
    assert only_claim(text, sides=VELORIA, auto_sides=False)["side_name"] == "Veloria"


def test_a_department_qualified_by_another_polity_is_another_body(only_claim):
    text = (
        "A spokeswoman for Northern Ireland's Department of Health said the waiting lists "
        "were falling."
    )
    assert only_claim(text, sides=HEALTH)["side_id"] is None


def test_the_registered_department_unqualified_keeps_its_side(only_claim):
    text = "A spokeswoman for the Department of Health said the waiting lists were falling."
    assert only_claim(text, sides=HEALTH)["side_name"] == "Department of Health"
