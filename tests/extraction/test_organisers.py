"""'one of the organisers' right after the organising group speaks for that group."""

SIDES = [{"id": "h", "name": "Harbourside Tenants Network", "aliases": ["the network"]}]


def test_one_of_the_organisers_speaks_for_the_group_that_organised(only_claim):
    text = (
        "Harbourside Tenants Network staged the rally outside the town hall. "
        "Dev Patel, one of the organisers, said rents had doubled in five years."
    )
    claim = only_claim(text, sides=SIDES)
    assert claim["side_id"] == "h"
    assert claim["side_evidence"]["text"] == "Harbourside Tenants Network"


def test_a_bystander_after_the_group_gets_no_side(only_claim):
    text = (
        "Harbourside Tenants Network staged the rally outside the town hall. "
        "Dev Patel, a shopkeeper, said rents had doubled in five years."
    )
    claim = only_claim(text, sides=SIDES)
    assert claim["side_id"] is None
