"""He and she refer to a person of their gender when the article shows it: an honorific
("Mr Hale"), a gendered title or kin noun, or a pronoun already used of them."""

from tests.extraction.registries import registry

COURT = registry(
    ("Prosecution", ("prosecutors", "the Crown")),
    ("Defence", ("the defence",)),
)


def claims_by_text(extract, text, sides):
    """{claim text: (speaker name, side name)}."""
    found = extract(text, sides=sides, auto_sides=False).claims
    return {c["text"]: (c["speaker"]["name"], c["side_name"]) for c in found}


def test_she_skips_a_man_introduced_with_mr(extract):
    text = (
        "Mr Hale, prosecuting, told the jury the fire was set deliberately. Defence "
        "barrister Ruth Amis said the evidence was thin. Mr Hale said the CCTV placed the "
        "defendant at the scene. She replied that the footage was blurred."
    )
    found = claims_by_text(extract, text, COURT)
    assert found["the footage was blurred"] == ("Ruth Amis", "Defence")


def test_he_skips_a_woman_introduced_as_a_mother(extract):
    sides = registry(("Family of Callum Reddy", ("the family",)), ("Police", ("police",)))
    text = (
        "Inspector Dan Cole said officers had followed procedure. Joan Reddy, Callum "
        "Reddy's mother, said the family had been ignored for months. He said the "
        "review would be published in full."
    )
    found = claims_by_text(extract, text, sides)
    assert found["the review would be published in full"][0] == "Dan Cole"


def test_a_pronoun_used_earlier_shows_the_gender(extract):
    text = (
        "Defence barrister Ruth Amis said the evidence was thin. Prosecutor Tom Hale said "
        "the CCTV placed the defendant at the scene, and he said the witness was "
        "reliable. She said the footage was blurred."
    )
    found = claims_by_text(extract, text, COURT)
    assert found["the footage was blurred"] == ("Ruth Amis", "Defence")


def test_with_no_gender_shown_the_last_subject_is_kept(extract):
    text = (
        "Defence barrister Ruth Amis said the evidence was thin. Prosecutor Tom Hale "
        "said the CCTV placed the defendant at the scene. He said the footage was clear."
    )
    found = claims_by_text(extract, text, COURT)
    assert found["the footage was clear"] == ("Tom Hale", "Prosecution")


def test_a_pronoun_after_the_only_person_of_its_sentence_is_that_person(extract):
    text = (
        "Defence barrister Ruth Amis said the evidence was thin, and she said the "
        "witness was unreliable."
    )
    found = claims_by_text(extract, text, COURT)
    assert found["the witness was unreliable"] == ("Ruth Amis", "Defence")
