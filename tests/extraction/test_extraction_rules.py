"""One sentence in, one claim out: a test per attribution rule."""

import pytest


def test_quote_before_inverted_cue_with_apposition_title(only_claim):
    claim = only_claim(
        "“Our members are exhausted and the rosters are to blame,” said Tor Eriksen, "
        "president of the union."
    )
    assert claim["kind"] == "direct"
    assert claim["text"] == "Our members are exhausted and the rosters are to blame"
    assert claim["speaker"] == {
        "name": "Tor Eriksen",
        "title": "president of the union",
        "type": "person",
    }
    assert claim["cue"] == "said"
    assert claim["side_id"] == "s-union"


def test_straight_quotes_and_present_tense_cue(only_claim):
    claim = only_claim('"The schedule is simply not safe for anyone," says Ingrid Solberg.')
    assert claim["kind"] == "direct"
    assert claim["speaker"]["name"] == "Ingrid Solberg"
    assert claim["side_id"] is None


def test_colon_introduction_in_same_sentence(only_claim):
    claim = only_claim(
        "Halvard Air chief executive Henrik Dahl told reporters: “We will not cut a single route.”"
    )
    assert claim["text"] == "We will not cut a single route."
    assert claim["speaker"]["name"] == "Henrik Dahl"
    assert claim["speaker"]["title"] == "Halvard Air chief executive"
    assert claim["side_id"] == "s-air"


def test_passive_agent_with_colon_introduces_next_paragraph(only_claim):
    text = (
        "The summit was announced by Jen Psaki, White House press secretary, in a statement:"
        "\n\n“The leaders will discuss the full range of pressing issues between the two "
        "countries.”"
    )
    claim = only_claim(text)
    assert claim["kind"] == "direct"
    assert claim["speaker"]["name"] == "Jen Psaki"
    assert claim["speaker"]["title"] == "White House press secretary"
    assert claim["side_id"] == "s-us"
    assert claim["cue"] == "announced"


def test_split_quote_second_half_inherits_speaker(extract):
    claims = extract(
        "“This is not a pay dispute,” said Tor Eriksen, president of the union. "
        "“It is a safety warning that nobody at the airline wants to hear.”"
    ).claims
    assert [c["speaker"]["name"] for c in claims] == ["Tor Eriksen", "Tor Eriksen"]
    assert claims[1]["text"].startswith("It is a safety warning")
    assert claims[0]["confidence"] >= claims[1]["confidence"]


def test_floating_quote_attributed_by_following_sentence(only_claim):
    claim = only_claim(
        "“Nobody at this company will ever put a tired pilot in a cockpit.” Those words came "
        "from Ingrid Solberg, Halvard Air\u2019s head of flight operations, in a memo."
    )
    assert claim["kind"] == "direct"
    assert claim["speaker"]["name"] == "Ingrid Solberg"
    assert claim["side_id"] == "s-air"


def test_reported_speech_with_that(only_claim):
    claim = only_claim(
        "For their part, the Kremlin said that the two leaders will discuss nuclear stability."
    )
    assert claim["kind"] == "indirect"
    assert claim["text"] == "the two leaders will discuss nuclear stability"
    assert claim["speaker"]["name"] == "Kremlin"
    assert claim["side_id"] is None
    assert claim["side_name"] == "Russia"


def test_told_reporters_that(only_claim):
    claim = only_claim(
        "The airline\u2019s chief operating officer, Henrik Dahl, told reporters that the union "
        "was exaggerating the problem."
    )
    assert claim["kind"] == "indirect"
    assert claim["speaker"]["name"] == "Henrik Dahl"
    assert claim["speaker"]["title"] == "The airline\u2019s chief operating officer"
    assert claim["side_id"] == "s-air"


def test_according_to(only_claim):
    claim = only_claim("Fares will rise by 8 percent next year, according to the union.")
    assert claim["kind"] == "indirect"
    assert claim["text"] == "Fares will rise by 8 percent next year"
    assert claim["cue"] == "according to"
    assert claim["side_id"] == "s-union"


