"""Questions put to speakers, poll findings, aims told as narration, hyphenated place prefixes."""


def texts(extract, text: str) -> list[str]:
    return [c["text"] for c in extract(text, sides=[]).claims]


def test_a_quote_that_is_only_a_question_is_no_claim(extract):
    text = "“Would you raise the pension age again?” asked the host, Marta Lind."
    assert texts(extract, text) == []
    text = "“How many nurses will the plan hire?” the interviewer, Joel Brand, asked."
    assert texts(extract, text) == []


def test_a_question_inside_a_longer_quote_stays(extract):
    text = "“If the dam fails, who pays for the clean-up? Not the operator,” Nadia Perl said."
    assert texts(extract, text) == ["If the dam fails, who pays for the clean-up? Not the operator"]


def test_pressing_someone_on_a_topic_is_a_question(extract):
    assert texts(extract, "The host, Omar Quist, pressed the two mayors on housing.") == []
    assert texts(extract, "Senator Ray Cole pushed the minister on the rail delays.") == []


def test_pressing_for_something_or_to_act_stays_a_stance(extract):
    assert texts(extract, "The nurses' union pressed for a pay rise.") == ["pressed for a pay rise"]
    found = texts(extract, "Residents pressed the council on Tuesday to close the depot.")
    assert found == ["pressed the council on Tuesday to close the depot"]
    found = texts(extract, "The growers called on the board to lift the quota.")
    assert found == ["called on the board to lift the quota"]


def test_a_poll_finding_is_nobodys_claim(extract):
    text = "An overnight poll of 900 voters found that 52 percent backed the tunnel."
    assert texts(extract, text) == []
    text = "A survey of 2,000 renters for the magazine showed most thought rents were too high."
    assert texts(extract, text) == []


def test_a_survey_by_a_named_body_and_a_poll_reported_by_a_speaker_stay(extract):
    text = "A survey by the Kelso Institute found that most farms could not afford the levy."
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Kelso Institute"
    text = "The guild said a poll of its members showed 80 percent in favour of a strike."
    assert texts(extract, text) == ["a poll of its members showed 80 percent in favour of a strike"]


def test_an_aim_pursued_in_the_present_is_narration(extract):
    assert texts(extract, "The dockers' union is seeking an 8 percent rise this year.") == []
    assert (
        texts(extract, "The class action, filed in Leeds, seeks compensation for 400 drivers.")
        == []
    )


def test_an_announced_or_past_pursuit_stays_a_stance(extract):
    assert texts(extract, "The residents' group will seek a judicial review of the permit.") == [
        "seek a judicial review of the permit"
    ]
    found = texts(extract, "The port authority said it is seeking new investors.")
    assert found == ["it is seeking new investors"]


def test_a_hyphenated_place_prefix_is_not_part_of_the_name(extract):
    text = "The Lisbon-based Coastal Futures Trust said the permit broke EU law."
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Coastal Futures Trust"
    text = "Tomasz Adamczyk-Nowak said the permit broke EU law."
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Tomasz Adamczyk-Nowak"


def test_a_statement_issued_speaks_for_its_issuer(extract):
    text = "The mill's owners issued a statement saying the fire had started in a storeroom."
    (claim,) = extract(text, sides=[]).claims
    assert claim["text"] == "the fire had started in a storeroom"
    assert claim["speaker"]["name"] == "The mill's owners"
    text = "The ministry released a response arguing that the audit was flawed."
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "The ministry"


def test_a_statement_someone_only_saw_is_not_theirs(extract):
    text = "Inspectors found a notice saying the lift had been serviced."
    assert all(c["speaker"]["name"] != "Inspectors" for c in extract(text, sides=[]).claims)


def test_a_statement_read_out_introduces_the_quote_that_follows(extract):
    text = (
        "On the courthouse steps, the driver's sister, Mira Obi, read a brief statement "
        "to reporters.\n\n"
        "\u201cHe was a careful driver and he deserved a proper investigation.\u201d"
    )
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Mira Obi" and claim["kind"] == "direct"


def test_a_visit_introduces_no_quote(extract):
    text = (
        "The mayor toured the flooded estate on Monday.\n\n"
        "\u201cWe will rebuild every home that was lost, and we will do it by winter.\u201d"
    )
    assert extract(text, sides=[]).claims == []


def test_a_possessor_after_a_fronted_setting_is_not_the_name(extract):
    text = "Within hours, Halden's campaign said the tax plan was fully costed."
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] != "Halden"
    assert "Halden's campaign" in (claim["speaker"]["name"] or claim["speaker"]["title"])
