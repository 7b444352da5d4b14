"""CSV and NDJSON exports: exact columns, values that read back, and streaming."""

import csv
import datetime as dt
import io
import itertools
import tracemalloc

import orjson
import pytest
from bson import ObjectId

from service.formats.csv_export import CLAIM_COLUMNS, claim_csv_lines, claim_row
from service.formats.ndjson import ndjson_line, ndjson_lines, read_ndjson

ARTICLE = {"id": "a1", "title": "Pilots warn of fatigue", "url": "https://n.example/p"}
SIDE = {"id": "s1", "name": "Nordic Cockpit Union"}
CLAIM = {
    "id": "c1",
    "article_id": "a1",
    "text": 'Our members are landing aircraft, "exhausted",\nafter long days',
    "kind": "direct",
    "speaker": {"name": "Tor Eriksen", "title": "president", "type": "person"},
    "side_id": "s1",
    "cue": "said",
    "span": {"start": 1, "end": 72},
    "confidence": 0.93,
    "origin": "extracted",
    "published_at": "2024-09-12T08:00:00Z",
    "review": {"status": "confirmed", "rating": {"value": 2, "label": "Mostly false"}},
}


def read_csv(lines):
    return list(csv.DictReader(io.StringIO("".join(lines))))


CONTRACT_COLUMNS = (
    "id article_id article_title article_url published_at kind text speaker_name "
    "speaker_title side_id side_name cue span_start span_end confidence origin "
    "review_status review_rating"
)


def test_the_columns_are_the_contract_s():
    assert " ".join(CLAIM_COLUMNS) == CONTRACT_COLUMNS


def test_a_claim_in_a_csv_row_out_that_reads_back():
    [row] = read_csv(claim_csv_lines([(CLAIM, ARTICLE, SIDE)]))
    assert list(row) == list(CLAIM_COLUMNS)
    assert row == {
        "id": "c1",
        "article_id": "a1",
        "article_title": "Pilots warn of fatigue",
        "article_url": "https://n.example/p",
        "published_at": "2024-09-12T08:00:00Z",
        "kind": "direct",
        "text": CLAIM["text"],  # quotes and the newline survive quoting
        "speaker_name": "Tor Eriksen",
        "speaker_title": "president",
        "side_id": "s1",
        "side_name": "Nordic Cockpit Union",
        "cue": "said",
        "span_start": "1",
        "span_end": "72",
        "confidence": "0.93",
        "origin": "extracted",
        "review_status": "confirmed",
        "review_rating": "2",
    }


def test_missing_values_are_empty_cells():
    bare = {"id": "c2", "article_id": "a1", "text": "x", "kind": "position", "span": None}
    [row] = read_csv(claim_csv_lines([(bare, None, None)]))
    assert row["side_name"] == row["span_start"] == row["review_rating"] == ""
    assert row["article_title"] == ""


def test_lines_end_with_crlf_and_the_header_comes_first():
    lines = list(claim_csv_lines([(CLAIM, ARTICLE, SIDE)]))
    assert lines[0] == ",".join(CLAIM_COLUMNS) + "\r\n"
    assert len(lines) == 2
    assert lines[1].endswith("\r\n")


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)"])
def test_formulas_are_defused(text):
    [row] = read_csv(claim_csv_lines([({**CLAIM, "text": text}, ARTICLE, SIDE)]))
    assert row["text"] == "'" + text


def test_datetimes_in_rows_are_utc_with_z():
    claim = {**CLAIM, "published_at": dt.datetime(2024, 9, 12, 8)}
    [row] = read_csv(claim_csv_lines([(claim, ARTICLE, SIDE)]))
    assert row["published_at"] == "2024-09-12T08:00:00Z"


def test_claim_row_has_every_column():
    assert set(claim_row(CLAIM)) == set(CLAIM_COLUMNS)


def counting(source, pulled):
    """Yield from source, counting what was pulled."""
    for item in source:
        pulled[0] += 1
        yield item


def test_csv_is_lazy():
    pulled = [0]
    records = counting(((CLAIM, ARTICLE, SIDE) for _ in range(1_000_000)), pulled)
    lines = claim_csv_lines(records)
    assert next(lines).startswith("id,")
    assert pulled[0] == 0
    list(itertools.islice(lines, 3))
    assert pulled[0] == 3


def test_csv_memory_stays_flat_over_many_rows():
    tracemalloc.start()
    try:
        for _ in claim_csv_lines((CLAIM, ARTICLE, SIDE) for _ in range(20_000)):
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # 20,000 rows are ~3 MB of CSV; streaming holds one row at a time.
    assert peak < 200_000


def test_a_document_in_a_line_out_that_reads_back():
    document = {**CLAIM, "created_at": dt.datetime(2024, 9, 12, 8, 0, 0, 123000)}
    line = ndjson_line(document)
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # the newline in text is escaped
    back = orjson.loads(line)
    assert back["text"] == CLAIM["text"]
    assert back["created_at"] == "2024-09-12T08:00:00.123000Z"


def test_object_ids_and_sets_are_written():
    oid = ObjectId("65f0c0ffee0000000000c001")
    assert orjson.loads(ndjson_line({"id": oid, "tags": {"a"}})) == {
        "id": "65f0c0ffee0000000000c001",
        "tags": ["a"],
    }


def test_ndjson_round_trip_in_order():
    documents = [{"line": n, "text": f"claim {n}"} for n in range(5)]
    lines = list(ndjson_lines(documents))
    assert [doc for _, doc in read_ndjson(lines)] == documents


def test_reading_skips_blank_lines_and_numbers_lines():
    lines = [b'{"a": 1}\n', b"\n", b'{"a": 2}\n']
    assert list(read_ndjson(lines)) == [(1, {"a": 1}), (3, {"a": 2})]
    with pytest.raises(orjson.JSONDecodeError):
        list(read_ndjson([b"{not json\n"]))


def test_ndjson_is_lazy():
    pulled = [0]
    lines = ndjson_lines(counting(({"n": n} for n in range(1_000_000)), pulled))
    assert next(lines) == b'{"n":0}\n'
    assert pulled[0] == 1
