"""'one of the organisers' right after the organising group speaks for that group."""

from tests.extraction.registries import registry

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


def test_who_started_the_named_campaign_speaks_for_it(only_claim):
    sides = registry(("Clean the Arun", ("the campaign",)), ("Southern Rivers Water", ()))
    text = (
        "Dev Kaur, who started the Clean the Arun campaign after her children fell ill, "
        "said the outfalls were still discharging every weekend."
    )
    claim = only_claim(text, sides=sides)
    assert claim["side_name"] == "Clean the Arun"
    assert claim["side_evidence"]["via"] == "relative_clause"
    assert claim["side_evidence"]["text"] == "Clean the Arun"


def test_who_launched_the_named_group_speaks_for_it(only_claim):
    sides = registry(("Tenants of Harbour Court", ("the tenants' group",)))
    text = (
        "Omar Haddad, who launched Tenants of Harbour Court last spring, said the lifts "
        "had been broken since January."
    )
    assert only_claim(text, sides=sides)["side_name"] == "Tenants of Harbour Court"
