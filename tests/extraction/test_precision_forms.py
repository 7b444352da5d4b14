"""Not claims: an open question hung on a determiner, and a court case as the 'speaker'."""


def test_told_which_items_to_pick_is_an_instruction_not_a_claim(extract):
    text = "Nadia Rahm said the foreman told her which crates to unload first."
    texts = [c["text"] for c in extract(text, sides=[]).claims]
    assert not any(t.startswith("which") for t in texts)


def test_a_case_seeking_damages_is_no_speaker(extract):
    text = "The case, brought by the port authority in May, seeks damages of two million euros."
    assert extract(text, sides=[]).claims == []


def test_a_groups_lawsuit_still_accuses(only_claim):
    text = "The tenants' group sued in May. Its lawsuit accuses the landlord of ignoring mould."
    claim = only_claim(text, sides=[])
    assert claim["text"].startswith("accuses the landlord")


def test_declining_to_comment_states_nothing(extract):
    text = "The rowing club said it would not comment on the coach's dismissal."
    assert extract(text, sides=[]).claims == []


def test_promising_to_comment_later_is_still_reported(extract):
    text = "The rowing club said it would comment on the coach's dismissal on Friday."
    assert len(extract(text, sides=[]).claims) == 1
