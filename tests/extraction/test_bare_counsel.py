"""A bare "counsel said" right after counsel spoke refers back to that counsel; after a
witness, or sentences later, it refers to nobody."""

from tests.extraction.registries import registry

SIDES = registry(("Dara Finch", ("Ms Finch", "the claimant")), ("Orrin Freight", ("Orrin",)))


def last(claims):
    return claims[-1]["speaker"]["name"], claims[-1]["side_name"]


def test_counsel_after_the_counsel_who_argued_refers_back(extract):
    text = (
        "For Orrin, Lucas Brandt argued that Ms Finch had resigned of her own accord. "
        "The pay dispute, counsel said, had been settled in March."
    )
    assert last(extract(text, sides=SIDES).claims) == ("Lucas Brandt", "Orrin Freight")


def test_counsel_after_a_witness_refers_to_nobody(extract):
    text = (
        "Dara Finch said she had raised the fault twice. "
        "The pay dispute, counsel said, had been settled in March."
    )
    claims = extract(text, sides=SIDES).claims
    assert claims[-1]["speaker"]["name"] != "Dara Finch"
    assert claims[-1]["side_id"] is None
