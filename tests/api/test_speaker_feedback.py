"""End to end with the real extractor: a side an editor teaches in one article is the
evidence for the same speaker's claims in later articles, unless the text says otherwise
or the membership had ended."""

import pytest

from service.extraction import Extractor

API = "/api/v1"
FIRST = 'Pilots say they are tired.\n\n"Rosters are unsafe," said Tor Eriksen.'
LATER = '"We will strike on Monday," said Tor Eriksen.'
OTHER_SIDE = '"Pay talks failed," said Tor Eriksen, a spokesman for Halvard Air.'


@pytest.fixture(scope="module")
def extractor():
    """The app's own extractor (spaCy), loaded once for this module."""
    return Extractor()


@pytest.fixture
def newsroom(make_app, extractor):
    """A client of an app extracting with the real extractor, two sides registered."""
    client = make_app(extractor=extractor).test_client()
    sides = {}
    for name in ("Nordic Cockpit Union", "Halvard Air"):
        sides[name] = client.post(f"{API}/sides", json={"name": name}).get_json()["id"]
    return client, sides


def publish(client, body: str, day: str) -> dict:
    """Post an article and return its one claim by Tor Eriksen."""
    data = {"title": f"Story of {day}", "body": body, "published_at": day}
    article = client.post(f"{API}/articles", json=data).get_json()
    claims = client.get(f"{API}/articles/{article['id']}/claims").get_json()["items"]
    [claim] = [c for c in claims if c["speaker"]["name"] == "Tor Eriksen"]
    return claim


def correct(client, claim: dict, side_id: str) -> None:
    """An editor sets the claim's side."""
    response = client.patch(f"{API}/claims/{claim['id']}", json={"side_id": side_id})
    assert response.status_code == 200, response.get_json()


def test_a_corrected_side_is_evidence_for_a_later_article(newsroom):
    client, sides = newsroom
    first = publish(client, FIRST, "2024-09-10")
    assert first["side_id"] is None
    correct(client, first, sides["Nordic Cockpit Union"])
    later = publish(client, LATER, "2024-09-20")
    assert later["speaker"]["id"] == first["speaker"]["id"]
    assert later["side_id"] == sides["Nordic Cockpit Union"]
    span = later["speaker_span"]
    assert later["side_evidence"] == {"via": "speaker", "text": "Tor Eriksen", "span": span}
    assert LATER[span["start"] : span["end"]] == "Tor Eriksen"


def test_an_affiliation_in_the_text_wins(newsroom):
    client, sides = newsroom
    correct(client, publish(client, FIRST, "2024-09-10"), sides["Nordic Cockpit Union"])
    later = publish(client, OTHER_SIDE, "2024-09-20")
    assert later["side_id"] == sides["Halvard Air"]
    assert later["side_evidence"]["via"] != "speaker"


def test_a_membership_that_ended_before_the_article_does_not_count(newsroom):
    client, sides = newsroom
    first = publish(client, FIRST, "2024-09-10")
    correct(client, first, sides["Nordic Cockpit Union"])
    path = f"{API}/speakers/{first['speaker']['id']}"
    [membership] = client.get(path).get_json()["memberships"]
    ended = {**membership, "until": "2024-09-15T00:00:00Z"}
    assert client.patch(path, json={"memberships": [ended]}).status_code == 200
    later = publish(client, LATER, "2024-09-20")
    assert later["side_id"] is None and later["side_evidence"] is None
    # Within the membership it still counts.
    within = publish(client, LATER.replace("Monday", "Friday"), "2024-09-12")
    assert within["side_id"] == sides["Nordic Cockpit Union"]


def test_a_preview_applies_memberships_and_stores_nothing(newsroom):
    client, sides = newsroom
    first = publish(client, FIRST, "2024-09-10")
    correct(client, first, sides["Nordic Cockpit Union"])
    speaker = client.get(f"{API}/speakers/{first['speaker']['id']}").get_json()
    claims_before = client.get(f"{API}/claims").get_json()["total"]
    text = LATER + '\n\n"Nobody asked us," said Ida Berg.'
    preview = client.post(f"{API}/extract", json={"text": text, "published_at": "2024-09-20"})
    by_name = {c["speaker"]["name"]: c for c in preview.get_json()["claims"]}
    assert by_name["Tor Eriksen"]["speaker"]["id"] == speaker["id"]
    assert by_name["Tor Eriksen"]["side_id"] == sides["Nordic Cockpit Union"]
    assert by_name["Tor Eriksen"]["side_evidence"]["via"] == "speaker"
    assert by_name["Ida Berg"]["speaker"]["id"] is None  # unknown: looked up, not created
    assert client.get(f"{API}/speakers?q=ida").get_json()["total"] == 0
    assert client.get(f"{API}/claims").get_json()["total"] == claims_before
    assert client.get(f"{API}/speakers/{speaker['id']}").get_json() == speaker
    # Before the membership began, the preview has no side for him.
    early = client.post(f"{API}/extract", json={"text": LATER, "published_at": "2024-01-01"})
    [claim] = early.get_json()["claims"]
    assert claim["side_id"] is None and claim["side_evidence"] is None
