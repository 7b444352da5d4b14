"""A document with a relative clause of writing ("a letter it sent") speaks for whoever
wrote it; one the subject only received names no author."""

from tests.extraction.registries import registry

SIDES = registry(("Pellow Creek Council", ("the council",)), ("Dunmore Gold", ("the miner",)))
OPENING = "Pellow Creek Council met on Monday. "


def test_a_letter_it_sent_speaks_for_the_sender(extract):
    text = OPENING + (
        "The council wants a share of the royalties, according to a letter it sent to the "
        "minister last week."
    )
    claim = extract(text, sides=SIDES).claims[-1]
    assert claim["speaker"]["name"] == "Pellow Creek Council"
    assert claim["side_name"] == "Pellow Creek Council"


def test_a_letter_someone_received_names_no_author(extract):
    text = OPENING + (
        "The council wants a share of the royalties, according to a letter the miner "
        "received last week."
    )
    claim = extract(text, sides=SIDES).claims[-1]
    assert claim["side_id"] is None
