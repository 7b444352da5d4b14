"""Sides in court and tribunal reports: counsel opening the case for a side, the
defendant who denies a charge, counsel representing the defendant, a fronted "For X,"
and a personal possessive that never refers to a body."""

from tests.extraction.registries import registry, said

TRIAL = registry(("Prosecution", ()), ("Defence of Marcus Hale", ()))


def test_counsel_opening_the_case_for_the_prosecution_speaks_for_it(extract):
    text = (
        "Opening the case for the prosecution, Ruth Brennan KC said the van had been "
        "driven at twice the speed limit."
    )
    claims = extract(text, sides=TRIAL).claims
    assert said(claims) == {("Ruth Brennan", "Prosecution")}, claims
    assert claims[0]["side_evidence"]["text"] == "prosecution"


def test_the_defendant_and_the_counsel_representing_him_speak_for_the_defence(extract):
    text = (
        "Marcus Hale, 52, of Leeds, denies two charges of fraud. "
        "Giles Ford KC, representing Hale, told jurors that his client had kept every receipt."
    )
    claims = extract(text, sides=TRIAL).claims
    assert ("Giles Ford", "Defence of Marcus Hale") in said(claims), claims
    evidence = next(c for c in claims if c["speaker"]["name"] == "Giles Ford")["side_evidence"]
    assert evidence["via"] == "role" and evidence["text"] == "Hale"


def test_a_plea_of_not_guilty_makes_the_defendant(extract):
    text = "Dana Kirk pleaded not guilty to arson and said she had been at home all night."
    sides = registry(("Prosecution", ()), ("Defence of Dana Kirk", ()))
    claims = extract(text, sides=sides).claims
    assert ("Dana Kirk", "Defence of Dana Kirk") in said(claims), claims


def test_a_fronted_for_names_whom_counsel_argues_for(extract):
    sides = registry(("Orwell Freight", ("Orwell",)), ("Tom Baines", ()))
    text = "For Orwell, Leah Stone argued that the drivers had been warned twice."
    claims = extract(text, sides=sides).claims
    assert said(claims) == {("Leah Stone", "Orwell Freight")}, claims


def test_a_fronted_for_of_time_names_no_side(extract):
    sides = registry(("Orwell Freight", ("Orwell",)))
    text = "For years, Leah Stone argued that the drivers had been warned twice."
    claims = extract(text, sides=sides).claims
    assert said(claims) == {("Leah Stone", None)}, claims


def test_her_barrister_is_never_the_barrister_of_a_body(extract):
    sides = registry(("Orwell Freight", ("Orwell",)))
    text = (
        "Nadia Fox, 39, worked as a driver at the depot. Orwell denies unfair dismissal. "
        "Her barrister, Leo Grant, said the warnings had been ignored."
    )
    claims = extract(text, sides=sides).claims
    assert ("Leo Grant", "Orwell Freight") not in said(claims), claims


def test_her_department_after_a_minister_speaks_for_the_ministers_side(extract):
    sides = registry(("Government of Alvia", ("Alvia",)))
    text = (
        "Alvia's transport minister, Ines Carro, has backed the new line. "
        "Her department said the route would be decided by June."
    )
    claims = extract(text, sides=sides).claims
    assert claims[-1]["speaker"]["name"] == "Her department", claims
    assert claims[-1]["side_name"] == "Government of Alvia"
    assert claims[-1]["side_evidence"]["via"] == "possessive"


def test_her_department_after_a_person_without_office_has_no_side(extract):
    sides = registry(("Government of Alvia", ("Alvia",)))
    text = (
        "Ines Carro, a teacher, has backed the new line. "
        "Her department said the route would be decided by June."
    )
    claims = extract(text, sides=sides).claims
    assert claims[-1]["side_name"] is None, claims
