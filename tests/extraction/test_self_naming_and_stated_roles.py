"""A body that names itself ("which calls itself X", "known as X") speaks for X, and a role
stated in a sentence of its own ("Tran acts as the union's spokesperson") counts for that
person's claims anywhere in the article."""

from registries import registry


def sides():
    return registry(
        ("Sanggar Pekerja Merdeka", ["Free Workers' Circle", "the circle"]),
        ("Bayu Textiles", ["Bayu", "the company"]),
    )


def test_the_group_which_calls_itself_the_side_speaks_for_it(extract):
    claims = extract(
        "Hundreds of garment workers have organised against Bayu Textiles. The group, which "
        "calls itself the Sanggar Pekerja Merdeka, has demanded an audit of the payroll.",
        sides=sides(),
    ).claims
    assert claims[-1]["side_name"] == "Sanggar Pekerja Merdeka"
    assert claims[-1]["side_evidence"]["via"] == "relative_clause"


def test_a_network_known_as_the_side_speaks_for_it(extract):
    claims = extract(
        "A network of workers known as the Free Workers' Circle said the overtime had never "
        "been paid.",
        sides=sides(),
    ).claims
    assert claims[-1]["side_name"] == "Sanggar Pekerja Merdeka"


def test_a_group_that_does_not_call_itself_the_side_speaks_for_no_one(extract):
    claims = extract(
        "A group of shoppers, which does not call itself the Sanggar Pekerja Merdeka, said the "
        "prices were too high.",
        sides=sides(),
    ).claims
    assert all(c["side_name"] != "Sanggar Pekerja Merdeka" for c in claims)


def test_a_role_stated_after_the_quote_counts_for_the_earlier_claim(extract):
    claims = extract(
        "“The company counts every hour. It just does not pay for them,” said Sari Wulandari, "
        "a machinist, at a press conference on Thursday. Wulandari acts as the circle's "
        "spokesperson.\n\nShe said many workers had never seen a payslip.",
        sides=sides(),
    ).claims
    assert [c["side_name"] for c in claims] == ["Sanggar Pekerja Merdeka"] * len(claims)
    assert claims[0]["side_evidence"]["via"] == "role"
    assert claims[0]["side_evidence"]["text"] == "the circle's spokesperson"


def test_is_the_treasurer_of_the_side_counts_too(extract):
    claims = extract(
        "Rudi Hartono said the overtime had not been paid since March. Hartono is the "
        "treasurer of the Free Workers' Circle.",
        sides=sides(),
    ).claims
    assert claims[0]["side_name"] == "Sanggar Pekerja Merdeka"


def test_a_past_denied_or_hostile_role_counts_for_nothing(extract):
    for stated in (
        "Hartono was the circle's treasurer until 2019.",
        "Hartono is not the circle's treasurer.",
        "Hartono is a critic of the circle.",
        "Hartono is a former treasurer of the circle.",
    ):
        claims = extract(
            f"Rudi Hartono said the overtime had not been paid since March. {stated}",
            sides=sides(),
        ).claims
        assert claims[0]["side_id"] is None, stated


def trust():
    return registry(
        ("Harlow Town", ["the club", "Town"]),
        ("Harlow Town Supporters' Trust", ["the trust"]),
    )


def test_a_role_fronted_before_he_counts_for_the_person_named_before(extract):
    claims = extract(
        "Owen Pryce has stood on the terraces since 1971. Now chair of the Harlow Town "
        "Supporters' Trust, which owns a tenth of the club, he said fans felt ignored.\n\n"
        "“Nobody asked what the town thinks,” Pryce said outside the civic centre.",
        sides=trust(),
    ).claims
    quoted = [c for c in claims if c["speaker"]["name"] == "Owen Pryce"]
    assert quoted and quoted[-1]["side_name"] == "Harlow Town Supporters' Trust"
    assert quoted[-1]["side_evidence"]["text"] == "chair of the Harlow Town Supporters' Trust"


def test_a_fronted_setting_is_no_role(extract):
    claims = extract(
        "Owen Pryce has stood on the terraces since 1971. After a meeting of the Harlow Town "
        "Supporters' Trust, he said fans felt ignored.\n\n"
        "“Nobody asked what the town thinks,” Pryce said outside the civic centre.",
        sides=trust(),
    ).claims
    quoted = [c for c in claims if c["speaker"]["name"] == "Owen Pryce"]
    assert quoted and quoted[-1]["side_id"] is None
