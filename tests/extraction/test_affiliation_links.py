"""Affiliation links that syntax shows or denies: a group that states it is independent of a
side, and names with a plural possessive written with a curly apostrophe."""

import pytest

from tests.extraction.registries import registry


def sides_by_text(claims):
    return {c["text"]: c["side_name"] for c in claims}


TRUST = ("Marlow Housing Trust", ("the housing trust", "the trust"))


@pytest.mark.parametrize(
    "link",
    [
        "is independent of the housing trust",
        "is not part of the trust",
        "is separate from the housing trust",
    ],
)
def test_a_group_that_denies_a_link_does_not_speak_for_that_side(extract, link):
    text = (
        f"The Marlow Tenants Forum, which speaks for renters and {link}, said repairs were "
        "taking months. Its secretary, Joan Pike, said three families had waited a year."
    )
    claims = extract(text, sides=registry(TRUST)).claims
    assert len(claims) == 2, claims
    assert all(c["side_name"] is None for c in claims), claims


def test_a_group_that_works_with_a_side_still_speaks_for_it(extract):
    text = "Ravi Mehta, who works for the housing trust, said the repairs would start in May."
    claims = extract(text, sides=registry(TRUST)).claims
    assert [c["side_name"] for c in claims] == ["Marlow Housing Trust"]


@pytest.mark.parametrize("apostrophe", ["\u2019", "'"])
def test_a_name_with_a_plural_possessive_is_one_name(extract, apostrophe):
    name = f"Northshire Nurses{apostrophe} Association"
    text = f"The {name} said the pay offer was an insult to its members."
    sides = registry((name, ()), ("Northshire Health Board", ("the board",)))
    claims = extract(text, sides=sides).claims
    assert [c["speaker"]["name"] for c in claims] == [name]
    assert [c["side_name"] for c in claims] == [name]


@pytest.mark.parametrize("noun", ["firm", "business"])
def test_an_officer_of_the_firm_speaks_for_the_company_introduced_before(extract, noun):
    text = (
        "Brackwater Foods, the supplier behind the recall, wrote to every school on Monday. "
        f"\u201cNo child was put at risk,\u201d said Lena Ortiz, the {noun}\u2019s head of safety."
    )
    sides = registry(("Brackwater Foods", ("Brackwater",)), ("Ashdown Council", ("the council",)))
    claims = extract(text, sides=sides).claims
    assert [(c["speaker"]["name"], c["side_name"]) for c in claims] == [
        ("Lena Ortiz", "Brackwater Foods")
    ]
    assert claims[0]["side_evidence"]["via"] == "possessive"


@pytest.mark.parametrize("title", ["the vice-chancellor", "the Vice-Chancellor"])
def test_a_hyphenated_title_is_read_whole(extract, title):
    text = f"Professor Ruth Amadi, {title}, said the merger would save two campuses."
    sides = registry(("Harwick University", ("the university",)), ("Staff Union", ("the union",)))
    claims = extract(text, sides=sides).claims
    assert [(c["speaker"]["title"], c["side_name"]) for c in claims] == [
        (title, "Harwick University")
    ]


ESTUARY = ("Estuary Ferries", ("the operator",))
COUNCIL = ("Harford District Council", ("the district council", "the council"))


@pytest.mark.parametrize(
    "text, body",
    [
        (
            "Estuary Ferries, whose managing director Paula Wren joined in May, said fares "
            "would rise. Wren said the crossings would stay open.",
            "Estuary Ferries",
        ),
        (
            "The district council, whose leader, Cllr Omar Haddad, backed the scheme, has "
            "kept quiet. Haddad said the committee would decide in June.",
            "Harford District Council",
        ),
    ],
)
def test_an_officer_named_in_a_whose_clause_speaks_for_the_body(extract, text, body):
    claims = extract(text, sides=registry(ESTUARY, COUNCIL)).claims
    assert claims[-1]["speaker"]["name"] in ("Paula Wren", "Omar Haddad"), claims
    assert claims[-1]["side_name"] == body


