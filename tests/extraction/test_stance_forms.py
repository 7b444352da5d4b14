"""Stance verbs with a noun-phrase object and stance nouns that own a that-clause."""


def test_railed_against_takes_its_object(only_claim):
    text = "Councillor Petra Voss railed against the scheme to sell the marina."
    claim = only_claim(text, sides=[])
    assert claim["text"] == "railed against the scheme to sell the marina"
    assert claim["kind"] == "position" and claim["speaker"]["name"] == "Petra Voss"


def test_appealing_against_a_fine_is_no_stance(extract):
    assert extract("The haulier is appealing against two fines.", sides=[]).claims == []


def test_painted_as_is_a_stance_but_painting_is_not(extract):
    claim = extract("Petra Voss painted the landlords as absentee speculators.", sides=[]).claims
    assert [c["text"] for c in claim] == ["painted the landlords as absentee speculators"]
    assert extract("Petra Voss painted the boathouse in June.", sides=[]).claims == []


def test_a_named_possessor_owns_the_claim_clause(only_claim):
    claim = only_claim("Voss's assertion that the marina lost money angered the harbour board.")
    assert claim["text"] == "the marina lost money" and claim["speaker"]["name"] == "Voss"


def test_rejecting_an_accusation_does_not_make_it_the_rejecters_claim(only_claim):
    claim = only_claim("Petra Voss dismissed the allegation that the board had lied.", sides=[])
    assert claim["text"] == "dismissed the allegation that the board had lied"
    assert claim["kind"] == "position"


def test_repeating_ones_own_claim_keeps_the_subject(only_claim):
    claim = only_claim("Petra Voss repeated her contention that the sale was rushed.", sides=[])
    assert claim["text"] == "the sale was rushed" and claim["speaker"]["name"] == "Petra Voss"
