"""Apologies, hypothetical and obliged acts, documents referred back and pronoun referents."""


def texts(extract, text: str) -> list[str]:
    return [c["text"] for c in extract(text, sides=[]).claims]


def test_apologising_for_something_is_a_position(only_claim):
    claim = only_claim("The ferry operator's chief, Ines Dalby, apologised for the cancellations.")
    assert claim["text"] == "apologised for the cancellations"
    assert claim["speaker"]["name"] == "Ines Dalby" and claim["kind"] == "position"


def test_an_apology_with_a_quoted_adverb_keeps_it(extract):
    text = "Ines Dalby apologised “sincerely” for the delay but denied any cover-up."
    found = texts(extract, text)
    assert "apologised “sincerely” for the delay" in found


def test_apologising_alone_or_to_someone_states_nothing(extract):
    assert texts(extract, "The headteacher apologised.") == []
    assert texts(extract, "The striker apologised to the fans after the match.") == []


def test_a_supposed_act_in_a_condition_is_no_claim(extract):
    assert texts(extract, "What happens if the province rejects the treaty is unclear.") == []
    assert texts(extract, "If the regulator says no, the merger collapses.") == []
    assert texts(extract, "Unless the court denies the appeal, the mine reopens in May.") == []


def test_a_condition_inside_a_reported_clause_stays_in_it(only_claim):
    claim = only_claim("The guild said its members would walk out if the studio cut pay.")
    assert claim["text"] == "its members would walk out if the studio cut pay"


def test_an_obliged_act_is_narration(extract):
    assert texts(extract, "At one point the speaker had to call for order.") == []
    assert texts(extract, "Twice the mayor had to appeal for calm.") == []


def test_the_same_document_speaks_for_its_sender(extract):
    text = (
        "The Port Authority of Vellmar set out its decision in a letter to shipping agents.\n\n"
        "Berths would be allocated by tender from March, the letter said."
    )
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Port Authority of Vellmar"


def test_a_communique_referred_back_keeps_its_sender(extract):
    text = (
        "In a communiqué issued on Friday, Drevia\u2019s Ministry of Transport said the bridge "
        "was safe."
        "\n\nThe same communiqué accused the contractor of hiding test results."
    )
    speakers = {c["speaker"]["name"] for c in extract(text, sides=[]).claims}
    assert speakers == {"Drevia\u2019s Ministry of Transport"}


def test_a_document_never_introduced_is_its_own_source(extract):
    claims = extract("The report said rents had doubled since 2019.", sides=[]).claims
    assert [c["speaker"]["name"] for c in claims] == ["The report"]


def test_he_is_never_the_body_a_possessive_names(extract):
    text = (
        "Professor Anton Keel led the laboratory for a decade.\n\n"
        "The committee\u2019s report runs to 90 pages.\n\n"
        "In a statement, he said the errors were honest."
    )
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Anton Keel"


def test_a_possessor_speaker_loses_its_possessive_ending(extract):
    claims = extract("The tribunal\u2019s ruling said the dismissal was unfair.", sides=[]).claims
    assert [c["speaker"]["name"] for c in claims] == ["The tribunal"]


def test_a_subject_hung_on_an_auxiliary_is_still_the_referent(extract):
    text = (
        "Tobin, who has led the clinic since 2015, remains employed by the trust. "
        "In an interview, he said the audit was unfair."
    )
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Tobin"


def test_a_quantity_in_a_place_is_no_referent_for_she(extract):
    text = (
        "Rural rail ridership in Wales has fallen by a third since 2010.\n\n"
        "At the station, Gwen Parry, 81, was waiting with her sister. "
        "“Without the train I stay at home,” she said."
    )
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Gwen Parry"


def test_a_participle_with_its_own_subject_is_the_manner_of_speaking(extract):
    text = "\u201cI did nothing wrong,\u201d Orla Byrne said from the dock, her voice shaking."
    assert texts(extract, text) == ["I did nothing wrong"]


def test_a_that_clause_after_an_absolute_is_still_reported(only_claim):
    claim = only_claim("The mayor said, her hands trembling, that the budget was exhausted.")
    assert claim["text"] == "the budget was exhausted"


def test_a_fronted_report_continues_after_its_cue(extract):
    text = (
        "The survey had run for six weeks, she told the committee on Monday, and had "
        "reached more than 9,000 households."
    )
    found = texts(extract, text)
    assert "had reached more than 9,000 households" in found


def test_the_speakers_next_act_after_a_fronted_report_is_no_claim(extract):
    text = "The depot would close in May, the manager said, and left the room."
    assert texts(extract, text) == ["The depot would close in May"]


def test_a_named_speakers_clause_ending_in_a_colon_introduces_the_quote(only_claim):
    text = (
        "Marta Ilves, a transport planner at Tartu University, summed it up in one line: "
        "\u201cEvery city that removed its trams has regretted it.\u201d"
    )
    claim = only_claim(text, sides=[])
    assert claim["speaker"]["name"] == "Marta Ilves" and claim["kind"] == "direct"


def test_a_quote_after_a_colon_hung_on_the_verb_keeps_its_speaker(only_claim):
    text = (
        "Its president, Ruth Okafor, went further at a members\u2019 meeting on Friday: "
        "\u201cNo agreement will be signed while the depot stays closed.\u201d"
    )
    assert only_claim(text, sides=[])["speaker"]["name"] == "Ruth Okafor"


