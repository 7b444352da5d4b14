"""Affiliation by general kind: derived forms of registered names, offices named by
topic, and the longer names, past roles and oversight that must not give a side."""

import pytest

from tests.extraction.registries import registry


def side(claims, speaker):
    found = [c for c in claims if speaker in (c["speaker"]["name"] or c["speaker"]["title"] or "")]
    assert found, claims
    return found[-1]["side_name"], found[-1]["side_evidence"]


@pytest.mark.parametrize(
    "text, polity, speaker",
    [
        ("The Veloran prime minister said the dam would be finished.", "Velora", "Veloran"),
        ("A Tarvishi defence minister said the drills were routine.", "Tarvish", "Tarvishi"),
        ("The Lanquese ambassador said the embassy would reopen.", "Lanqua", "Lanquese"),
    ],
)
def test_demonym_of_a_registered_polity_names_its_officials(extract, text, polity, speaker):
    claims = extract(text, sides=registry((polity, ()), ("Ostmark", ()))).claims
    name, evidence = side(claims, speaker)
    assert name == polity
    assert evidence["text"] == speaker and text[evidence["span"]["start"] :].startswith(speaker)


def test_demonym_of_a_polity_does_not_make_a_national_an_official(extract):
    claims = extract(
        "A Veloran farmer said the dam had dried his fields.", sides=registry(("Velora", ()))
    ).claims
    assert side(claims, "farmer")[0] is None


def test_singular_and_agent_nouns_of_an_alias(extract):
    sides = registry(("Prosecution", ("prosecutors",)), ("Defence", ("defence lawyers",)))
    claims = extract("A prosecutor said the ledger had been forged.", sides=sides).claims
    assert side(claims, "prosecutor")[0] == "Prosecution"


def test_plural_of_an_alias(extract):
    sides = registry(("Care Workers", ("care home union",)), ("Owners", ()))
    claims = extract("The care home unions said the pay award was too low.", sides=sides).claims
    assert side(claims, "unions")[0] == "Care Workers"


@pytest.mark.parametrize(
    "text, department, speaker",
    [
        (
            "Education Minister Cara Quinn said class sizes would fall.",
            "Department of Education",
            "Cara Quinn",
        ),
        (
            "Energy Secretary Tom Ashe said bills would fall.",
            "Department for Energy, Climate and Net Zero",
            "Tom Ashe",
        ),
        (
            "Secretary of Transport Ravi Mehta said the line would open.",
            "Transport Department",
            "Ravi Mehta",
        ),
    ],
)
def test_office_named_by_the_topic_of_its_department(extract, text, department, speaker):
    claims = extract(text, sides=registry((department, ()), ("Opposition", ()))).claims
    name, evidence = side(claims, speaker)
    assert name == department and evidence["via"] == "office"


def test_a_modified_ministry_does_not_name_another_countrys_minister(extract):
    sides = registry(("Ireland", ("Irish agriculture ministry",)), ("Iceland", ("Reykjavik",)))
    claims = extract(
        "Iceland's agriculture minister, Sigrun Olafsdottir, said the quota was fair.", sides=sides
    ).claims
    assert side(claims, "Sigrun")[0] == "Iceland"


def test_an_alias_inside_another_bodys_name_is_that_body(extract):
    sides = registry(("Northgate Borough Council", ("the council",)))
    claims = extract(
        "A spokesman for Southby Parish Council said the bridge was unsafe.", sides=sides
    ).claims
    assert side(claims, "spokesman")[0] is None


def test_a_name_continued_into_an_organisation_is_another_body(extract):
    sides = registry(("Harlow Athletic", ("Harlow",)))
    claims = extract(
        "The Harlow Fans' Association said ticket prices were too high.", sides=sides
    ).claims
    assert side(claims, "Association")[0] is None


def test_deputy_title_before_an_alias_is_not_another_name(extract):
    sides = registry(("Office of the Ombudsman", ("the ombudsman",)))
    claims = extract("Deputy Ombudsman Lara Finch said complaints had doubled.", sides=sides).claims
    assert side(claims, "Lara Finch")[0] == "Office of the Ombudsman"


@pytest.mark.parametrize(
    "text",
    [
        "A former engineer at Brightline Rail said the signals were faulty.",
        "Brightline Rail's former safety director said the signals were faulty.",
    ],
)
def test_a_past_role_does_not_speak_for_the_body(extract, text):
    claims = extract(text, sides=registry(("Brightline Rail", ("Brightline",)))).claims
    assert [c["side_name"] for c in claims] == [None]


def test_a_past_role_beside_a_current_one_keeps_the_current(extract):
    sides = registry(("Green Harbour", ("the Green Harbour slate",)))
    claims = extract(
        "Ines Varga, the Green Harbour candidate and a former ferry pilot, said the port was "
        "overcrowded.",
        sides=sides,
    ).claims
    assert side(claims, "Ines Varga")[0] == "Green Harbour"


def test_a_body_overseeing_a_company_is_not_the_company(extract):
    claims = extract(
        "The watchdog investigating Brightline Rail said the fines would stand.",
        sides=registry(("Brightline Rail", ("Brightline",))),
    ).claims
    assert [c["side_name"] for c in claims] == [None]