def test_parenthetical_attribution(extract):
    claims = extract(
        "Sergeant Kevin Marsh said every match was checked by an officer. "
        "No one, he said, had been arrested on the basis of a false match."
    ).claims
    assert claims[-1]["text"] == "had been arrested on the basis of a false match"
    assert claims[-1]["speaker"]["name"] == "Kevin Marsh"
    assert claims[-1]["confidence"] < claims[0]["confidence"]


def test_accusation_is_a_position(only_claim):
    claim = only_claim("The union accused the airline of ignoring hundreds of fatigue reports.")
    assert claim["kind"] == "position"
    assert "ignoring hundreds of fatigue reports" in claim["text"]
    assert claim["cue"] == "accused"
    assert claim["side_id"] == "s-union"


def test_urge_is_a_position(only_claim):
    claim = only_claim(
        "Rare Disease Coalition spokeswoman Anika Rao urged ministers to consider compulsory "
        "licensing."
    )
    assert claim["kind"] == "position"
    assert "consider compulsory licensing" in claim["text"]
    assert claim["speaker"]["name"] == "Anika Rao"
    assert claim["side_id"] == "s-coal"


def test_denial(only_claim):
    claim = only_claim("Henrik Dahl of Halvard Air denied that any pilot had been disciplined.")
    assert claim["text"] == "any pilot had been disciplined"
    assert claim["cue"] == "denied"


def test_stance_noun_complaints_of(only_claim):
    claim = only_claim(
        "Among the complaints of the White House are the allegations of election interference."
    )
    assert claim["kind"] == "position"
    assert claim["speaker"]["name"] == "White House"
    assert claim["side_id"] == "s-us"
    assert "allegations of election interference" in claim["text"]


def test_pronoun_resolves_to_previous_subject(extract):
    claims = extract(
        "Tor Eriksen, president of the union, spoke outside the terminal. "
        "He said the airline had ignored fatigue reports for months."
    ).claims
    assert claims[-1]["speaker"]["name"] == "Tor Eriksen"
    assert claims[-1]["side_id"] == "s-union"
    assert claims[-1]["speaker_span"] is not None


def test_they_resolves_to_country_and_question_is_a_position(extract):
    claims = extract(
        "Russia also has complaints about American policy. "
        "They also question US sanctions against Russian companies."
    ).claims
    assert claims[-1]["kind"] == "position"
    assert claims[-1]["text"].startswith("question US sanctions")
    assert claims[-1]["side_name"] == "Russia"


def test_bare_role_resolves_to_named_organisation(extract):
    claims = extract(
        "The Rare Disease Coalition has criticised the price of the drug. "
        "The coalition argued that the price was unrelated to development costs."
    ).claims
    assert claims[-1]["speaker"]["name"] == "Rare Disease Coalition"
    assert claims[-1]["side_id"] == "s-coal"


def test_surname_links_to_full_name_and_side(extract):
    claims = extract(
        "“We are being paid less than it costs to fly,” said Tor Eriksen, president of the "
        "union.\n\nEriksen said more than 200 fatigue reports had been filed since January."
    ).claims
    assert claims[-1]["speaker"]["name"] == "Tor Eriksen"
    assert claims[-1]["side_id"] == "s-union"


def test_registered_side_found_through_demonym(only_claim):
    sides = [{"id": "ru", "name": "Russia", "aliases": ["Kremlin"]}]
    claim = only_claim(
        "Russian Foreign Minister Sergei Lavrov said the talks were useful.", sides=sides
    )
    assert claim["speaker"] == {
        "name": "Sergei Lavrov",
        "title": "Russian Foreign Minister",
        "type": "person",
    }
    assert claim["side_id"] == "ru"


def test_unknown_affiliation_has_no_side(extract):
    claims = extract(
        "Tor Eriksen of the union said the rosters were unsafe. Dr Helen Ortiz, an economist "
        "who studies aviation, said fatigue costs airlines millions every year."
    ).claims
    assert claims[-1]["speaker"]["name"] == "Helen Ortiz"
    assert claims[-1]["side_id"] is None and claims[-1]["side_name"] is None


