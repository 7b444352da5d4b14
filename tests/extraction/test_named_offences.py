"""A subject who denies a named offence ("denies theft") is the defendant, like one who
denies "two charges"; their barrister stands with them."""

from tests.extraction.registries import registry

COURT = registry(("Prosecution", ("prosecutors", "the Crown")), ("Defence", ("the defence",)))


def test_who_denies_a_named_offence_is_the_defence(extract):
    text = (
        "Kelly Moss, 34, denies theft. Her barrister, James Hunt, said the records were unreliable."
    )
    claims = extract(text, sides=COURT, auto_sides=False).claims
    assert {(c["speaker"]["name"], c["side_name"]) for c in claims} == {
        ("Kelly Moss", "Defence"),
        ("James Hunt", "Defence"),
    }


def test_denying_a_report_is_no_defence(extract):
    text = "Kelly Moss denies the report. She said the records were unreliable."
    claims = extract(text, sides=COURT, auto_sides=False).claims
    assert all(c["side_id"] is None for c in claims)