def test_head_of_an_institution_type_speaks_for_the_one_registered(extract):
    sides = registry(
        ("Carrow Unified School District", ("the district",)),
        ("Save Carrow Schools", ("the parents' group",)),
    )
    claims = extract("Superintendent Joan Pike said two schools would merge.", sides=sides).claims
    name, evidence = side(claims, "Joan Pike")
    assert name == "Carrow Unified School District" and evidence["via"] == "office"


def test_bare_institution_in_a_title_speaks_for_the_one_registered(extract):
    sides = registry(("People's Renewal Party", ("the governing party",)), ("Opposition Bloc", ()))
    claims = extract("Party spokesman Ivo Marek said the vote had been fair.", sides=sides).claims
    assert side(claims, "Ivo Marek")[0] == "People's Renewal Party"


def test_institution_office_with_two_candidates_gives_no_side(extract):
    sides = registry(("Northern Police", ("police",)), ("Southern Police", ()))
    claims = extract("Chief Constable Ruth Dale said patrols would rise.", sides=sides).claims
    assert side(claims, "Ruth Dale")[0] is None


def test_a_title_naming_another_body_is_not_the_registered_one(extract):
    sides = registry(("Westmoor District Council", ("the council",)))
    claims = extract(
        "A spokesman for Eastmoor Parish Council said the bridge would close.", sides=sides
    ).claims
    assert side(claims, "spokesman")[0] is None


def test_an_introduction_without_a_claim_counts_later(extract):
    sides = registry(("Coastal Ferry Workers", ("the union",)), ("Isle Ferries", ()))
    claims = extract(
        "Dara Flynn is the general secretary of the union. Isle Ferries cut two sailings.\n\n"
        "Flynn said the cuts were reckless.",
        sides=sides,
    ).claims
    name, evidence = side(claims, "Flynn")
    assert name == "Coastal Ferry Workers" and evidence["via"] == "coreference"


def test_a_body_chaired_by_a_person_gives_them_its_side(extract):
    sides = registry(("Keep Hartfield Library", ("the campaign",)), ("Hartfield Council", ()))
    claims = extract(
        "The Keep Hartfield Library campaign is led by Omar Said, a retired teacher. "
        "Said told the meeting that the library was the town's heart.",
        sides=sides,
    ).claims
    assert side(claims, "Said")[0] == "Keep Hartfield Library"


def test_the_defendant_and_their_lawyer_are_the_defence(extract):
    sides = registry(("Defence", ("the defence",)), ("Prosecution", ("the Crown",)))
    claims = extract(
        "Leon Vasquez, the defendant, denies arson. Vasquez's solicitor, Amy Roe, said the "
        "fire had been an accident. A prosecutor said the fire had been set deliberately.",
        sides=sides,
    ).claims
    assert side(claims, "Amy Roe")[0] == "Defence"
    assert side(claims, "prosecutor")[0] == "Prosecution"


def test_the_one_on_trial_is_the_defence(extract):
    sides = registry(("Defence", ()), ("Prosecution", ()))
    claims = extract(
        "The trial of Petra Lind began in Leeds. Lind's barrister said the case was weak.",
        sides=sides,
    ).claims
    assert side(claims, "barrister")[0] == "Defence"


def test_an_officer_speaks_for_the_body_named_where_they_speak(extract):
    sides = registry(("Western Cycling Federation", ("the federation",)), ("Riders' Union", ()))
    claims = extract(
        "At the federation's headquarters in Bath, chief executive Lena Holt said the race "
        "would go ahead.",
        sides=sides,
    ).claims
    name, evidence = side(claims, "Lena Holt")
    assert name == "Western Cycling Federation" and evidence["text"] == "the federation"


def test_a_hyphenated_office_heads_its_institution(extract):
    sides = registry(("Tarnfield University", ("the university",)), ("Tarnfield Students", ()))
    claims = extract("Vice-chancellor Rosa Imre said fees would rise.", sides=sides).claims
    assert side(claims, "Rosa Imre")[0] == "Tarnfield University"


def test_the_company_refers_back_to_the_firm_introduced_as_one(extract):
    sides = registry(("Larkspur Estates", ("Larkspur",)), ("Riverside Residents", ()))
    claims = extract(
        "Larkspur Estates, the developer, lodged plans for 300 homes. "
        "The company said the homes were badly needed.",
        sides=sides,
    ).claims
    name, evidence = side(claims, "Larkspur")
    assert name == "Larkspur Estates" and evidence["via"] == "coreference"


def test_a_third_country_mediator_has_no_side(extract):
    sides = registry(("Velora", ()), ("Tarvish", ()))
    result = extract("A Swiss mediator said both delegations had moved closer.", sides=sides)
    assert [c["side_name"] for c in result.claims] == [None]
    assert result.new_sides == []


def test_a_bare_institution_before_a_hyphenated_office(extract):
    sides = registry(("Civic Front Party", ("the ruling party",)), ("Liberal Bloc", ()))
    claims = extract(
        "Party secretary-general Anton Hale said the count had been fair.", sides=sides
    ).claims
    assert side(claims, "Anton Hale")[0] == "Civic Front Party"
