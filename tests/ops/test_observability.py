"""Request ids, one JSON access log line per request, Prometheus metrics."""

import json
import logging
import uuid

from service.observability.logs import JsonFormatter, new_request_id
from tests.doubles import FailingExtractor


def test_request_id_is_taken_or_made_and_echoed(client):
    given = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
    assert given.headers["X-Request-ID"] == "abc-123"
    made = client.get("/healthz")
    assert len(made.headers["X-Request-ID"]) == 32
    ids = {new_request_id() for _ in range(500)} | {made.headers["X-Request-ID"]}
    assert len(ids) == 501
    for made_id in ids:  # shaped as uuid4().hex: version 4, the RFC 4122 variant
        assert uuid.UUID(hex=made_id).hex == made_id
        assert uuid.UUID(hex=made_id).version == 4
        assert uuid.UUID(hex=made_id).variant == uuid.RFC_4122
    hostile = client.get("/healthz", headers={"X-Request-ID": 'x" onload=1 ' + "y" * 200})
    assert hostile.headers["X-Request-ID"] != 'x" onload=1 ' + "y" * 200


def test_one_json_log_line_per_request_without_key_or_body(make_app, caplog):
    app = make_app({"AUTH": "required", "BOOTSTRAP_ADMIN_KEY": "cdk_secret_value_for_logs"})
    caplog.set_level(logging.INFO, logger="claimdesk.access")
    app.test_client().post(
        "/api/v1/sides",
        json={"name": "Secret body text"},
        headers={"Authorization": "Bearer cdk_secret_value_for_logs", "X-Request-ID": "r1"},
    )
    records = [r for r in caplog.records if r.name == "claimdesk.access"]
    assert len(records) == 1
    line = JsonFormatter().format(records[0])
    entry = json.loads(line)
    assert entry["request_id"] == "r1"
    assert entry["method"] == "POST" and entry["path"] == "/api/v1/sides"
    assert entry["status"] == 201 and entry["key"] == "bootstrap-admin"
    assert entry["duration_ms"] >= 0 and entry["time"].endswith("Z")
    assert "cdk_secret_value_for_logs" not in line and "Secret body text" not in line


def test_metrics_count_requests_by_route_method_and_status(client):
    client.get("/api/v1/sides")
    client.get("/api/v1/sides/0123456789abcdef01234567")
    body = client.get("/metrics").get_data(as_text=True)
    assert "claimdesk_http_requests_total" in body
    assert 'endpoint="/api/v1/sides/<objectid:side_id>",method="GET",status="404"' in body
    assert "claimdesk_http_request_duration_seconds_bucket" in body
    assert "claimdesk_extraction_duration_seconds" in body
    assert "claimdesk_database_errors_total" in body or "claimdesk_database_errors" in body


def test_unexpected_errors_are_logged_server_side_only(make_app, caplog):
    app = make_app(extractor=FailingExtractor())
    response = app.test_client().post("/api/v1/articles", json={"title": "T", "body": "B"})
    assert response.status_code == 201
    assert response.json["extraction"]["status"] == "failed"
    assert "model exploded" in response.json["extraction"]["error"]
    assert "Traceback" not in response.get_data(as_text=True)
    assert any(r.exc_info for r in caplog.records if r.levelno >= logging.ERROR)
