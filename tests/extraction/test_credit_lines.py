"""A dash and a name after a quote credit the quote to that name."""


def test_a_credit_after_the_quote_on_its_line(only_claim):
    claim = only_claim("\u201cNo ferry will sail until the pier is fixed.\u201d \u2015 Ruth Okafor")
    assert claim["kind"] == "direct" and claim["speaker"]["name"] == "Ruth Okafor"
    assert claim["text"].startswith("No ferry will sail")


def test_a_credit_line_of_its_own_after_the_quote(only_claim):
    text = (
        "Harbour master Ruth Okafor inspected the pier.\n\n"
        "\u201cNo ferry will sail until the pier is fixed, whatever the timetable says.\u201d\n\n"
        "\u2014 Ruth Okafor"
    )
    claim = only_claim(text)
    assert claim["speaker"]["name"] == "Ruth Okafor"


def test_a_dash_inside_narration_is_no_credit(extract):
    assert extract("The pier \u2014 built in 1890 \u2014 is closed.").claims == []


def test_a_short_dashed_heading_is_still_a_heading(extract):
    assert extract("Ferry crisis \u2014 Day Two").claims == []
