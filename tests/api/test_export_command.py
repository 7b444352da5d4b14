"""`claimdesk export`: every article or claim, streamed as NDJSON (claims also as CSV)."""

import csv
import io
import json

from service.app import create_app


def test_export_articles_writes_every_article_as_ndjson(runner, make_article):
    made = [make_article(title=f"Story {n}", body=f"Body number {n}.") for n in range(3)]
    result = runner.invoke(args=["export", "articles"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(line["id"] for line in lines) == sorted(a["id"] for a in made)


def test_export_claims_to_a_csv_file(runner, make_article, make_claim, tmp_path):
    article = make_article()
    made = [make_claim(article) for _ in range(2)]
    path = tmp_path / "claims.csv"
    result = runner.invoke(args=["export", "claims", "--format", "csv", "--output", str(path)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert sorted(row["id"] for row in rows) == sorted(claim["id"] for claim in made)
    assert {row["article_id"] for row in rows} == {article["id"]}


def test_export_claims_as_ndjson_and_csv_only_for_claims(runner):
    assert runner.invoke(args=["export", "claims"]).stdout == ""
    refused = runner.invoke(args=["export", "articles", "--format", "csv"])
    assert refused.exit_code != 0
    assert "CSV is for claims only" in refused.output


def test_export_refuses_to_run_without_mongo_uri(monkeypatch):
    monkeypatch.delenv("MONGO_URI", raising=False)
    app = create_app({"LOAD_SEEDS": False, "COMMAND_LINE": True, "EXTRACTION_ENABLED": False})
    result = app.test_cli_runner().invoke(args=["export", "articles"])
    assert result.exit_code != 0
    assert "set MONGO_URI" in result.output
