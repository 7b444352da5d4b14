"""A registered side that is a person ("Leah Morrow", alias "Ms Morrow") is a person where
named, so that "her solicitor" and "his lawyer" after it stand with that person."""

from service.extraction.name_forms import is_person_side
from tests.extraction.registries import registry

SIDES = registry(
    ("Leah Morrow", ("Ms Morrow", "the claimant")),
    ("Harcastle Foods", ("Harcastle", "the company", "the respondent")),
)


def test_her_barrister_after_a_person_side_stands_with_her(extract):
    text = (
        "Leah Morrow worked as a quality manager at Harcastle Foods for six years. "
        "Harcastle rejects her claim.\n\n"
        "Her barrister, Tomas Greer, said Ms Morrow had reported the contamination twice."
    )
    claims = extract(text, sides=SIDES).claims
    claim = next(c for c in claims if c["speaker"]["name"] == "Tomas Greer")
    assert claim["side_name"] == "Leah Morrow"
    assert claim["side_evidence"]["via"] == "possessive"


def test_the_person_side_itself_is_a_person_with_her_side(extract):
    text = "Leah Morrow said she had reported the contamination twice."
    claim = extract(text, sides=SIDES).claims[0]
    assert claim["speaker"]["type"] == "person"
    assert claim["side_name"] == "Leah Morrow"


def test_which_registered_names_are_people():
    assert is_person_side("Leah Morrow", ("Ms Morrow",))
    assert is_person_side("Owen Pryce", ("Pryce", "the defendant"))
    assert not is_person_side("Ashdown Rovers", ("Rovers", "the club"))
    assert not is_person_side("Harcastle Foods", ("Harcastle", "the company"))
    assert not is_person_side("Tarn Homes", ("Ms Homes",))


ATHLETE = registry(
    ("Corin Vale", ("Vale", "the defendant")), ("Ardent Rowing Union", ("the union",))
)


def test_the_surname_alias_of_a_person_side_stays_his_name(extract):
    text = "Corin Vale denies doping. Vale said the sample had been mishandled."
    claims = extract(text, sides=ATHLETE).claims
    last = claims[-1]
    assert (last["speaker"]["name"], last["side_name"]) == ("Corin Vale", "Corin Vale")
    assert last["speaker"]["type"] == "person"


def test_his_lawyer_stands_with_the_person_named_earlier_in_the_sentence(only_claim):
    text = "Corin Vale will appeal against the two-year ban, his lawyer said on Tuesday."
    claim = only_claim(text, sides=ATHLETE)
    assert claim["speaker"]["title"] == "his lawyer"
    assert claim["side_name"] == "Corin Vale"
    assert claim["side_evidence"]["via"] == "possessive"


def test_his_lawyer_with_no_person_named_has_no_side(only_claim):
    text = "The ban will be appealed, his lawyer said on Tuesday."
    claim = only_claim(text, sides=ATHLETE)
    assert claim["side_id"] is None
