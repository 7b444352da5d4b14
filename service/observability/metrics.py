"""Prometheus metrics; multi-process under gunicorn (PROMETHEUS_MULTIPROC_DIR)."""

import os
import time
from typing import Any

from flask import Flask, Response, g
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)

from service.extraction.types import ClaimExtractor, ExtractionResult
from service.proxies import current_request

REQUESTS = Counter(
    "claimdesk_http_requests_total", "HTTP requests", ["endpoint", "method", "status"]
)
LATENCY = Histogram(
    "claimdesk_http_request_duration_seconds",
    "HTTP request latency",
    ["endpoint", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
EXTRACTION = Histogram(
    "claimdesk_extraction_duration_seconds",
    "Time to extract the claims of one text",
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
DB_ERRORS = Counter("claimdesk_database_errors_total", "Database errors", ["kind"])


class TimedExtractor:
    """An extractor whose every run is timed into the extraction histogram."""

    def __init__(self, extractor: ClaimExtractor):
        self.inner = extractor
        self.name = extractor.name
        self.version = extractor.version

    def extract(
        self, text: str, sides: list[dict] | None = None, auto_sides: bool = True
    ) -> ExtractionResult:
        """Run the wrapped extractor, timing it."""
        with EXTRACTION.time():
            return self.inner.extract(text, sides=sides, auto_sides=auto_sides)

    def extract_many(
        self, texts: list[str], sides: list[dict] | None = None, auto_sides: bool = True
    ) -> list[ExtractionResult]:
        """Run the wrapped extractor on several texts in one batch when it can."""
        many = getattr(self.inner, "extract_many", None)
        if many is None:
            return [self.extract(text, sides, auto_sides) for text in texts]
        started = time.perf_counter()
        results = many(texts, sides=sides, auto_sides=auto_sides)
        each = (time.perf_counter() - started) / max(len(texts), 1)
        for _ in texts:
            EXTRACTION.observe(each)
        return results


# The metric children of each label set, looked up once: ``labels`` takes a lock and
# builds a key on every call, and a child, once made, stays the same object.
_children: dict[tuple, Any] = {}


def child(metric, *labels: str):
    """``metric.labels(*labels)``, remembered."""
    key = (metric, *labels)
    found = _children.get(key)
    if found is None:
        found = _children.setdefault(key, metric.labels(*labels))
    return found


def record_request(response):
    """Count and time the request under its route (not its raw path)."""
    req = current_request()
    endpoint = req.url_rule.rule if req.url_rule else "unmatched"
    method = req.method
    started = g.get("started")
    if started is not None:
        child(LATENCY, endpoint, method).observe(time.perf_counter() - started)
    child(REQUESTS, endpoint, method, str(response.status_code)).inc()
    return response


def metrics_view():
    """The metrics in Prometheus text format, from every worker."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    # content_type, not mimetype: CONTENT_TYPE_LATEST already names its charset.
    return Response(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    """Record every request and serve ``GET /metrics``."""
    app.after_request(record_request)
    app.add_url_rule("/metrics", "metrics", metrics_view, methods=["GET"])