@pytest.mark.parametrize(
    "text",
    [
        "FILE PHOTO: Pilots walk to a plane in Oslo, Norway. © Sigrid Holm / Reuters",
        "A captain walks to the crew centre on Wednesday. (Photo: Sigrid Holm / Nordlys Images)",
        "The report is titled “Reaching for the Stars” and runs to 64 pages.",
        "In 2023 the airline introduced so-called “flex” rosters on most routes.",
        "The union\u2019s submission runs to 40 pages and includes accounts from 37 pilots.",
    ],
)
def test_not_claims(extract, text):
    assert extract(text).claims == []


def test_dateline_is_not_part_of_a_claim(only_claim):
    text = "OSLO — The airline will keep its new rosters, its chief executive said on Thursday."
    claim = only_claim(text)
    assert claim["text"] == "The airline will keep its new rosters"
    assert "OSLO" not in claim["text"]


def test_narrative_when_clause_is_not_a_claim(extract):
    text = "The talks began in April, when Biden suggested to Putin the possibility of meeting."
    assert extract(text).claims == []


def test_british_single_quotes(extract):
    claims = extract(
        "\u2018We will not back down from this fight,\u2019 said Jane Doe of the union. "
        "\u2018The farmers\u2019 anger is real and it is growing.\u2019"
    ).claims
    assert [c["text"] for c in claims] == [
        "We will not back down from this fight",
        "The farmers\u2019 anger is real and it is growing.",
    ]
    assert all(c["side_id"] == "s-union" for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Reporters asked whether the airline would cancel more flights this winter.",
        "The minister did not say the airline would receive state aid.",
        "He declined to say when the new rosters would take effect.",
    ],
)
def test_questions_and_negated_cues_are_not_claims(extract, text):
    assert extract(text).claims == []


def test_study_speaks_through_its_authors(only_claim):
    claim = only_claim(
        "A study published last year by researchers at the University of Nairobi found that "
        "emergency transfers took three hours."
    )
    assert claim["speaker"]["name"] == "researchers at the University of Nairobi"
    assert claim["side_name"] is None  # a capital after "of" is a place, not an affiliation


def test_expletive_it_attributes_nothing(extract):
    assert extract("It was reported that the minister had resigned on Friday.").claims == []


def test_reported_speech_inside_a_background_clause_still_counts(only_claim):
    claim = only_claim(
        "Shares fell 5 percent after Halvard Air warned that profits would miss forecasts."
    )
    assert claim["text"] == "profits would miss forecasts"
    assert claim["side_id"] == "s-air"


def test_quote_owned_by_the_next_paragraph(extract):
    claims = extract(
        "\u201cThis is a dark day for every pilot in this country.\u201d\n\n"
        "That was the verdict of Tor Eriksen, president of the union, on Tuesday."
    ).claims
    assert len(claims) == 1
    assert claims[0]["speaker"]["name"] == "Tor Eriksen"
    assert claims[0]["side_id"] == "s-union"


def test_forecast_is_not_a_stance(extract):
    text = "Mark Feldman, who is expected to challenge the mayor next year, declined to comment."
    assert extract(text).claims == []


def test_honorific_and_surname_link_to_full_name(extract):
    claims = extract(
        "\u201cWe will fight this,\u201d said Helen Marsh, a lawyer for the union.\n\n"
        "\u201cTen months is not justice for anyone,\u201d Ms. Marsh said."
    ).claims
    assert [c["speaker"]["name"] for c in claims] == ["Helen Marsh", "Helen Marsh"]
    assert claims[1]["side_id"] == "s-union"


def test_possessive_title_takes_the_side_of_the_organisation(extract):
    claims = extract(
        "The Nordic Cockpit Union has not taken a formal position. But its president, "
        "Greg Hollis, warned that class sizes could exceed thirty pupils."
    ).claims
    assert claims[-1]["speaker"]["name"] == "Greg Hollis"
    assert claims[-1]["side_id"] == "s-union"


def test_that_clause_hung_on_the_object(extract):
    claims = extract(
        "Its president, Carla Benitez, told a local radio station that fuel reserves were at "
        "38 percent and that hospitals had to come first."
    ).claims
    assert [c["text"] for c in claims] == [
        "fuel reserves were at 38 percent",
        "hospitals had to come first",
    ]


