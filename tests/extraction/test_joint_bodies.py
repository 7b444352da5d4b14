"""A body named for two countries speaks for neither; the state's own organs still do."""

SIDES = [{"id": "q", "name": "Quarn", "aliases": []}, {"id": "v", "name": "Vell", "aliases": []}]


def test_a_joint_friendship_body_is_no_country_side(only_claim):
    text = "A spokeswoman for the Quarnian-Vellish Trade Council said exports would double."
    claim = only_claim(text, sides=SIDES)
    assert claim["side_id"] is None and claim["side_evidence"] is None


def test_the_states_own_ministry_keeps_its_side(only_claim):
    text = "A spokeswoman for the Quarnian Foreign Ministry said exports would double."
    assert only_claim(text, sides=SIDES)["side_id"] == "q"


def test_a_joint_adjective_on_a_topic_leaves_the_official_alone(only_claim):
    text = "Quarnian-Vellish trade was booming, Quarnian Trade Minister Ada Roe said."
    assert only_claim(text, sides=SIDES)["side_id"] == "q"
