"""Claims as CSV for a spreadsheet: one row per claim, streamed in constant memory."""

import csv
import datetime as dt
import io
from collections.abc import Iterable, Iterator

CSV_MEDIA_TYPE = "text/csv; charset=utf-8; header=present"
CLAIM_COLUMNS = (
    "id",
    "article_id",
    "article_title",
    "article_url",
    "published_at",
    "kind",
    "text",
    "speaker_name",
    "speaker_title",
    "side_id",
    "side_name",
    "cue",
    "span_start",
    "span_end",
    "confidence",
    "origin",
    "review_status",
    "review_rating",
)
# A cell starting with these is a formula to a spreadsheet; article text is not trusted.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def claim_row(claim: dict, article: dict | None = None, side: dict | None = None) -> dict:
    """One claim (as the API returns it) with its article and side, as CSV column values."""
    article, side = article or {}, side or {}
    speaker = claim.get("speaker") or {}
    span = claim.get("span") or {}
    review = claim.get("review") or {}
    rating = review.get("rating") or {}
    return {
        "id": claim.get("id"),
        "article_id": claim.get("article_id"),
        "article_title": article.get("title"),
        "article_url": article.get("url"),
        "published_at": claim.get("published_at"),
        "kind": claim.get("kind"),
        "text": claim.get("text"),
        "speaker_name": speaker.get("name"),
        "speaker_title": speaker.get("title"),
        "side_id": claim.get("side_id"),
        "side_name": side.get("name"),
        "cue": claim.get("cue"),
        "span_start": span.get("start"),
        "span_end": span.get("end"),
        "confidence": claim.get("confidence"),
        "origin": claim.get("origin"),
        "review_status": review.get("status"),
        "review_rating": rating.get("value"),
    }


def claim_csv_lines(
    records: Iterable[tuple[dict, dict | None, dict | None]],
) -> Iterator[str]:
    """The header, then one CSV line per (claim, article, side); lazily, one at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CLAIM_COLUMNS)
    yield _drain(buffer)
    for claim, article, side in records:
        row = claim_row(claim, article, side)
        writer.writerow([_cell(row[column]) for column in CLAIM_COLUMNS])
        yield _drain(buffer)


def _drain(buffer: io.StringIO) -> str:
    """What the writer wrote since the last drain (the buffer is reused: constant memory)."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def _cell(value) -> str | int | float:
    """A value as a CSV cell: empty for null, UTC times with Z, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return "'" + value if value.startswith(_FORMULA_STARTS) else value
    if isinstance(value, int | float):
        return value
    return str(value)