def test_a_title_before_its_holder_in_apposition_gives_the_name(extract):
    text = (
        "The Transport Minister, Greta Olsen, told parliament that the tunnel would open in "
        "2029. \u201cWe will not cut corners,\u201d the minister said."
    )
    sides = registry(("Ministry of Transport", ("the ministry",)), ("Rail Union", ()))
    claims = extract(text, sides=sides).claims
    assert [(c["speaker"]["name"], c["side_name"]) for c in claims] == [
        ("Greta Olsen", "Ministry of Transport"),
        ("Greta Olsen", "Ministry of Transport"),
    ]


def test_a_bare_role_with_a_demonym_does_not_refer_to_another_countrys_official(extract):
    text = (
        "Norland sent its Minister for Fisheries, Piet Aalst. \u201cThe quotas are fair,\u201d "
        "Aalst said. \u201cThey will empty our harbours,\u201d the Vestrian minister said."
    )
    sides = registry(("Norland", ()), ("Vestria", ()))
    claims = extract(text, sides=sides).claims
    last = claims[-1]
    assert last["speaker"]["name"] != "Piet Aalst"
    assert last["side_name"] != "Norland"


def test_who_prosecutes_the_case_speaks_for_the_prosecution(extract):
    text = (
        "Ivo Brandt denies three counts of fraud. The case is being prosecuted by Clara Voss "
        "KC, who opened it on Monday. Voss told jurors that the invoices had been forged."
    )
    sides = registry(
        ("Crown Prosecution Service", ("the prosecution", "prosecutors")),
        ("Ivo Brandt", ("Brandt", "the defence")),
    )
    claims = extract(text, sides=sides).claims
    voss = [c for c in claims if c["speaker"]["name"] == "Clara Voss"]
    assert [c["side_name"] for c in voss] == ["Crown Prosecution Service"]


def test_a_role_held_until_a_past_date_gives_no_side(extract):
    text = (
        "Tomas Berg, who worked as a dispatcher at Halvard Air until 2022, said the rosters "
        "had always been too tight."
    )
    claims = extract(text).claims
    assert [(c["speaker"]["name"], c["side_name"]) for c in claims] == [("Tomas Berg", None)]


@pytest.mark.parametrize(
    "topic", ["a specialist in university funding", "an expert on university pay"]
)
def test_the_topic_of_an_expert_is_not_an_affiliation(extract, topic):
    text = f"Dr Ines Moll, {topic} at the Kessel Institute, said the cuts went too far."
    sides = registry(("Harwick University", ("the university",)), ("Staff Union", ("the union",)))
    claims = extract(text, sides=sides).claims
    assert [c["side_name"] for c in claims] == [None]


def test_an_officer_of_a_person_stands_with_that_person(extract):
    text = (
        "Rita Coll, the mayor of Dunmore, said the depot would stay open. "
        "Her chief of staff, Owen Hale, said the city would cover the repairs."
    )
    sides = registry(
        ("City of Dunmore", ("the city", "Dunmore")), ("Dunmore Transit", ("the operator",))
    )
    claims = extract(text, sides=sides).claims
    hale = [c for c in claims if c["speaker"]["name"] == "Owen Hale"]
    assert [c["side_name"] for c in hale] == ["City of Dunmore"]
    assert hale[0]["side_evidence"]["via"] == "possessive"


def test_a_relative_of_a_person_does_not_take_their_side(extract):
    text = (
        "Rita Coll, the mayor of Dunmore, said the depot would stay open. "
        "Her brother, Owen Hale, said the depot had flooded twice."
    )
    sides = registry(
        ("City of Dunmore", ("the city", "Dunmore")), ("Dunmore Transit", ("the operator",))
    )
    claims = extract(text, sides=sides).claims
    hale = [c for c in claims if c["speaker"]["name"] == "Owen Hale"]
    assert [c["side_name"] for c in hale] == [None]
