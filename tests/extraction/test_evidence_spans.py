"""Every attributed claim says why: the rule and the words of the body that show it."""

import json
from pathlib import Path

import pytest

from service.extraction.types import EVIDENCE_VIAS

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "bench" / "gold").glob("*.json"))


def registry(doc: dict) -> list[dict]:
    return [{"id": f"side-{i}", **side} for i, side in enumerate(doc["sides"])]


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_evidence_spans_show_their_words_in_the_body(extractor, path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    body = doc["body"]
    attributed = 0
    for claim in extractor.extract(body, sides=registry(doc)).claims:
        evidence = claim["side_evidence"]
        if claim["side_id"] is None and claim["side_name"] is None:
            assert evidence is None, claim
            continue
        attributed += 1
        assert evidence is not None, claim
        assert evidence["via"] in EVIDENCE_VIAS
        assert evidence["text"].strip(), claim
        span = evidence["span"]
        if span is not None:
            assert body[span["start"] : span["end"]] == evidence["text"], claim
    assert attributed or not any(c["side"] for c in doc["claims"])


def test_a_title_shows_the_side_at_its_place(only_claim):
    text = "Kari Lund, a Halvard spokeswoman, said the fleet was safe."
    claim = only_claim(text)
    evidence = claim["side_evidence"]
    assert claim["side_id"] == "s-air"
    assert evidence["via"] in ("title", "apposition")
    assert evidence["text"] == "Halvard"
    assert text[evidence["span"]["start"] : evidence["span"]["end"]] == "Halvard"


def test_a_later_mention_points_back_to_the_introduction(extract):
    text = (
        "Tor Eriksen, president of the union, led the strike. Halvard Air cut routes on Monday.\n\n"
        "Eriksen said the cuts would cost two hundred jobs."
    )
    claim = extract(text).claims[-1]
    evidence = claim["side_evidence"]
    assert claim["side_id"] == "s-union"
    assert evidence["via"] == "coreference"
    assert text[evidence["span"]["start"] : evidence["span"]["end"]] == evidence["text"]
    assert evidence["span"]["start"] < text.index("Halvard")


def test_unattributed_claims_have_no_evidence(only_claim):
    claim = only_claim("Marta Olsen, a retired teacher, said the fares were too high.")
    assert claim["side_id"] is None and claim["side_evidence"] is None


def test_evidence_points_at_a_mention_of_the_side_when_a_name_repeats(extract):
    sentence = "The union said that the rosters were unsafe. "
    text = sentence * 60
    claims = extract(text).claims
    assert len(claims) == 60
    for index, claim in enumerate(claims):
        evidence = claim["side_evidence"]
        span = evidence["span"]
        # Its own words, or the introduction that a later "the union" refers back to.
        assert span["start"] in (0, index * len(sentence)), (index, evidence)
        assert text[span["start"] : span["end"]] == "The union"
