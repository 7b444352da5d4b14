"""NDJSON in and out: numbered lines parsed one by one, results written one per line."""

import json
from collections.abc import Iterator
from dataclasses import dataclass

MEDIA_TYPE = "application/x-ndjson"


@dataclass
class Line:
    """One input line: its number (from 1), and its object or why it is not one."""

    number: int
    data: dict | None = None
    status: int | None = None
    detail: str | None = None


def lines(raw: bytes) -> Iterator[Line]:
    """The non-blank lines of an NDJSON body, each parsed on its own."""
    for number, text in enumerate(raw.split(b"\n"), start=1):
        if not text.strip():
            continue
        try:
            data = json.loads(text.decode("utf-8"))
            # Lone surrogates ("\\ud800") parse but cannot be stored as UTF-8.
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except (ValueError, RecursionError, UnicodeError):
            yield Line(number, status=400, detail="This line is not valid UTF-8 JSON")
            continue
        if not isinstance(data, dict):
            yield Line(number, status=400, detail="This line must be a JSON object")
            continue
        yield Line(number, data=data)


def count_lines(raw: bytes) -> int:
    """How many non-blank lines a body has."""
    return sum(1 for text in raw.split(b"\n") if text.strip())


def dump(result: dict) -> bytes:
    """One output line."""
    return json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
