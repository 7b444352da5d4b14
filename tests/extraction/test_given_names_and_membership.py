"""A capitalised given name the tagger reads as a past verb stays part of the name, and a
subject's verbs of membership ("now helps run the campaign") state its side."""


def registry(*sides):
    return [
        {"id": f"s{i}", "name": name, "aliases": list(aliases)}
        for i, (name, aliases) in enumerate(sides)
    ]


def speakers(claims):
    return [(c["speaker"]["name"], c["speaker"]["title"], c["side_name"]) for c in claims]


CAMPAIGN = registry(("Keep Arlow Library", ("the campaign",)), ("Arlow Council", ("the council",)))


def test_a_given_name_read_as_a_verb_stays_in_the_name(extract):
    text = "Ahmed Sorell said the library had been open for ninety years."
    claims = extract(text, sides=CAMPAIGN).claims
    assert speakers(claims) == [("Ahmed Sorell", None, None)], claims


def test_a_past_role_word_is_not_a_given_name(extract):
    text = "Retired Colonel Ada Price said the barracks should stay open."
    claims = extract(text, sides=CAMPAIGN).claims
    assert [c["speaker"]["name"] for c in claims] == ["Ada Price"], claims


def test_who_helps_run_a_campaign_speaks_for_it(extract):
    text = (
        "Ahmed Sorell moved to Arlow in 2019 and now helps run the Keep Arlow Library "
        "campaign.\n\n\u201cWe will not let the council close it,\u201d Mr Sorell said."
    )
    claims = extract(text, sides=CAMPAIGN).claims
    assert speakers(claims)[-1][2] == "Keep Arlow Library", claims
    assert claims[-1]["side_evidence"]["text"] == "Keep Arlow Library"


def test_who_works_for_a_body_in_a_main_clause_speaks_for_it(extract):
    text = (
        "Lena Hart works for the council.\n\n"
        "\u201cThe library costs too much to heat,\u201d Ms Hart said."
    )
    claims = extract(text, sides=CAMPAIGN).claims
    assert speakers(claims)[-1][2] == "Arlow Council", claims


def test_who_visits_a_body_does_not_speak_for_it(extract):
    text = (
        "Lena Hart visits the library every week.\n\n"
        "\u201cThe council should keep it open,\u201d Ms Hart said."
    )
    claims = extract(text, sides=CAMPAIGN).claims
    assert speakers(claims)[-1][2] is None, claims


def test_a_body_named_of_two_joined_topics_stays_whole(extract):
    sides = registry(("Union of Health and Dental Staff", ("the union",)))
    text = "The Union of Health and Dental Staff said crews had not been paid since June."
    claims = extract(text, sides=sides).claims
    assert speakers(claims) == [
        ("Union of Health and Dental Staff", None, "Union of Health and Dental Staff")
    ], claims
