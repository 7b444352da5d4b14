"""Factories for the API tests: sides, articles and claims made through the API itself."""

import itertools
import re
from collections import Counter

import pytest

from service.extraction.types import (
    ClaimExtractor,
    EvidenceVia,
    ExtractedClaim,
    ExtractionResult,
    NewSide,
    SideEvidence,
    Span,
)

API = "/api/v1"
STATEMENTS = ("taxes will fall next year", "This budget is a fantasy", "talks would resume")
PROBLEM_JSON = "application/problem+json"
BODY = (
    "The minister said that taxes will fall next year.\n\n"
    'Critics disagreed. "This budget is a fantasy," said Jane Doe, an economist.\n\n'
    "The White House announced that talks would resume."
)


@pytest.fixture
def problem():
    """Check that a response is an RFC 9457 problem with ``status``; return its body."""

    def check(response, status: int) -> dict:
        assert response.status_code == status, response.get_data(as_text=True)
        assert response.mimetype == PROBLEM_JSON
        body = response.get_json()
        for key in ("type", "title", "status", "detail"):
            assert key in body, body
        assert body["status"] == status
        text = response.get_data(as_text=True)
        assert "Traceback" not in text
        assert 'File "' not in text
        return body

    return check


@pytest.fixture
def make_side(client):
    """Create a side through the API and return its JSON."""
    counter = itertools.count(1)

    def make(**fields) -> dict:
        fields.setdefault("name", f"Side {next(counter)}")
        response = client.post(f"{API}/sides", json=fields)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return make


@pytest.fixture
def make_article(client):
    """Create an article through the API (no extraction) and return its JSON."""
    counter = itertools.count(1)

    def make(extract: bool = False, **fields) -> dict:
        number = next(counter)
        fields.setdefault("title", f"Article {number}")
        fields.setdefault("body", f"Story number {number}.\n\n{BODY}")
        query = "" if extract else "?extract=false"
        response = client.post(f"{API}/articles{query}", json=fields)
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return make


@pytest.fixture
def make_claim(client):
    """Create a manual claim in ``article`` through the API and return its JSON.

    Without a ``text``, each claim of an article gets another statement (the same one
    twice would be a 409): the body's three, then ones the body does not contain.
    """
    made: Counter = Counter()

    def make(article: dict, **fields) -> dict:
        number = made[article["id"]]
        made[article["id"]] += 1
        fields.setdefault("text", STATEMENTS[number] if number < 3 else f"statement {number}")
        fields.setdefault("kind", "indirect")
        response = client.post(f"{API}/claims", json={"article_id": article["id"], **fields})
        assert response.status_code == 201, response.get_json()
        return response.get_json()

    return make


@pytest.fixture
def fetch(client):
    """GET a path and return its JSON, asserting a 200."""

    def get(path: str) -> dict:
        response = client.get(path if path.startswith("/") else f"{API}/{path}")
        assert response.status_code == 200, response.get_json()
        return response.get_json()

    return get


class FakeExtractor:
    """A stand-in extractor: every ``NAME said "TEXT"`` is a direct claim by NAME.

    A speaker named in ``gazetteer`` but not registered becomes an auto side.
    """

    name = "fake"
    version = "1"
    PATTERN = re.compile(r'(?P<speaker>[A-Z]\w+) said "(?P<text>[^"]+)"')

    def __init__(self, gazetteer=("Freedonia",), fail: bool = False):
        self.gazetteer = set(gazetteer)
        self.fail = fail
        self.calls = 0

    def extract(
        self, text: str, sides: list[dict] | None = None, auto_sides: bool = True
    ) -> ExtractionResult:
        """The ``NAME said "TEXT"`` claims of ``text``, attributed by name or alias."""
        self.calls += 1
        if self.fail:
            raise RuntimeError("model exploded")
        known: dict[str, dict] = {}
        for registered in sides or []:
            for name in [registered["name"], *registered["aliases"]]:
                known[name.casefold()] = registered
        claims: list[ExtractedClaim] = []
        new: dict[str, NewSide] = {}
        for match in self.PATTERN.finditer(text):
            speaker = match["speaker"]
            side = known.get(speaker.casefold())
            if side is None and auto_sides and speaker in self.gazetteer:
                new[speaker] = {"name": speaker, "aliases": []}
            speaker_span: Span = {"start": match.start("speaker"), "end": match.end("speaker")}
            evidence: SideEvidence | None = None
            if side is not None or speaker in new:
                via: EvidenceVia = "gazetteer" if side is None else "name"
                evidence = {"via": via, "text": speaker, "span": speaker_span}
            claims.append(
                {
                    "text": match["text"],
                    "kind": "direct",
                    "speaker": {"name": speaker, "title": None, "type": "place"},
                    "cue": "said",
                    "span": {"start": match.start("text"), "end": match.end("text")},
                    "speaker_span": speaker_span,
                    "confidence": 0.9,
                    "side_id": side["id"] if side else None,
                    "side_name": side["name"] if side else (speaker if speaker in new else None),
                    "side_evidence": evidence,
                }
            )
        return ExtractionResult(claims=claims, new_sides=list(new.values()))


# Checked by mypy (`make lint`): the fake implements the protocol ingest takes.
CHECKED_DOUBLE: ClaimExtractor = FakeExtractor()


@pytest.fixture
def fake_extractor() -> FakeExtractor:
    """A fresh fake extractor."""
    return FakeExtractor()


@pytest.fixture
def extracting_client(make_app, fake_extractor):
    """A client of an app whose extractor is the fake one."""
    return make_app(extractor=fake_extractor).test_client()
