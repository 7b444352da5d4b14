"""Speakers outside the contest get no side: a bare plural of an alias names a class
("advises both insurers and manufacturers"), a speaker described as neutral speaks for no
party, and "her campaign manager" stands with the woman, not the man quoted last."""

from registries import registry


def health():
    return registry(
        ("National Health Insurance Fund", ["the fund", "the insurer"]),
        ("Bremont Pharma", ["Bremont", "the company"]),
    )


def test_a_consultant_advising_insurers_is_not_the_insurer(extract):
    claims = extract(
        "Jonas Pell, a pricing specialist at the consultancy Arden Access who advises both "
        "insurers and manufacturers, said the gap was not unbridgeable.",
        sides=health(),
    ).claims
    assert claims[0]["side_id"] is None


def test_a_spokeswoman_for_the_insurer_still_speaks_for_it(extract):
    claims = extract(
        "Mara Holt, a spokeswoman for the insurer, said the price was too high.",
        sides=health(),
    ).claims
    assert claims[0]["side_name"] == "National Health Insurance Fund"


def parties():
    return registry(
        ("Green Party", ["Green", "Greens", "Holm campaign", "Holm's camp"]),
        ("Liberal Party", ["Liberal", "Liberals", "the Berg campaign"]),
    )


def test_a_party_member_who_stayed_neutral_speaks_for_no_party(extract):
    for described in (
        "a Green who has stayed neutral in the race",
        "a Green who has not endorsed either candidate",
        "a Green who remains strictly neutral",
    ):
        claims = extract(
            f"Former Mayor Olaf Dreyer, {described}, called it the best debate in years.",
            sides=parties(),
        ).claims
        assert claims[0]["side_id"] is None, described


def test_a_party_member_who_backs_the_candidate_keeps_the_party(extract):
    claims = extract(
        "Former Mayor Olaf Dreyer, a Green who has campaigned for Holm, said the debate was "
        "won easily.",
        sides=parties(),
    ).claims
    assert claims[0]["side_name"] == "Green Party"


def test_her_campaign_manager_stands_with_the_woman_not_the_man_quoted_last(extract):
    claims = extract(
        "Green candidate Anna Holm said she would freeze fares. Liberal candidate Erik Berg "
        "said he would cut taxes.\n\n"
        "After the debate, the Berg campaign's spokesman, Tom Lind, said Holm had dodged every "
        "question. Holm's camp hit back within the hour: her campaign manager, Lisa Moe, said "
        "the campaign had raised $40,000 since the debate began.",
        sides=parties(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Lisa Moe"
    assert claims[-1]["side_name"] == "Green Party"


def families():
    return registry(
        ("Harrow Line Railways", ["the operator", "the company"]),
        ("Harrow bereaved families", ["the bereaved families", "relatives"]),
    )


def test_whose_son_does_not_make_the_mother_male(extract):
    claims = extract(
        "Counsel for the operator, Duncan Ferris, told the inquiry that the signals had been "
        "checked.\n\nOutside court, Ruth Mallory, whose 19-year-old son Callum was on the "
        "train, said relatives had waited too long.\n\n“Every report was a chance to save "
        "my boy,” she "
        "said.",
        sides=families(),
    ).claims
    assert claims[-1]["speaker"]["name"] == "Ruth Mallory"
