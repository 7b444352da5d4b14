"""A question the writer asks yields no claim; a quoted question still has its speaker."""


def test_the_writers_question_is_no_claim(extract):
    claims = extract(
        "The crossing has been closed for eleven days.\n\nWill the closure push Xian exporters "
        "towards Arica for good? For now, the queue stretches back six kilometres."
    ).claims
    assert claims == []


def test_a_quoted_question_keeps_its_speaker(extract):
    claims = extract(
        "\u201cWho will pay for the repairs?\u201d said Tor Eriksen, president of the union."
    ).claims
    assert [c["speaker"]["name"] for c in claims] == ["Tor Eriksen"]
