"""Names written with honorifics, hyphens and party labels, and affiliations shown by the
setting a speaker acts in: on behalf of a group, for an organisation in focus, for a
government just named."""

from tests.extraction.registries import registry

COUNCIL = ("Ardley Borough Council", ("the council", "the cabinet"))


def test_a_councillor_abbreviation_is_a_title_and_the_surname_refers_back(extract):
    text = (
        "Cllr Anita Rowe, the cabinet member for transport, told the meeting the bridge was "
        "unsafe. The repairs would take a year, Cllr Rowe added."
    )
    claims = extract(text, sides=registry(COUNCIL)).claims
    assert [c["speaker"]["name"] for c in claims] == ["Anita Rowe", "Anita Rowe"]
    assert claims[0]["speaker"]["title"] == "the cabinet member for transport"
    assert [c["side_name"] for c in claims] == ["Ardley Borough Council"] * 2


def test_a_party_and_ward_in_brackets_are_not_the_speaker_or_a_title(extract):
    text = (
        "Cllr Anita Rowe (Con, Millfield) told the meeting the bridge was unsafe. "
        "Opposition leader Cllr Tom Birch (Lib Dem, Eastfield North) accused the cabinet of "
        "rushing the vote."
    )
    sides = registry(COUNCIL, ("Ardley Liberal Democrats", ("opposition",)))
    claims = extract(text, sides=sides).claims
    speakers = [c["speaker"] for c in claims]
    assert [s["name"] for s in speakers] == ["Anita Rowe", "Tom Birch"]
    assert [s["title"] for s in speakers] == ["Cllr", "Opposition leader Cllr"]
    assert claims[1]["side_name"] == "Ardley Liberal Democrats"


def test_a_hyphenated_surname_is_kept_whole_and_refers_back(extract):
    text = (
        "Deputy Trade Minister Ama Osei-Bonsu told reporters the tariffs were unfair. "
        "Osei-Bonsu said talks would resume in March. Ms Kowalczyk-Brown said the plan was "
        "reckless."
    )
    claims = extract(text, sides=[]).claims
    names = [c["speaker"]["name"] for c in claims]
    assert names == ["Ama Osei-Bonsu", "Ama Osei-Bonsu", "Kowalczyk-Brown"]


def test_a_demonym_suffixes_cannot_derive_comes_from_the_country_table(extract):
    text = (
        "A Togolese naval officer said the trawler had ignored orders to stop. "
        "A Sierra Leonean minister said the catch had been landed legally."
    )
    sides = registry(("Togo", ("Lomé",)), ("Sierra Leone", ()))
    claims = extract(text, sides=sides).claims
    assert [c["side_name"] for c in claims] == ["Togo", "Sierra Leone"]
    assert [c["side_evidence"]["text"] for c in claims] == ["Togolese", "Sierra Leonean"]


def test_a_national_who_holds_no_office_has_no_side(extract):
    text = "A Togolese fisherman said the nets had been legal for years."
    claims = extract(text, sides=registry(("Togo", ()))).claims
    assert [c["side_name"] for c in claims] == [None]


LEAGUE = ("Kenya Running League", ("the league",))
SPORTS = ("Ministry of Sports", ("Kenya\u2019s sports ministry", "the ministry"))


def test_a_bare_officer_speaks_for_the_body_whose_officer_was_just_quoted(extract):
    text = (
        "Daniel Ruto, the league's president, told reporters the rules would be published. "
        "Secretary general Rose Wambui denied that agents had influence."
    )
    claims = extract(text, sides=registry(LEAGUE, SPORTS)).claims
    assert [c["side_name"] for c in claims] == ["Kenya Running League"] * 2
    assert claims[1]["side_evidence"]["via"] == "office"


def test_a_bare_officer_after_a_member_who_is_no_officer_has_no_side(extract):
    text = (
        "Daniel Ruto, who runs for the league, told reporters the rules were unfair. "
        "Secretary general Rose Wambui denied that agents had influence."
    )
    claims = extract(text, sides=registry(LEAGUE, SPORTS)).claims
    assert claims[-1]["side_name"] is None


def test_a_bare_office_of_the_ministry_its_sentence_names(extract):
    text = (
        "Kenya\u2019s sports ministry has asked the league for a copy of the rules, Principal "
        "Secretary Mercy Adhiambo said on Friday."
    )
    claims = extract(text, sides=registry(LEAGUE, SPORTS)).claims
    assert [c["side_name"] for c in claims] == ["Ministry of Sports"]
    assert claims[0]["side_evidence"]["text"] == "Kenya\u2019s sports ministry"


