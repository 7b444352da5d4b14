"""The change feed endpoint: its query rules and cursors."""

API = "/api/v1"


def test_an_empty_feed_hands_out_a_cursor_to_come_back_with(client, fetch):
    page = fetch("changes")
    assert page["items"] == []
    again = fetch(f"changes?after={page['next']}")
    assert again == page


def test_bad_feed_queries_are_422(client, problem):
    for query in (
        "limit=0",
        "limit=1001",
        "resource=webhooks",
        "include=everything",
        "after=%%%",
        "after=bm90LWEtY3Vyc29y",
        "unknown=1",
    ):
        body = problem(client.get(f"{API}/changes?{query}"), 422)
        assert body["errors"], query


def test_a_cursor_of_another_feed_is_gone(client, make_app, problem):
    other = make_app().test_client().get(f"{API}/changes").get_json()["next"]
    body = problem(client.get(f"{API}/changes?after={other}"), 410)
    assert "resync" in body["detail"]
