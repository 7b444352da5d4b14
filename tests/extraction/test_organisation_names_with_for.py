"""An organisation named "<Adj> <Org word> for <Capitalised words>" is one speaker."""

from registries import registry


def test_a_demonym_inside_a_longer_body_name_is_not_the_country(only_claim):
    sides = registry(("Xia", []), ("Xian Fund for Marine Research", ["the fund"]))
    claim = only_claim(
        "The Xian Fund for Marine Research said in a statement on Monday that no grant "
        "already awarded would be withdrawn.",
        sides=sides,
    )
    assert claim["speaker"]["name"] == "Xian Fund for Marine Research"
    assert claim["side_id"] == "s1"
    assert claim["side_evidence"]["text"] == "Xian Fund for Marine Research"


def test_a_fund_for_common_words_keeps_its_short_name(only_claim):
    sides = registry(("Halvard Fund", ["the fund"]))
    claim = only_claim(
        "The Halvard Fund for young researchers said that no grant would be withdrawn.",
        sides=sides,
    )
    assert claim["speaker"]["name"] == "Halvard Fund"
    assert claim["side_id"] == "s0"