def test_a_government_spokesman_speaks_for_the_state_just_named_by_its_capital(extract):
    text = (
        "Lom\u00e9 rejected that account. Government spokesman Edem Kodjovi said the boats "
        "had been intercepted well inside its waters."
    )
    sides = registry(("Togo", ("Lom\u00e9",)), ("Ghana", ("Accra",)))
    claims = extract(text, sides=sides).claims
    assert [c["side_name"] for c in claims] == ["Togo"]
    assert claims[0]["side_evidence"]["text"] == "Lom\u00e9"


def test_a_government_spokesman_after_a_company_has_no_side(extract):
    text = (
        "Harbourline rejected that account. Government spokesman Edem Kodjovi said the boats "
        "had been intercepted well inside its waters."
    )
    sides = registry(("Harbourline Terminals", ("Harbourline",)), ("Ghana", ("Accra",)))
    claims = extract(text, sides=sides).claims
    assert [c["side_name"] for c in claims] == [None]


def test_a_place_and_topic_office_speaks_for_the_body_named_by_both(extract):
    text = "Dr. Tomas Verhoek, the Ardley County health officer, said the water was unsafe."
    sides = registry(
        ("Ardley County Health Department", ("the health department",)),
        ("Ardley Water Authority", ("the authority",)),
    )
    claims = extract(text, sides=sides).claims
    assert [c["speaker"]["name"] for c in claims] == ["Tomas Verhoek"]
    assert [c["side_name"] for c in claims] == ["Ardley County Health Department"]


def test_a_place_and_topic_office_of_another_place_has_no_side(extract):
    text = "Dr. Tomas Verhoek, the Bexley County health officer, said the water was unsafe."
    sides = registry(("Ardley County Health Department", ("the health department",)))
    claims = extract(text, sides=sides).claims
    assert [c["side_name"] for c in claims] == [None]


GROUP = ("Marlow Tenants", ("Marlow tenants\u2019 group", "the group"))
UNION = ("Dock Union", ("the union",))


def test_speaking_on_behalf_of_a_group_speaks_for_it_and_the_surname_after(extract):
    text = (
        "Joan Pike told the committee, speaking on behalf of the Marlow tenants' group, that "
        "rents were rising. Mrs Pike said later that the group would appeal."
    )
    claims = extract(text, sides=registry(GROUP, UNION)).claims
    assert [c["side_name"] for c in claims] == ["Marlow Tenants"] * 2
    assert claims[0]["side_evidence"]["text"] == "Marlow tenants' group"


def test_speaking_for_a_time_is_no_affiliation(extract):
    text = "Ann Lowe, speaking for the first time, said the plan was bad."
    claims = extract(text, sides=registry(GROUP, UNION)).claims
    assert [c["side_name"] for c in claims] == [None]


def test_appearing_at_a_bodys_press_conference_introduces_its_speaker(extract):
    text = (
        "Ravi Mehta appeared alongside the chair at the union\u2019s press conference. "
        "\u201cNobody called me,\u201d he said."
    )
    claims = extract(text, sides=registry(GROUP, UNION)).claims
    assert [(c["speaker"]["name"], c["side_name"]) for c in claims] == [
        ("Ravi Mehta", "Dock Union")
    ]


def test_a_ministry_named_by_title_words_is_an_organisation(extract):
    text = "Norland\u2019s Ministry of Foreign Affairs said the crew had been fishing lawfully."
    claims = extract(text, sides=registry(("Norland", ()))).claims
    speaker = claims[0]["speaker"]
    assert speaker["name"].endswith("Ministry of Foreign Affairs"), speaker
    assert (speaker["title"], speaker["type"]) == (None, "organization")


def test_an_office_bridges_to_the_body_over_the_first_sentence_of_a_quote(extract):
    text = (
        "Norland\u2019s foreign ministry said the crew had been fishing lawfully.\n\n"
        "\u201cThey are poor men in small boats. They should be home tonight,\u201d Deputy "
        "Foreign Minister Ama Osei-Bonsu told a news conference."
    )
    sides = registry(("Norland", ("Norland\u2019s foreign ministry",)), ("Vestria", ()))
    claims = extract(text, sides=sides).claims
    assert claims[-1]["speaker"]["name"] == "Ama Osei-Bonsu"
    assert claims[-1]["side_name"] == "Norland"


def test_an_office_does_not_bridge_over_a_narrative_sentence(extract):
    text = (
        "Norland\u2019s foreign ministry said the crew had been fishing lawfully. Relatives "
        "waited at the harbour. Deputy Foreign Minister Ama Osei-Bonsu told a news conference "
        "the men were innocent."
    )
    sides = registry(("Norland", ("Norland\u2019s foreign ministry",)), ("Vestria", ()))
    claims = extract(text, sides=sides).claims
    assert claims[-1]["side_name"] is None


def test_reminded_reports_its_clause(extract):
    text = "Its managing director, Paul Rees, reminded councillors that the plans had been cut."
    claims = extract(text, sides=[]).claims
    assert [(c["text"], c["speaker"]["name"]) for c in claims] == [
        ("the plans had been cut", "Paul Rees")
    ]


