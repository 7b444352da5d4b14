"""Bulk NDJSON import: a result per line, bad lines fail alone, limits before storing."""

import io
import json

from tests.api.conftest import FakeExtractor
from tests.formats.ninjs_documents import NINJS_1_TEXT, NINJS_2

API = "/api/v1"
NDJSON = {"Content-Type": "application/x-ndjson"}


def ndjson(*items) -> bytes:
    return b"".join(
        (item if isinstance(item, bytes) else json.dumps(item).encode()) + b"\n" for item in items
    )


def answer_lines(response) -> list[dict]:
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "application/x-ndjson"
    return [json.loads(line) for line in response.get_data(as_text=True).splitlines()]


class BatchingExtractor(FakeExtractor):
    """The fake extractor, with the batched entry point the real one has."""

    def __init__(self):
        super().__init__()
        self.batches: list[int] = []

    def extract_many(self, texts, sides=None, auto_sides=True):
        self.batches.append(len(texts))
        return [self.extract(text, sides, auto_sides) for text in texts]


def test_each_line_gets_its_result_and_bad_lines_fail_alone(client, db):
    body = ndjson(
        {"title": "One", "body": "First story."},
        b"",
        b"{not json",
        {"title": "No body"},
        {"title": "Copy", "body": "First  story."},
        [1, 2],
        {"title": "Two", "body": "Second story.", "id": "x"},
        {"title": "Three", "body": "Third story.", "tags": ["bulk"]},
    )
    results = answer_lines(
        client.post(f"{API}/articles/bulk?extract=false", data=body, headers=NDJSON)
    )
    assert [(r["line"], r["status"]) for r in results] == [
        (1, 201), (3, 400), (4, 422), (5, 409), (6, 400), (7, 422), (8, 201)
    ]  # fmt: skip
    assert results[2]["problem"]["errors"] == {"body": ["Missing data for required field."]}
    assert results[3]["problem"]["existing_id"] == results[0]["id"]
    assert "id" in results[5]["problem"]["errors"]
    assert db.articles.count_documents({}) == 2
    stored = client.get(f"{API}/articles/{results[6]['id']}").get_json()
    assert stored["tags"] == ["bulk"] and stored["extraction"]["status"] == "skipped"


def test_extraction_runs_in_batches(make_app):
    extractor = BatchingExtractor()
    client = make_app({"BULK_BATCH": 4}, extractor=extractor).test_client()
    items = [{"title": f"T{n}", "body": f'Freedonia said "we will talk {n}".'} for n in range(10)]
    results = answer_lines(client.post(f"{API}/articles/bulk", data=ndjson(*items), headers=NDJSON))
    assert [r["status"] for r in results] == [201] * 10
    assert extractor.batches == [4, 4, 2]
    article = client.get(f"{API}/articles/{results[9]['id']}").get_json()
    assert article["claim_count"] == 1 and article["extraction"]["status"] == "done"


def test_limits_answer_413_before_anything_is_stored(make_app, db_of, problem):
    app = make_app({"BULK_MAX_BYTES": 300, "BULK_MAX_LINES": 3})
    client = app.test_client()
    big = ndjson({"title": "Long", "body": "x" * 400})
    problem(client.post(f"{API}/articles/bulk", data=big, headers=NDJSON), 413)
    many = ndjson(*({"title": f"T{n}", "body": f"B{n}"} for n in range(4)))
    problem(client.post(f"{API}/articles/bulk", data=many, headers=NDJSON), 413)
    assert db_of(app).articles.count_documents({}) == 0


def test_a_body_without_a_length_over_the_limit_is_413_too(make_app, db_of, problem):
    app = make_app({"BULK_MAX_BYTES": 300})
    body = ndjson({"title": "A", "body": "y" * 200}, {"title": "B", "body": "z" * 200})
    response = app.test_client().post(
        f"{API}/articles/bulk",
        input_stream=io.BytesIO(body),
        headers=NDJSON,
        environ_overrides={"CONTENT_LENGTH": "", "wsgi.input_terminated": True},
    )
    problem(response, 413)
    assert db_of(app).articles.count_documents({}) == 0


def test_only_ndjson_is_taken(client, problem):
    problem(client.post(f"{API}/articles/bulk", json={"title": "A", "body": "B"}), 415)


def test_a_bulk_import_is_replayed_under_its_idempotency_key(client, db):
    body = ndjson({"title": "One", "body": "First story."}, {"title": "Bad"})
    headers = {**NDJSON, "Idempotency-Key": "bulk-1"}
    first = answer_lines(client.post(f"{API}/articles/bulk", data=body, headers=headers))
    again = client.post(f"{API}/articles/bulk", data=body, headers=headers)
    assert again.headers["Idempotent-Replayed"] == "true"
    assert answer_lines(again) == first
    assert db.articles.count_documents({}) == 1


def test_the_import_command_shows_a_summary(app, tmp_path, db):
    path = tmp_path / "articles.ndjson"
    path.write_bytes(
        ndjson(
            {"title": "One", "body": "First story."},
            {"title": "Bad"},
            {"title": "Copy", "body": "First story."},
        )
    )
    result = app.test_cli_runner().invoke(args=["import", str(path), "--no-extract"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary == {
        "created": 1, "duplicates": 1, "invalid": 1, "failed": 0,
        "invalid_lines": [2], "failed_lines": [],
    }  # fmt: skip
    assert db.articles.count_documents({}) == 1


def test_the_import_command_reads_stdin(app, db):
    data = ndjson({"title": "One", "body": "From a pipe."})
    result = app.test_cli_runner().invoke(args=["import", "-", "--no-extract"], input=data)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.strip().splitlines()[-1])["created"] == 1


class BrokenBatchExtractor(BatchingExtractor):
    """Its batched entry point fails; one text at a time works."""

    def extract_many(self, texts, sides=None, auto_sides=True):
        raise RuntimeError("batch exploded")


def test_a_failed_batch_is_extracted_one_by_one(make_app):
    client = make_app(extractor=BrokenBatchExtractor()).test_client()
    items = [{"title": f"T{n}", "body": f'Freedonia said "yes {n}".'} for n in range(3)]
    results = answer_lines(client.post(f"{API}/articles/bulk", data=ndjson(*items), headers=NDJSON))
    for result in results:
        article = client.get(f"{API}/articles/{result['id']}").get_json()
        assert article["extraction"]["status"] == "done" and article["claim_count"] == 1


def test_format_ninjs_reads_each_line_as_ninjs_and_a_bad_one_fails_alone(client, fetch):
    bad = {**NINJS_2, "headlines": [{"role": "main"}]}
    body = ndjson(NINJS_2, bad, NINJS_1_TEXT)
    response = client.post(
        f"{API}/articles/bulk?format=ninjs&extract=false", data=body, headers=NDJSON
    )
    results = answer_lines(response)
    assert [r["status"] for r in results] == [201, 422, 201]
    assert "headlines.0.value" in results[1]["problem"]["errors"]
    article = fetch(f"{API}/articles/{results[0]['id']}")
    assert article["url"] == NINJS_2["uri"]
    assert article["source_document"] == NINJS_2
    assert fetch(f"{API}/articles/{results[2]['id']}")["source_document"] == NINJS_1_TEXT


def test_an_unknown_bulk_format_is_a_422(client, db, problem):
    response = client.post(f"{API}/articles/bulk?format=xml", data=ndjson({}), headers=NDJSON)
    assert "format" in problem(response, 422)["errors"]
