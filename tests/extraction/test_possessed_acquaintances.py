"""An officer named by a person's possessive stands with that person ("Mr Hart's
lawyer"); a colleague or friend ("Mr Hart's colleague") does not take the person's side."""

from tests.extraction.registries import registry

SIDES = registry(("Unison", ("the union",)), ("St Mary's Hospital Trust", ("the trust",)))
OPENING = "Unison branch secretary Dee Hart said staff were exhausted. "


def side_of(extract, text, speaker):
    """The side name of the claim made by speaker."""
    claims = extract(text, sides=SIDES, auto_sides=False).claims
    return next(c["side_name"] for c in claims if c["speaker"]["name"] == speaker)


def test_a_colleague_named_by_possessive_has_no_side(extract):
    text = OPENING + "Mr Hart's colleague Ben Ode said morale had never been lower."
    assert side_of(extract, text, "Ben Ode") is None


def test_a_spokesman_named_by_possessive_stands_with_the_person(extract):
    text = OPENING + "Ms Hart's spokesman, Ben Ode, said morale had never been lower."
    assert side_of(extract, text, "Ben Ode") == "Unison"