def test_that_clause_after_a_prepositional_phrase(only_claim):
    claim = only_claim(
        "The union said in a letter to the authority that small airlines would be hit hardest."
    )
    assert claim["text"] == "small airlines would be hit hardest"
    assert claim["side_id"] == "s-union"


def test_possessive_speech_noun_with_colon(extract):
    claims = extract(
        "Tor Eriksen of the union did not mince words. His message to the airline was blunt: "
        "\u201cIf the rosters do not change, our members will stop flying.\u201d"
    ).claims
    assert claims[-1]["kind"] == "direct"
    assert claims[-1]["speaker"]["name"] == "Tor Eriksen"


def test_dateline_with_country_and_agency(only_claim):
    claim = only_claim(
        "KADUNA, Nigeria (Wire) \u2014 Fuel prices will double by March, the union said on Monday."
    )
    assert claim["text"] == "Fuel prices will double by March"


@pytest.mark.parametrize(
    ("text", "claim_text"),
    [
        (
            "The union said the airline had ignored fatigue reports, escalating a months-long "
            "row over working hours.",
            "the airline had ignored fatigue reports",
        ),
        (
            "The minister said the talks had failed, a setback for a government that had "
            "promised a deal by Christmas.",
            "the talks had failed",
        ),
    ],
)
def test_narration_appended_after_a_comma_is_cut(extract, text, claim_text):
    assert [c["text"] for c in extract(text).claims] == [claim_text]


def test_passive_accused_is_not_the_subjects_stance(extract):
    text = "The former chief executive went on trial on Monday accused of approving bad loans."
    assert extract(text).claims == []


def test_bare_role_with_a_modifier_needs_a_matching_name(extract):
    claims = extract(
        "Halvard Air said it would appeal. The national regulator said it would review the "
        "ruling while the case was before the court."
    ).claims
    assert claims[-1]["speaker"]["name"] == "The national regulator"
    assert claims[-1]["side_id"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez, a critic of the airline, said the rosters were unsafe.",
        "Maria Lopez, who sued the airline last year, said the rosters were unsafe.",
        "Anna Petrova, a Russian opposition activist, said the sanctions had failed.",
        "Tom Reid, an economist at the London School of Economics, said growth would slow.",
    ],
)
def test_no_side_from_opponents_nationality_or_places(extract, text):
    claim = extract(text).claims[-1]
    assert claim["side_id"] is None and claim["side_name"] is None


def test_relative_clause_of_membership_gives_the_side(only_claim):
    claim = only_claim(
        "Maria Lopez, who chairs the union's safety board, said rosters were unsafe."
    )
    assert claim["side_id"] == "s-union"


@pytest.mark.parametrize(
    "text",
    [
        "Tenants in the estate have protested for months.",
        "The appeals panel will consider the application in March.",
        "The minister rejected that account.",
    ],
)
def test_stance_verbs_without_content_are_not_claims(extract, text):
    assert extract(text).claims == []


def test_stance_with_a_contentful_object_is_still_a_claim(only_claim):
    claim = only_claim("The airline rejected the union's fatigue figures.")
    assert claim["kind"] == "position"
    assert claim["side_id"] == "s-air"


def test_quote_credited_by_the_next_sentence_speaking_at_an_event(extract):
    sides = [{"id": "s-dev", "name": "Corran Homes", "aliases": ["the developer"]}]
    claims = extract(
        "“We will build these homes whether the planners like it or not, because the city "
        "needs them.” The developer's chief executive was speaking at a housing conference.",
        sides=sides,
    ).claims
    assert len(claims) == 1
    assert claims[0]["speaker"]["title"] == "The developer's chief executive"
    assert claims[0]["side_id"] == "s-dev"


def test_quote_credited_by_next_paragraph_speaking_at_an_event(extract):
    claims = extract(
        "“Nobody in this industry has been asked what a realistic timetable looks like.”"
        "\n\nAnita Berg, a Halvard pilot, was speaking to a transport committee in Oslo."
    ).claims
    assert [c["speaker"]["name"] for c in claims] == ["Anita Berg"]


def test_court_decision_told_as_narration_is_not_a_claim(extract):
    assert (
        extract("A state judge refused to dismiss a lawsuit brought by the tenants.").claims == []
    )