def test_a_colon_after_a_thing_or_an_unnamed_group_introduces_no_speaker(extract):
    assert texts(extract, "The rules were simple: \u201cNo phones after ten at night.\u201d") == []
    text = "Protesters held a banner: \u201cStop the cuts now or lose our votes.\u201d"
    assert texts(extract, text) == []


def test_a_cue_after_a_long_relative_subject_claims_the_predicate(only_claim):
    text = "Councils that merged their depots early, she added, had mostly kept their routes."
    assert only_claim(text, sides=[])["text"] == "had mostly kept their routes"


def test_a_short_subject_before_a_parenthetical_cue_is_unchanged(only_claim):
    assert only_claim("No one, he said, had been charged.", sides=[])["text"] == (
        "had been charged"
    )


def test_the_speaker_introducing_a_quote_is_the_next_she(extract):
    text = (
        "Lena Hart, the operator\u2019s chief executive, said the plan was final.\n\n"
        "Dr Ana Ruiz, an economist at Leeds University, put it this way: "
        "\u201cEvery port that automates early keeps its customers.\u201d Ports that moved "
        "first, she added, had rarely faced long strikes."
    )
    claims = extract(text, sides=[]).claims
    last = next(c for c in claims if c["text"] == "had rarely faced long strikes")
    assert last["speaker"]["name"] == "Ana Ruiz"


def test_an_and_coordination_of_short_predicates_stays_one_claim(extract):
    text = "The operator said it had met the union and listened."
    assert texts(extract, text) == ["it had met the union and listened"]


def test_she_is_the_one_person_a_new_paragraph_introduced(extract):
    text = (
        "A spokesman for the operator said the timetable was final.\n\n"
        "Rail use in rural Wales has fallen by a third since 2010.\n\n"
        "On the platform, Gwen Parry, 81, was waiting with her dog. "
        "\u201cWithout this train I stay at home all week,\u201d she said."
    )
    claims = extract(text, sides=[]).claims
    quote = next(c for c in claims if c["kind"] == "direct")
    assert quote["speaker"]["name"] == "Gwen Parry"


def test_that_is_how_names_the_speaker_of_the_quote_before(extract):
    text = (
        "\u201cI spoke up because the numbers could not be right.\u201d\n\n"
        "That is how Dr Ines Falk, a former auditor at the port, describes her complaint."
    )
    (claim,) = extract(text, sides=[]).claims
    assert claim["speaker"]["name"] == "Ines Falk" and claim["kind"] == "direct"


def test_that_is_how_without_a_speaking_verb_names_nobody(extract):
    text = "\u201cNobody ever asked us about the plan.\u201d\n\nThat is how the system works."
    assert extract(text, sides=[]).claims == []


def test_a_warning_from_a_source_is_its_position(only_claim):
    text = (
        "The cuts were approved despite warnings from a hearing charity that hundreds of "
        "patients could be left without a clinic."
    )
    claim = only_claim(text, sides=[])
    assert claim["text"] == "hundreds of patients could be left without a clinic"
    assert claim["speaker"]["name"] == "a hearing charity"


def test_a_warning_from_a_source_without_a_clause_is_nothing(extract):
    assert extract("The council ignored a warning from the auditors.", sides=[]).claims == []


def test_a_subordinate_clause_cut_by_a_split_quote_is_no_claim(extract):
    text = (
        "\u201cIf the council closes the library,\u201d said Ada Flint, the branch manager, "
        "\u201cthe children who study here will have nowhere to go.\u201d"
    )
    found = texts(extract, text)
    assert found == ["the children who study here will have nowhere to go."]


def test_a_quote_opening_with_a_subordinate_clause_and_its_main_clause_stays(extract):
    text = "\u201cWhen we opened the library in 2009, nobody came,\u201d said Ada Flint."
    assert texts(extract, text) == ["When we opened the library in 2009, nobody came"]


def test_ranks_and_academic_heads_are_titles(extract):
    text = (
        "Rector Ana Villalba Ruiz said the grant had been cut. "
        "Commodore Tunde Bello said the patrol had left port."
    )
    speakers = [(c["speaker"]["name"], c["speaker"]["title"]) for c in extract(text).claims]
    assert speakers == [("Ana Villalba Ruiz", "Rector"), ("Tunde Bello", "Commodore")]


def test_a_hyphenated_name_with_a_lower_case_tail_is_a_name(only_claim):
    text = "The rosters were unsafe, said union chairman Kang Tae-jun."
    claim = only_claim(text, sides=[])
    assert claim["speaker"] == {"name": "Kang Tae-jun", "title": "union chairman", "type": "person"}


def test_putting_it_to_a_witness_that_reports_a_claim(only_claim):
    text = "Prosecutor Ann Lyle put it to the defendant that he had hidden the ledger."
    claim = only_claim(text, sides=[])
    assert claim["text"] == "he had hidden the ledger"
    assert claim["speaker"]["name"] == "Ann Lyle"


def test_putting_something_to_a_vote_reports_nothing(extract):
    assert texts(extract, "The chair put it to a vote at midnight.") == []
