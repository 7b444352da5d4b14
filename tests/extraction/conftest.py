"""Fixtures for the extraction tests: one extractor (and one model load) per session."""

import pytest

from service.extraction import Extractor

SIDES = [
    {"id": "s-us", "name": "United States", "aliases": ["US", "White House", "Washington"]},
    {"id": "s-union", "name": "Nordic Cockpit Union", "aliases": ["the union", "NCU"]},
    {"id": "s-air", "name": "Halvard Air", "aliases": ["Halvard", "the airline"]},
    {"id": "s-coal", "name": "Rare Disease Coalition", "aliases": ["the coalition"]},
]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The default extractor; its spaCy pipeline loads once for the whole session."""
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """Extract claims from text with the test side registry."""

    def run(text: str, sides=None, auto_sides: bool = True):
        return extractor.extract(
            text, sides=SIDES if sides is None else sides, auto_sides=auto_sides
        )

    return run


@pytest.fixture(scope="session")
def only_claim(extract):
    """The single claim extracted from text (fails if there is not exactly one)."""

    def run(text: str, **kwargs) -> dict:
        claims = extract(text, **kwargs).claims
        assert len(claims) == 1, claims
        return claims[0]

    return run
