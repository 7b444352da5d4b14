"""Forms seen in public political news: full stops inside a closing quote, quotes written
with two apostrophes, and stance verbs with a noun-phrase object."""


def test_a_short_quoted_fragment_with_the_stop_inside_the_marks(extract):
    claims = extract(
        "Councillor Ines Haas accused the mayor of \u201cshameful neglect.\u201d", sides=[]
    ).claims
    assert len(claims) == 1
    assert claims[0]["kind"] == "direct" and "shameful neglect" in claims[0]["text"]
    assert claims[0]["speaker"]["name"] == "Ines Haas"


def test_a_straight_quoted_fragment_with_the_stop_inside(extract):
    claims = extract('Ines Haas said the budget was "a fantasy."', sides=[]).claims
    assert [c["kind"] for c in claims] == ["direct"]


def test_two_apostrophes_mark_a_quote(extract):
    text = "''The depot will stay open,'' said transport chief Omar Bell."
    claims = extract(text, sides=[]).claims
    assert [(c["text"], c["kind"]) for c in claims] == [("The depot will stay open", "direct")]
    assert claims[0]["speaker"]["name"] == "Omar Bell"


def test_blasted_takes_a_stance_on_its_object(extract):
    claims = extract("Ines Haas blasted the decision to sell the depot.", sides=[]).claims
    assert len(claims) == 1 and claims[0]["text"].startswith("blasted the decision")


def test_those_close_to_someone_are_a_described_source(extract):
    claims = extract("Those close to the mayor say that she will not run again.", sides=[]).claims
    assert len(claims) == 1
    assert claims[0]["speaker"]["name"] == "Those close to the mayor"
    assert claims[0]["side_id"] is None and claims[0]["side_evidence"] is None


def test_a_bare_quantifier_names_no_source(extract):
    assert extract("Some said that the mayor would not run again.", sides=[]).claims == []