def test_a_stance_in_a_when_clause_the_parser_reads_as_an_adverb_is_narration(extract):
    text = (
        "Ines Lamb, 70, heard about the survey when a student rang her bell in May and asked "
        "for a water sample. \u201cI drank that water for forty years,\u201d she says."
    )
    claims = extract(text, sides=[]).claims
    assert [c["speaker"]["name"] for c in claims] == ["Ines Lamb"]
    assert claims[0]["text"].startswith("I drank that water")


def test_an_acronym_in_brackets_is_not_part_of_the_organisations_name(extract):
    text = "The Association of Independent Canal Operators (AICO) said the fee was too high."
    sides = registry(("Association of Independent Canal Operators", ("AICO",)))
    claims = extract(text, sides=sides).claims
    assert [c["speaker"]["name"] for c in claims] == ["Association of Independent Canal Operators"]


def test_a_stance_verb_saying_what_a_noun_is_for_is_no_stance(extract):
    text = (
        "The ruling would fall after the deadline for operators to request paths for the "
        "new timetable. Dockers voted to reject the offer."
    )
    claims = extract(text, sides=[]).claims
    assert [c["speaker"]["name"] for c in claims] == ["Dockers"]


def test_a_ministry_every_state_has_keeps_its_state_in_the_name(extract):
    text = (
        "Peru\u2019s Foreign Ministry said the border was calm. Chile\u2019s Ministry of "
        "Foreign Affairs said troops had crossed it."
    )
    claims = extract(text, sides=registry(("Peru", ()), ("Chile", ()))).claims
    assert [c["speaker"]["name"] for c in claims] == [
        "Peru\u2019s Foreign Ministry",
        "Chile\u2019s Ministry of Foreign Affairs",
    ]
    assert [c["side_name"] for c in claims] == ["Peru", "Chile"]


def test_a_gerund_fronted_before_a_parenthetical_cue_is_no_stance_of_its_own(extract):
    text = (
        "Rejecting the deal, she warned, would be a mistake. Denying the charges, the mayor "
        "said he had done nothing wrong."
    )
    claims = extract(text, sides=[]).claims
    assert [c["text"] for c in claims] == [
        "would be a mistake",
        "Denying the charges",
        "he had done nothing wrong",
    ]


DOCK = ("Dock Union", ("the union",))
TERMINALS = ("Harbourline Terminals", ("Harbourline", "the company"))


def test_a_bare_officer_in_a_new_paragraph_has_no_body_in_focus(extract):
    text = (
        "Ana Ruiz, the union's president, said pay had fallen for six years.\n\n"
        "Chief executive Tom Hale said the offer was generous."
    )
    claims = extract(text, sides=registry(DOCK, TERMINALS)).claims
    assert [c["side_name"] for c in claims] == ["Dock Union", None]


def test_a_bare_officer_after_a_sentence_naming_two_bodies_has_none_in_focus(extract):
    text = (
        "Ana Ruiz, the union's president, said the company had refused to negotiate. "
        "Chief executive Tom Hale said the offer was generous."
    )
    claims = extract(text, sides=registry(DOCK, TERMINALS)).claims
    assert [c["side_name"] for c in claims] == ["Dock Union", None]


def test_a_government_spokesman_after_two_states_has_no_side(extract):
    text = (
        "Lom\u00e9 and Accra traded accusations on Monday. Government spokesman Edem Kodjovi "
        "said the boats had been intercepted well inside its waters."
    )
    sides = registry(("Togo", ("Lom\u00e9",)), ("Ghana", ("Accra",)))
    claims = extract(text, sides=sides).claims
    assert [c["side_name"] for c in claims] == [None]


def test_a_bare_office_on_the_receiving_end_of_a_ministrys_act_has_no_side(extract):
    text = (
        "Kenya\u2019s sports ministry has ignored our letters for a year, General Secretary "
        "Joseph Kamau said on Friday."
    )
    claims = extract(text, sides=registry(LEAGUE, SPORTS)).claims
    assert [c["side_name"] for c in claims] == [None]


def test_a_bare_office_after_a_clause_about_another_body_has_no_side(extract):
    text = (
        "The league has written to Kenya\u2019s sports ministry about the rules, Principal "
        "Secretary Mercy Adhiambo said on Friday."
    )
    claims = extract(text, sides=registry(LEAGUE, SPORTS)).claims
    assert [c["side_name"] for c in claims] == [None]


def test_describing_is_a_stance_only_as_something(extract):
    text = (
        "Mayor Ruth Bell described the plan as reckless. Tom Reyes, a ferry pilot, described "
        "the storm last winter in vivid detail."
    )
    claims = extract(text, sides=[]).claims
    assert [c["text"] for c in claims] == ["described the plan as reckless"]
