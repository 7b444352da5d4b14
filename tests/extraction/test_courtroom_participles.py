"""Counsel introduced by a courtroom participle ("Prosecuting, X said", "X, defending,")
speaks for that side of the trial; another fronted participle names no side."""

import pytest

from tests.extraction.registries import registry

TRIAL = registry(("Prosecution", ("the prosecution",)), ("Defence of Ada Quill", ("the defence",)))
OPENING = "Ada Quill denies theft. "


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Prosecuting, Mara Voss KC said the ledger had been altered twice.", "Prosecution"),
        ("Mara Voss KC, prosecuting, said the ledger had been altered twice.", "Prosecution"),
        (
            "Defending, Owain Price said the ledger had never left the office.",
            "Defence of Ada Quill",
        ),
        (
            "Owain Price, defending, told jurors the ledger never left the office.",
            "Defence of Ada Quill",
        ),
    ],
)
def test_a_courtroom_participle_names_the_side_of_counsel(extract, sentence, side):
    claim = extract(OPENING + sentence, sides=TRIAL).claims[-1]
    assert claim["side_name"] == side
    assert claim["side_evidence"]["via"] == "role"


def test_another_fronted_participle_names_no_side(extract):
    text = OPENING + "Speaking outside court, Owain Price said the ledger never left the office."
    claim = extract(text, sides=TRIAL).claims[-1]
    assert claim["speaker"]["name"] == "Owain Price"
    assert claim["side_id"] is None


@pytest.mark.parametrize(
    ("sentence", "side"),
    [
        ("Mara Voss KC, for the prosecution, said the ledger was altered.", "Prosecution"),
        (
            "Owain Price, for the defence, told jurors the ledger never left.",
            "Defence of Ada Quill",
        ),
    ],
)
def test_a_for_phrase_set_off_after_counsel_names_the_side(extract, sentence, side):
    claim = extract(OPENING + sentence, sides=TRIAL).claims[-1]
    assert claim["side_name"] == side
    assert claim["side_evidence"]["text"].startswith("the ")


def test_a_for_phrase_of_no_side_names_none(extract):
    text = OPENING + "Owain Price, for his part, said the ledger never left the office."
    claim = extract(text, sides=TRIAL).claims[-1]
    assert claim["side_id"] is None
