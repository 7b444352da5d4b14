"""A registered body opening a sentence is mentioned there even when the parser misreads its
name ("Access Together" read as a verb), so "It says" and "Its chief executive" refer to it."""

from registries import registry


def sides():
    return registry(
        ("Westmoor Transport Authority", ["the authority"]),
        ("Access Together", ["the charity"]),
    )


TEXT = (
    "Councillor Dennis Hart, who chairs the authority, said the cuts would save money.\n\n"
    "Access Together, which supports disabled people across the county, has campaigned "
    "against the cuts since January. It says the authority failed to assess their effect."
    "\n\nIts chief executive, Farah Quinn, said the charity was taking legal advice."
)


def test_it_after_a_misread_registered_opener_speaks_for_it(extract):
    claims = extract(TEXT, sides=sides()).claims
    said = [c for c in claims if "failed to assess" in c["text"]]
    assert said and said[0]["side_name"] == "Access Together"


def test_its_chief_executive_after_it_speaks_for_it(extract):
    claims = extract(TEXT, sides=sides()).claims
    quoted = [c for c in claims if c["speaker"]["name"] == "Farah Quinn"]
    assert quoted and quoted[0]["side_name"] == "Access Together"


def test_the_opener_is_shown_by_its_name_where_the_sentence_starts(extract):
    claims = extract(TEXT, sides=sides()).claims
    said = next(c for c in claims if "failed to assess" in c["text"])
    start = TEXT.index("Access Together")
    assert said["side_evidence"]["span"] == {"start": start, "end": start + len("Access Together")}
