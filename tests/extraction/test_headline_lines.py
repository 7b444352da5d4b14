"""A line 'Full Name: statement' is that person's claim."""


def test_a_name_and_colon_line_is_the_persons_claim(only_claim):
    claim = only_claim("Tomas Brandt: Our shipyard will hire two hundred welders.")
    assert claim["text"] == "Our shipyard will hire two hundred welders"
    assert claim["speaker"]["name"] == "Tomas Brandt" and claim["kind"] == "indirect"


def test_a_label_and_colon_is_no_speaker(extract):
    assert extract("Fact check: The shipyard hired two hundred welders.").claims == []


def test_a_name_before_a_title_fragment_is_no_claim(extract):
    assert extract("Tomas Brandt: A Life at Sea").claims == []
