"""One JSON log line per request, with a request id echoed to the client."""

import logging
import os
import re
import sys
import time
from typing import Any

from flask import Flask
from pythonjsonlogger import json as json_logging

from service.proxies import current_g, current_request

access_log = logging.getLogger("claimdesk.access")
REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
RENAMED = {"asctime": "time", "levelname": "level", "name": "logger", "exc_info": "traceback"}


def _utc(seconds: float | None) -> time.struct_time:
    """The log clock: UTC."""
    return time.gmtime(seconds)


class JsonFormatter(json_logging.JsonFormatter):
    """Log records as one JSON object per line: time (UTC, ms, Z), level, logger, then fields.

    A record whose message is a dict (the access log) is those fields and no message;
    ``extra=`` fields of any record are kept.
    """

    def __init__(self) -> None:
        super().__init__(
            "{asctime}{levelname}{name}{message}",
            style="{",
            rename_fields=RENAMED,
            json_default=str,
            json_ensure_ascii=True,
        )
        self.converter = _utc

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        """ISO 8601 in UTC with milliseconds and a Z."""
        return super().formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z"

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        """Lower-case the level; drop the empty message of a dict record."""
        log_data["level"] = str(log_data["level"]).lower()
        if not log_data.get("message"):
            log_data.pop("message", None)
        return log_data


def configure_logging(level: str = "INFO") -> None:
    """Send every log record to stderr as JSON (process entry points call this)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())


def new_request_id() -> str:
    """A random id as ``uuid.uuid4().hex`` writes it, without building a UUID object."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40  # version 4
    raw[8] = raw[8] & 0x3F | 0x80  # the RFC 4122 variant
    return raw.hex()


def start_request():
    """Take the caller's X-Request-ID (or make one) and start the clock."""
    given = current_request().headers.get("X-Request-ID", "")
    context = current_g()
    context.request_id = given if REQUEST_ID.match(given) else new_request_id()
    context.started = time.perf_counter()


def finish_request(response):
    """Echo the request id and log the request: never a key, never a body."""
    req, context = current_request(), current_g()
    request_id = context.get("request_id") or new_request_id()
    response.headers["X-Request-ID"] = request_id
    duration_ms = (time.perf_counter() - context.get("started", time.perf_counter())) * 1000
    access_log.info(
        {
            "request_id": request_id,
            "method": req.method,
            "path": req.path,
            "status": response.status_code,
            "duration_ms": round(duration_ms, 2),
            "key": context.get("actor"),
            "remote": req.remote_addr,
        }
    )
    return response


def init_app(app: Flask) -> None:
    """Install the request-id and access-log hooks (first in, last out)."""
    app.before_request_funcs.setdefault(None, []).insert(0, start_request)
    app.after_request(finish_request)
