"""Sides come from the speaker's own description or an earlier mention, never from context."""

HARBOUR = [
    {"id": "s-board", "name": "Kestrel Bay Harbour Board", "aliases": ["the harbour board"]},
    {"id": "s-ferry", "name": "Islay Sound Ferries", "aliases": ["the operator"]},
]
TRADE = [
    {"id": "s-au", "name": "African Union", "aliases": ["AU", "Addis Ababa"]},
    {"id": "s-jp", "name": "Japan", "aliases": ["Tokyo"]},
]
FUND = [
    {"id": "s-fund", "name": "Larchmont Capital", "aliases": ["the fund", "Larchmont"]},
    {"id": "s-town", "name": "Brenning Town Council", "aliases": ["the town council"]},
]
ORCHESTRA = [
    {"id": "s-orch", "name": "Vale Philharmonic", "aliases": ["the orchestra"]},
    {
        "id": "s-friends",
        "name": "Vale Philharmonic Musicians' Guild",
        "aliases": ["musicians' guild"],
    },
]
CANADA = [
    {"id": "s-ca", "name": "Canada", "aliases": []},
    {"id": "s-mx", "name": "Mexico", "aliases": []},
]


def sides_by_speaker(claims):
    return [(c["speaker"]["name"] or c["speaker"]["title"], c["side_id"]) for c in claims]


def test_independent_expert_does_not_take_a_side_named_nearby(extract):
    claims = extract(
        "The Kestrel Bay Harbour Board said the new quay would double freight traffic. "
        "“Dredging on this scale will strip the seabed for a decade,” said Tomasz Wierzbicki, "
        "a marine biologist at the University of Dunmore.",
        sides=HARBOUR,
    ).claims
    assert sides_by_speaker(claims)[-1] == ("Tomasz Wierzbicki", None)


def test_bare_place_title_does_not_bridge_to_a_body_sharing_a_word(extract):
    claims = extract(
        "Brenning Town Council approved the sale on Monday. "
        "A Brenning college lecturer, Aiko Mendes, said the price was far too low.",
        sides=FUND,
    ).claims
    assert sides_by_speaker(claims)[-1] == ("Aiko Mendes", None)


def test_head_of_an_industry_body_does_not_take_the_other_governments_side(extract):
    claims = extract(
        "Japan's trade ministry said the quotas broke the agreement. "
        "Samuel Otieno, secretary general of Pan-African Cocoa Growers, said exporters would "
        "lose a third of their income.",
        sides=TRADE,
    ).claims
    assert ("Samuel Otieno", "s-jp") not in sides_by_speaker(claims)


def test_anonymous_source_familiar_with_plans_has_no_side(only_claim):
    claim = only_claim(
        "A person familiar with the fund's plans said Larchmont would sell the mill by June.",
        sides=FUND,
    )
    assert claim["side_id"] is None


def test_titled_source_familiar_with_talks_keeps_stated_affiliation(only_claim):
    claim = only_claim(
        "A Larchmont executive familiar with the talks said the mill would close in May.",
        sides=FUND,
    )
    assert claim["side_id"] == "s-fund"


def test_longest_alias_in_the_affiliation_wins(only_claim):
    claim = only_claim(
        "A spokesman for the orchestra's musicians' guild said rehearsals had been cut by half.",
        sides=ORCHESTRA,
    )
    assert claim["side_id"] == "s-friends"


def test_side_carries_to_later_mentions_of_the_same_person(extract):
    claims = extract(
        "Canada's Trade Minister Helen Ashcroft said the dairy quota would stay.\n\n"
        "Mexico's economy minister Raul Ibarra said his country would appeal.\n\n"
        "Ashcroft said Ottawa would not move first. The trade minister added that talks "
        "would resume in May.\n\n"
        "Trade Minister Helen Ashcroft told reporters that a ruling was expected soon.",
        sides=CANADA,
    ).claims
    assert [c["side_id"] for c in claims] == ["s-ca", "s-mx", "s-ca", "s-ca", "s-ca"]


def test_capital_metonym_and_possessive_country_name_a_side(extract):
    claims = extract(
        "Tokyo said the levy was unlawful. Addis Ababa said the levy protected farmers.",
        sides=TRADE,
    ).claims
    assert [c["side_id"] for c in claims] == ["s-jp", "s-au"]


def test_polity_demonym_counts_for_officials_only(extract):
    claims = extract(
        "African officials said the quotas would be challenged. "
        "African cocoa farmers said they had not been consulted.",
        sides=TRADE,
    ).claims
    assert [c["side_id"] for c in claims] == ["s-au", None]


def test_bare_spokesperson_bridges_to_the_body_named_just_before(extract):
    claims = extract(
        "Islay Sound Ferries cancelled all crossings on Friday. "
        "Spokeswoman Morag Lindsay said the timetable would be restored next week.",
        sides=HARBOUR,
    ).claims
    assert sides_by_speaker(claims)[-1] == ("Morag Lindsay", "s-ferry")


def test_bare_spokesperson_does_not_bridge_across_sentences(extract):
    claims = extract(
        "Islay Sound Ferries cancelled all crossings on Friday. Passengers queued for hours. "
        "Spokeswoman Morag Lindsay said the timetable would be restored next week.",
        sides=HARBOUR,
    ).claims
    assert sides_by_speaker(claims)[-1] == ("Morag Lindsay", None)


def test_registered_country_named_as_a_place_is_not_an_affiliation(extract):
    sides = [{"id": "s-cl", "name": "Chile", "aliases": ["Santiago"]}, *HARBOUR]
    claims = extract(
        "Rafael Soto, an economist at the Catholic University of Chile, said the copper "
        "levy would cut investment. Chile's Mining Minister Ana Rojas said the levy was fair.",
        sides=sides,
    ).claims
    assert [c["side_id"] for c in claims] == [None, "s-cl"]


