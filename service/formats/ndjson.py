"""Newline-delimited JSON: one document per line, streamed in constant memory."""

from collections.abc import Iterable, Iterator

import orjson

NDJSON_MEDIA_TYPE = "application/x-ndjson"
# Naive datetimes are UTC (as MongoDB stores them) and are written with a Z.
_OPTIONS = orjson.OPT_NAIVE_UTC | orjson.OPT_UTC_Z


def ndjson_line(document) -> bytes:
    """One document as a line of JSON, ending with a newline."""
    return orjson.dumps(document, default=_fallback, option=_OPTIONS) + b"\n"


def ndjson_lines(documents: Iterable) -> Iterator[bytes]:
    """One line per document, lazily: nothing is read ahead of the line being written."""
    for document in documents:
        yield ndjson_line(document)


def read_ndjson(lines: Iterable[bytes | str]) -> Iterator[tuple[int, object]]:
    """(line number, document) for each non-blank line; orjson.JSONDecodeError on a bad one."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield number, orjson.loads(line)


def _fallback(value):
    """Types JSON lacks (ObjectId, Decimal, sets) as strings or lists."""
    if isinstance(value, set | frozenset):
        return list(value)
    return str(value)
