"""A title that is only a company office speaks for the one registered company the article
has named, even paragraphs away; a head office only when that company is the one body."""

from service.extraction.company_rules import is_company
from service.extraction.sides import SideRef
from tests.extraction.registries import registry

QUARRY = registry(
    ("Penmore Aggregates Ltd", ("Penmore", "the quarry operator")),
    ("Lower Dene Residents' Group", ("the residents",)),
)


def side_of(claims, name):
    return next(c for c in claims if c["speaker"]["name"] == name)


def test_a_project_director_speaks_for_the_one_company_named_earlier(extract):
    text = (
        "Penmore Aggregates Ltd wants to extend its quarry at Lower Dene by 40 hectares.\n\n"
        "The extension would add twelve years of extraction, according to the plans.\n\n"
        "Project director Owen Tregarthen said the blasting would be limited to weekdays."
    )
    claim = side_of(extract(text, sides=QUARRY).claims, "Owen Tregarthen")
    assert claim["side_name"] == "Penmore Aggregates Ltd"
    evidence = claim["side_evidence"]
    assert evidence["via"] == "office"
    assert text[evidence["span"]["start"] : evidence["span"]["end"]] == evidence["text"]


def test_the_site_director_named_in_apposition_speaks_for_the_company(extract):
    text = (
        "Penmore has applied to extend the quarry.\n\n"
        "The site director, Megan Hollis, said dust levels had never breached the limit."
    )
    claim = side_of(extract(text, sides=QUARRY).claims, "Megan Hollis")
    assert claim["side_name"] == "Penmore Aggregates Ltd"


def test_two_registered_companies_leave_the_office_unattributed(extract):
    sides = registry(
        ("Penmore Aggregates Ltd", ("Penmore",)), ("Carrick Stone Ltd", ("Carrick Stone",))
    )
    text = (
        "Penmore Aggregates Ltd is bidding against Carrick Stone Ltd for the contract.\n\n"
        "Project director Owen Tregarthen said the bid would be lodged on Friday."
    )
    claim = side_of(extract(text, sides=sides).claims, "Owen Tregarthen")
    assert claim["side_id"] is None


def test_a_company_office_before_any_company_is_named_stays_unattributed(extract):
    text = "Project director Owen Tregarthen said the blasting would be limited to weekdays."
    claim = side_of(extract(text, sides=QUARRY).claims, "Owen Tregarthen")
    assert claim["side_id"] is None


def test_a_chief_executive_needs_the_company_to_be_the_only_body_named(extract):
    text = (
        "Penmore Aggregates Ltd wants to extend its quarry. The residents oppose the plan.\n\n"
        "Chief executive Rhys Caddick said the quarry employed 80 people."
    )
    claim = side_of(extract(text, sides=QUARRY).claims, "Rhys Caddick")
    assert claim["side_id"] is None


def test_a_chief_executive_of_the_only_body_named_speaks_for_it(extract):
    text = (
        "Penmore Aggregates Ltd wants to extend its quarry by 40 hectares.\n\n"
        "A planning inquiry opens next month.\n\n"
        "Chief executive Rhys Caddick said the quarry employed 80 people."
    )
    claim = side_of(extract(text, sides=QUARRY).claims, "Rhys Caddick")
    assert claim["side_name"] == "Penmore Aggregates Ltd"


def test_a_campaign_group_is_not_a_company(extract):
    sides = registry(("Save Dene Woods", ("the campaign group",)))
    text = (
        "Save Dene Woods has collected 4,000 signatures.\n\n"
        "Project director Owen Tregarthen said the blasting would be limited to weekdays."
    )
    claim = side_of(extract(text, sides=sides).claims, "Owen Tregarthen")
    assert claim["side_id"] is None


def test_a_group_named_for_its_members_is_no_company():
    assert not is_company(SideRef("r", "Lower Dene Residents' Group"), None)
    assert is_company(SideRef("v", "Velmora Group"), None)
    assert is_company(SideRef("h", "Harbour Stone", aliases=("the developer",)), None)
