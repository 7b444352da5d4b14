""" "The party's spokesman" speaks for the registered party side referred back to."""

from registries import registry


def test_the_partys_spokesman_speaks_for_the_party_mentioned_last(extract):
    sides = registry(
        ("Xian Government", ["the government"]),
        ("Xian Labour", ["Labour"]),
        ("Xian Conservatives", ["Tories"]),
    )
    claims = extract(
        "The Tories welcomed the bill. Labour was unmoved.\n\n\u201cThe bill is hollow,\u201d "
        "said Callum Dray, the party\u2019s housing spokesman.",
        sides=sides,
    ).claims
    assert claims[-1]["speaker"]["name"] == "Callum Dray"
    assert claims[-1]["side_id"] == "s1"
    assert claims[-1]["side_evidence"]["text"] == "the party"


def test_no_party_side_leaves_the_partys_spokesman_unattributed(extract):
    sides = registry(("Xian Government", ["the government"]))
    claims = extract(
        "\u201cThe bill is hollow,\u201d said Callum Dray, the party\u2019s housing spokesman.",
        sides=sides,
    ).claims
    assert claims[-1]["side_id"] is None
    assert claims[-1]["side_evidence"] is None