def test_bare_minister_bridges_to_the_government_in_the_previous_sentence(extract):
    claims = extract(
        "Canada's government announced the quota on Monday. "
        "Agriculture Minister Paul Girard said farmers would be compensated.",
        sides=CANADA,
    ).claims
    assert sides_by_speaker(claims)[-1] == ("Paul Girard", "s-ca")


def test_professor_with_own_affiliation_never_bridges(extract):
    claims = extract(
        "Brenning Town Council approved the sale on Monday. "
        "Council professor emeritus Ida Wahl of Marlow University said the price was low.",
        sides=FUND,
    ).claims
    assert ("Ida Wahl", "s-town") not in sides_by_speaker(claims)


def test_a_registered_demonym_inside_an_organisation_name_is_its_affiliation(extract):
    growers = [{"id": "s-ke", "name": "Kenya", "aliases": ["Kenyan", "Nairobi"]}]
    claims = extract(
        "The Association of Kenyan Flower Growers said that the new rules would cost jobs.",
        sides=growers,
    ).claims
    assert sides_by_speaker(claims) == [("Association of Kenyan Flower Growers", "s-ke")]


def test_a_ministers_title_matches_the_registered_ministry(extract):
    ministries = [{"id": "s-no", "name": "Norway", "aliases": ["the fisheries ministry"]}]
    claims = extract(
        "Fisheries Minister Ola Brekke told reporters that the quota would be cut.",
        sides=ministries,
    ).claims
    assert sides_by_speaker(claims) == [("Ola Brekke", "s-no")]
    other = extract(
        "Transport Minister Ola Brekke told reporters that the quota would be cut.",
        sides=ministries,
    ).claims
    assert sides_by_speaker(other) == [("Ola Brekke", None)]


def test_a_surname_re_mention_keeps_the_side_of_the_introduction(extract):
    growers = [
        {"id": "s-coop", "name": "Dunmore Growers\u2019 Cooperative", "aliases": ["cooperative"]},
        {"id": "s-mill", "name": "Harlan Mills", "aliases": ["Harlan"]},
    ]
    claims = extract(
        "The Dunmore Growers\u2019 Cooperative has 90 members. Its secretary, Anna Kovacs, accused "
        "Harlan of underpaying for grain.\n\n“We cannot sell below cost forever,” Kovacs said.",
        sides=growers,
    ).claims
    assert [side for _speaker, side in sides_by_speaker(claims)] == ["s-coop", "s-coop"]


def test_the_bodys_spokesman_takes_the_side_of_the_body_named_before(extract):
    states = [{"id": "s-ar", "name": "Arlandia", "aliases": ["Arlandia\u2019s Interior Ministry"]}]
    claims = extract(
        "Arlandia\u2019s Interior Ministry said on Monday that the border would stay open.\n\n"
        "The ministry\u2019s spokeswoman, Lena Ostrova, told reporters that patrols would double.",
        sides=states,
    ).claims
    assert sides_by_speaker(claims)[-1] == ("Lena Ostrova", "s-ar")


def test_an_officers_title_matches_the_registered_body_of_its_domain(extract):
    city = [{"id": "s-ta", "name": "Vell City Transit", "aliases": ["transport authority"]}]
    claims = extract(
        "Transport Commissioner Ida Berg said that the fare rise was unavoidable.", sides=city
    ).claims
    assert sides_by_speaker(claims) == [("Ida Berg", "s-ta")]


def test_its_document_speaks_for_the_body_its_refers_to(extract):
    coalition = [{"id": "s-coal", "name": "Save Harbour Park", "aliases": ["the coalition"]}]
    claims = extract(
        "The coalition went to court on Friday. Its lawsuit accuses the council of "
        "ignoring the planning rules.",
        sides=coalition,
    ).claims
    assert [c["side_id"] for c in claims] == ["s-coal"]
    assert claims[0]["kind"] == "position"


def test_a_passive_stance_verb_without_an_agent_is_narration(extract):
    claims = extract("A second 24-hour strike has been called for 14 November.").claims
    assert claims == []


def test_a_bare_title_resolves_to_the_person_introduced_with_it(extract):
    sides = [{"id": "s-dist", "name": "Ashford Schools", "aliases": ["the district"]}]
    claims = extract(
        "Superintendent Paula Grant of the district said the budget gap was $4 million.\n\n"
        "Parents were not persuaded. The superintendent said that buses would be free.",
        sides=sides,
    ).claims
    assert [c["speaker"]["name"] for c in claims] == ["Paula Grant", "Paula Grant"]


def test_a_title_word_elsewhere_in_a_description_is_not_a_title(extract):
    sides = [{"id": "s-shop", "name": "Greenway Stores", "aliases": ["the retailer"]}]
    claims = extract(
        "Ana Silva, a spokeswoman for the retailer, declined to comment on prices.\n\n"
        "The retailer said that the new prices would apply from June.",
        sides=sides,
    ).claims
    assert claims[-1]["speaker"]["name"].lower() == "the retailer"
    assert claims[-1]["side_id"] == "s-shop"


def test_a_diplomat_posted_in_a_capital_does_not_speak_for_that_country(extract):
    states = [{"id": "s-ee", "name": "Estonia", "aliases": ["Tallinn"]}]
    posted = extract(
        "A European diplomat in Tallinn said that the talks were stuck.", sides=states
    ).claims
    assert [c["side_id"] for c in posted] == [None]
    officials = extract("Officials in Tallinn said that the talks were stuck.", sides=states).claims
    assert [c["side_id"] for c in officials] == ["s-ee"]
