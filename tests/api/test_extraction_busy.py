"""A full extraction queue is a 503 with Retry-After, and nothing is stored."""

import pytest

from service.errors import ExtractionBusy

API = "/api/v1"


class BusyExtractor:
    """An extractor whose pool is always full."""

    name = "busy"
    version = "1"

    def extract(self, text, sides=None, auto_sides=True):
        """Refuse, as a full pool does."""
        raise ExtractionBusy("Every extraction process is busy; try again shortly.")


@pytest.fixture
def busy_client(make_app):
    """A client of an app whose extraction pool is full."""
    return make_app(extractor=BusyExtractor()).test_client()


def test_busy_article_create_is_503_and_stores_nothing(busy_client, make_app, problem, db_of):
    response = busy_client.post(f"{API}/articles", json={"title": "t", "body": "A body."})
    problem(response, 503)
    assert response.headers["Retry-After"] == "5"
    assert busy_client.get(f"{API}/articles").get_json()["total"] == 0


def test_busy_preview_and_reextract_are_503(busy_client, problem):
    problem(busy_client.post(f"{API}/extract", json={"text": "A text."}), 503)
    created = busy_client.post(
        f"{API}/articles?extract=false", json={"title": "t", "body": "A body."}
    ).get_json()
    problem(busy_client.post(f"{API}/articles/{created['id']}/extract"), 503)
    after = busy_client.get(f"{API}/articles/{created['id']}").get_json()
    assert after["extraction"]["status"] == "skipped"
    assert after["version"] == created["version"]
