"""Names written with honorifics, hyphens and party labels, and affiliations shown by the
setting a speaker acts in: on behalf of a group, for an organisation in focus, for a
government just named."""


def registry(*sides):
    return [
        {"id": f"s{i}", "name": name, "aliases": list(aliases)}
        for i, (name, aliases) in enumerate(sides)
    ]


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
