"""Bulk NDJSON import of articles: one result line per input line, streamed."""
