"""Officers the text shows without naming their side in their own words: a minister of a
department named by place and topic, a minister after the state's own department, a chief
executive after "For X,", a police officer of the one registered force, and a person known
only by a designation."""

from tests.extraction.registries import registry


def last_side(claims):
    return claims[-1]["speaker"]["name"], claims[-1]["side_name"]


SCHOOLS = registry(
    ("Prairie Teachers Federation", ("the federation",)),
    ("Saskatchewan Ministry of Health and Seniors", ("the ministry",)),
)


def test_a_topic_minister_speaks_for_the_place_named_ministry(extract):
    text = "Health Minister Lena Ostrowski said the wards were “fully staffed this winter”."
    claims = extract(text, sides=SCHOOLS).claims
    assert last_side(claims) == ("Lena Ostrowski", "Saskatchewan Ministry of Health and Seniors")
    assert claims[-1]["side_evidence"]["via"] == "office"


def test_an_acting_or_own_place_minister_still_speaks_for_it(extract):
    for title in ("Acting Health Minister", "Saskatchewan Health Minister"):
        text = f"{title} Lena Ostrowski said the wards were “fully staffed this winter”."
        claims = extract(text, sides=SCHOOLS).claims
        assert last_side(claims)[1] == "Saskatchewan Ministry of Health and Seniors", title


def test_another_place_s_topic_minister_is_unattributed(extract):
    for title in ("Alberta Health Minister", "Federal Health Minister"):
        text = f"{title} Lena Ostrowski said the wards were “fully staffed this winter”."
        claims = extract(text, sides=SCHOOLS).claims
        assert last_side(claims) == ("Lena Ostrowski", None), title


STATES = registry(
    ("Kestrel Minerals", ("the company",)),
    ("Government of Western Australia", ("the state government", "the state")),
    ("Commonwealth Government", ("the federal government", "the commonwealth")),
)


def test_a_minister_after_the_state_s_own_department_speaks_for_the_state(extract):
    text = (
        "The permit was issued by the state\u2019s Department of Energy, Mines and Resources. "
        "Energy Minister Ruth Calder said the process had “met every test”."
    )
    claims = extract(text, sides=STATES).claims
    assert last_side(claims) == ("Ruth Calder", "Government of Western Australia")
    assert claims[-1]["side_evidence"]["text"] == "the state"


def test_a_minister_after_two_governments_departments_is_unattributed(extract):
    text = (
        "The permit was reviewed by the state\u2019s Department of Energy and by the "
        "commonwealth\u2019s Department of Industry. Energy Minister Ruth Calder said the "
        "process had “met every test”."
    )
    claims = extract(text, sides=STATES).claims
    assert last_side(claims) == ("Ruth Calder", None)


AIRLINES = registry(("Velmora Air", ("Velmora",)), ("Tamar Jet", ("Tamar",)))


def test_a_chief_executive_after_a_fronted_for_speaks_for_that_company(extract):
    text = (
        "For Velmora, the ruling is a setback. Chief executive Nora Quill said the airline "
        "would appeal within a month."
    )
    claims = extract(text, sides=AIRLINES).claims
    assert last_side(claims) == ("Nora Quill", "Velmora Air")


def test_a_fronted_for_naming_two_companies_leaves_the_officer_unattributed(extract):
    text = (
        "For Velmora and Tamar, the ruling is a setback. Chief executive Nora Quill said the "
        "airline would appeal within a month."
    )
    claims = extract(text, sides=AIRLINES).claims
    assert last_side(claims) == ("Nora Quill", None)


FORCE = registry(
    ("Harrow Vale Police", ("the force",)),
    ("Okafor family", ("the family",)),
)


def test_an_armed_or_police_officer_speaks_for_the_one_registered_force(extract):
    for title in ("An armed officer", "A police officer", "A firearms officer"):
        text = f"{title} told the inquest that the car had been stopped twice that evening."
        claims = extract(text, sides=FORCE).claims
        assert claims[-1]["side_name"] == "Harrow Vale Police", title
        assert claims[-1]["side_evidence"]["via"] in ("office", "title"), title


def test_officers_of_no_registered_force_are_unattributed(extract):
    for title in (
        "A retired police officer",
        "An armed officer from Calder Police",
        "A prison officer",
    ):
        text = f"{title} told the inquest that the car had been stopped twice that evening."
        claims = extract(text, sides=FORCE).claims
        assert claims[-1]["side_id"] is None, title


def test_an_officer_is_unattributed_when_two_forces_are_registered(extract):
    sides = registry(("Harrow Vale Police", ()), ("Calder Police", ()))
    text = "An armed officer told the inquest that the car had been stopped twice that evening."
    assert extract(text, sides=sides).claims[-1]["side_id"] is None


