"""The quality benchmark as a test: thresholds on every gold file shipped in bench/gold."""

import importlib.util
import json
from itertools import pairwise
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLD = sorted((ROOT / "bench" / "gold").glob("*.json"))
SPEC = importlib.util.spec_from_file_location(
    "extraction_quality", ROOT / "bench" / "extraction_quality.py"
)
quality = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(quality)


@pytest.fixture(scope="module")
def scores(extractor):
    per_file, total = quality.score_files([str(p) for p in GOLD], extractor)
    return {s.name: s for s in per_file} | {"TOTAL": total}


def test_gold_files_are_shipped():
    assert len(GOLD) >= 12


@pytest.mark.parametrize("name", [p.name for p in GOLD] + ["TOTAL"])
def test_quality_thresholds(scores, name):
    score = scores[name]
    assert score.f1 >= 0.85, score.errors
    assert score.speaker_accuracy >= 0.90, score.errors
    assert score.side_accuracy >= 0.95, score.errors
    assert score.negatives_hit == 0, score.errors


@pytest.mark.parametrize("path", GOLD, ids=[p.name for p in GOLD])
def test_gold_files_are_well_formed(path):
    doc = json.loads(path.read_text(encoding="utf-8"))
    body, names = doc["body"], {side["name"] for side in doc["sides"]}
    spans = []
    for claim in doc["claims"]:
        assert body.count(claim["anchor"]) == 1, claim["anchor"]
        assert claim["kind"] in {"direct", "indirect", "position"}
        assert claim["side"] is None or claim["side"] in names
        start = body.index(claim["anchor"])
        spans.append((start, start + len(claim["anchor"])))
    spans.sort()
    assert all(a[1] <= b[0] for a, b in pairwise(spans))
    for negative in doc["negatives"]:
        start = body.index(negative)
        assert all(start + len(negative) <= a or b <= start for a, b in spans), negative


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("Imogen Reist", "Dr Imogen Reist", True),
        ("Helen Ashcroft", "Helen Ashcroft KC", True),
        ("Helen Ashcroft", "Helen Ashcroft, KC", True),
        ("Ashcroft", "Helen Ashcroft KC", False),
        ("Dr", "Dr Imogen Reist", False),
        ("Mary Reist", "Dr Imogen Reist", False),
    ],
)
def test_a_speaker_matches_without_honorifics_or_post_nominals(predicted, gold, same):
    claim = {"speaker": gold, "speaker_aliases": []}
    assert quality.speaker_matches({"name": predicted, "title": None}, claim) is same
