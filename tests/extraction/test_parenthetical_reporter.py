"""A pronoun in a parenthetical reporting clause stands for the body named before, not for
the body the interrupted clause is about."""

from tests.extraction.registries import registry

SIDES = registry(("Corvane Mills", ("Corvane",)), ("Ostrava Textiles", ("Ostrava",)))


def speakers(claims):
    return [(c["speaker"]["name"], c["side_name"]) for c in claims]


def test_it_said_inside_a_clause_about_a_rival_is_the_earlier_body(extract):
    text = (
        "Corvane said its orders had doubled since March. Ostrava, it said, was "
        "“selling below cost to win back customers”."
    )
    claims = extract(text, sides=SIDES).claims
    assert speakers(claims)[-1] == ("Corvane", "Corvane Mills"), claims


def test_they_said_inside_a_clause_about_a_rival_is_the_earlier_group(extract):
    sides = registry(("Dockside Traders", ("the traders",)), ("Harbour Board", ("the board",)))
    text = (
        "Dockside Traders met on Monday. The board, they said, had ignored every letter "
        "since January."
    )
    claims = extract(text, sides=sides).claims
    assert speakers(claims)[-1] == ("Dockside Traders", "Dockside Traders"), claims


def test_it_said_at_the_start_still_refers_to_the_body_just_named(extract):
    text = "Ostrava opened a new plant. It said the plant would employ 300 people."
    claims = extract(text, sides=SIDES).claims
    assert speakers(claims)[-1] == ("Ostrava", "Ostrava Textiles"), claims


def test_a_fronted_setting_is_not_the_speaker(extract):
    text = (
        "Outside court, the mill's works manager, Petra Hale, said the machines had been "
        "checked every week."
    )
    claims = extract(text, sides=SIDES).claims
    assert [c["speaker"]["name"] for c in claims] == ["Petra Hale"], claims


def test_a_setting_word_inside_a_named_subject_is_left_alone(extract):
    text = "Outside Broadcasts Ltd said the cameras had been checked every week."
    claims = extract(text, sides=SIDES).claims
    assert [c["speaker"]["name"] for c in claims] == ["Outside Broadcasts Ltd"], claims