def test_a_designated_officer_speaks_for_the_force_named_in_the_description(extract):
    text = (
        "The Harrow Vale Police marksman, who is identified only as W7, gave evidence from "
        "behind a screen.\n\nW7 told the jury that he had fired because he feared for his life."
    )
    claims = extract(text, sides=FORCE).claims
    assert last_side(claims) == ("W7", "Harrow Vale Police"), claims
    assert claims[-1]["side_evidence"]["text"] == "Harrow Vale Police"


def test_a_designated_officer_of_another_force_is_unattributed(extract):
    text = (
        "A Calder Police marksman, who is identified only as W7, gave evidence from behind a "
        "screen.\n\nW7 told the jury that he had fired because he feared for his life."
    )
    claims = extract(text, sides=FORCE).claims
    assert last_side(claims) == ("W7", None), claims


VOICES = registry(
    ("Parents\u2019 Voice Scotland", ("the group",)), ("Clyde Council", ("the council",))
)


def test_a_name_cut_at_its_apostrophe_still_names_the_side(extract):
    text = (
        "Parents\u2019 Voice Scotland, which lodged an objection in May, welcomed the "
        "council\u2019s decision to keep the school open."
    )
    claims = extract(text, sides=VOICES).claims
    assert claims[-1]["side_name"] == "Parents\u2019 Voice Scotland", claims
    assert claims[-1]["side_evidence"]["via"] == "name"


def test_another_name_opening_with_the_same_possessive_is_unattributed(extract):
    text = (
        "Parents\u2019 Action Glasgow, which lodged an objection in May, welcomed the "
        "council\u2019s decision to keep the school open."
    )
    claims = extract(text, sides=VOICES).claims
    assert all(c["side_name"] != "Parents\u2019 Voice Scotland" for c in claims), claims


HEALTH = registry(
    ("Department of Health", ("the department",)),
    ("Midwest Nurses Alliance", ("the alliance",)),
)


def test_a_bare_spokesperson_after_the_body_as_subject_speaks_for_it(extract):
    text = (
        "The Department of Health had received no request for extra funding, the "
        "spokesperson added."
    )
    claims = extract(text, sides=HEALTH).claims
    assert last_side(claims) == (None, "Department of Health"), claims
    assert claims[-1]["side_evidence"]["via"] == "office"


def test_a_spokesperson_after_another_subject_or_for_another_body_is_not_the_body_s(extract):
    for text in (
        "Nurses say the Department of Health ignored the warnings, a spokesperson added.",
        "The Department of Health ignored the warnings, a spokesperson for the alliance said.",
        "The Department of Health ignored the warnings, organisers said.",
    ):
        claims = extract(text, sides=HEALTH).claims
        assert claims[-1]["side_name"] != "Department of Health", text


ONE_GOVERNMENT = registry(
    ("Government of Queensland", ("the state government",)),
    ("Tallow Creek Farmers", ("the farmers",)),
)


def test_a_bare_minister_speaks_for_the_one_registered_government(extract):
    for title in ("Water Minister", "Premier", "Deputy Premier"):
        text = (
            "Farmers met in Roma on Monday to oppose the dam.\n\n"
            f"{title} Ellen Marsh said the project had “passed every review”."
        )
        claims = extract(text, sides=ONE_GOVERNMENT).claims
        assert last_side(claims) == ("Ellen Marsh", "Government of Queensland"), title
        assert claims[-1]["side_evidence"]["via"] == "office"


def test_a_minister_of_another_government_is_unattributed(extract):
    for title in ("Federal Water Minister", "Shadow Water Minister", "Ontario Water Minister"):
        text = f"{title} Ellen Marsh said the project had “passed every review”."
        claims = extract(text, sides=ONE_GOVERNMENT).claims
        assert last_side(claims) == ("Ellen Marsh", None), title


def test_a_minister_after_another_country_is_named_is_unattributed(extract):
    text = (
        "Talks with Japan ended on Monday. Trade Minister Ellen Marsh said the project had "
        "“passed every review”."
    )
    claims = extract(text, sides=ONE_GOVERNMENT).claims
    assert last_side(claims) == ("Ellen Marsh", None)


def test_a_minister_is_unattributed_when_two_governments_are_registered(extract):
    sides = registry(
        ("Government of Queensland", ("the state government",)),
        ("Commonwealth Government", ("the federal government",)),
    )
    text = "Water Minister Ellen Marsh said the project had “passed every review”."
    assert last_side(extract(text, sides=sides).claims) == ("Ellen Marsh", None)


def test_a_detective_rank_speaks_for_the_one_registered_force(extract):
    for title in ("Detective Inspector", "Detective Superintendent", "Detective Sergeant"):
        text = f"{title} Ruth Hale said officers were “following every line of inquiry”."
        assert last_side(extract(text, sides=FORCE).claims) == ("Ruth Hale", "Harrow Vale Police")
        sides = registry(("Harrow Vale Police", ()), ("Calder Police", ()))
        assert last_side(extract(text, sides=sides).claims) == ("Ruth Hale", None), title
