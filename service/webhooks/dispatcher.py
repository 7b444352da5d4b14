"""The dispatcher: fans committed changes out to the outbox, then sends what is due.

It runs outside the request path: as ``claimdesk deliver`` (its own service in
docker-compose) or as a background thread of the embedded app.
"""

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import requests
from pymongo.errors import PyMongoError
from standardwebhooks.webhooks import Webhook

from service.changes.feed import ChangeFeed, Lookup
from service.changes.references import references
from service.clock import utcnow
from service.errors import Gone
from service.webhooks.deliveries import DeliveryRepository
from service.webhooks.outbox import (
    DELIVERED,
    FAILED,
    PENDING,
    DispatchCursorRepository,
    OutboxRepository,
)
from service.webhooks.repository import WebhookRepository
from service.webhooks.rules import event_type, wants

log = logging.getLogger(__name__)
# (resource, stored document) -> the document as the API shows it.
Render = Callable[[str, dict], dict]
USER_AGENT = "claimdesk-webhooks/1"
STATUS_WORDS = {DELIVERED: "delivered", PENDING: "retrying", FAILED: "failed"}


@dataclass
class DeliverySettings:
    """Timeouts and the retry schedule."""

    timeout: float = 10.0
    retry_base: float = 5.0
    retry_max_delay: float = 4 * 3600.0
    retry_window: float = 24 * 3600.0
    lease_margin: float = 30.0
    batch: int = 100
    retention_days: int = 30

    @classmethod
    def from_config(cls, config) -> "DeliverySettings":
        """The settings of an app's config."""
        return cls(
            timeout=config["WEBHOOK_TIMEOUT_SECONDS"],
            retry_base=config["WEBHOOK_RETRY_BASE_SECONDS"],
            retry_max_delay=config["WEBHOOK_RETRY_MAX_DELAY_SECONDS"],
            retry_window=config["WEBHOOK_RETRY_WINDOW_SECONDS"],
            retention_days=config["CHANGES_RETENTION_DAYS"],
        )


def next_attempt(first: dt.datetime, attempts: int, now: dt.datetime, settings: DeliverySettings):
    """When to try again after ``attempts`` failures (doubling), or None past the window."""
    delay = min(settings.retry_base * 2 ** (attempts - 1), settings.retry_max_delay)
    at = now + dt.timedelta(seconds=delay)
    return at if at <= first + dt.timedelta(seconds=settings.retry_window) else None


def iso(moment: dt.datetime) -> str:
    """A stored (naive UTC) time as the API writes it."""
    return moment.isoformat(timespec="milliseconds") + "Z"


class Dispatcher:
    """Reads the change feed into the outbox and delivers the outbox, at least once."""

    def __init__(self, db, feed: ChangeFeed, lookup: Lookup, render: Render, settings=None):
        self.feed = feed
        self.lookup = lookup
        self.render = render
        self.settings = settings or DeliverySettings()
        self.webhooks = WebhookRepository(db)
        self.outbox = OutboxRepository(db)
        self.deliveries = DeliveryRepository(db)
        self.cursor = DispatchCursorRepository(db)
        self.session = requests.Session()
        self.pruned_at = 0.0

    def close(self) -> None:
        """Close the HTTP connections kept for the receivers."""
        self.session.close()

    def fan_out(self, limit: int = 500) -> int:
        """Add an outbox entry per committed change and subscribed webhook; count changes."""
        position = self.cursor.position()
        if position is None:
            position = self.feed.start()
        try:
            changes, new_position = self.feed.read(position, limit)
        except Gone:
            log.error("webhook fan-out fell behind the change retention; skipping ahead")
            changes, new_position = [], self.feed.start()
        hooks = self.webhooks.active() if changes else []
        for change in changes:
            self._fan_out_one(change, hooks)
        self.cursor.advance(new_position)
        return len(changes)

    def _fan_out_one(self, change: dict, hooks: list[dict]) -> None:
        """The outbox entries of one change."""
        kind = event_type(change["resource"], change["event"])
        doc = None
        if change["op"] == "upsert":
            doc = self.lookup(change["resource"], change["doc_id"])
            if doc is None:
                return  # deleted since: its delete follows in the feed
        refs = references(change["resource"], doc) if doc else change.get("refs") or {}
        body = None
        for hook in hooks:
            if hook["created_at"] > change["at"] or not wants(hook, kind, refs):
                continue
            body = body or self.body(kind, change, doc)
            self.outbox.enqueue(hook["_id"], change, kind, body)

    def body(self, kind: str, change: dict, doc: dict | None) -> str:
        """The JSON body of a delivery: type, timestamp and the resource (or its id)."""
        data = self.render(change["resource"], doc) if doc else {"id": str(change["doc_id"])}
        payload = {"type": kind, "timestamp": iso(change["at"]), "data": data}
        return json.dumps(payload, separators=(",", ":"), ensure_ascii=False)

    def deliver_due(self) -> int:
        """Attempt every due entry whose resource has no earlier one waiting; count attempts."""
        now, attempted, hooks = utcnow(), 0, {}
        for entry in self.outbox.due(now, self.settings.batch):
            if self.outbox.blocked(entry):
                continue  # per resource, changes go out in order
            hook_id = entry["webhook_id"]
            if hook_id not in hooks:
                hooks[hook_id] = self.webhooks.collection.find_one({"_id": hook_id})
            hook = hooks[hook_id]
            if hook is None or not hook["active"]:
                self.outbox.cancel_for(hook_id)
                continue
            hold = dt.timedelta(seconds=self.settings.timeout + self.settings.lease_margin)
            if self.outbox.lease(entry, utcnow() + hold, utcnow()):
                self.attempt(hook, entry)
                attempted += 1
        return attempted

    def attempt(self, hook: dict, entry: dict) -> str:
        """POST one signed delivery and record the outcome; returns the entry's new state."""
        stamp = dt.datetime.now(dt.UTC)
        signature = Webhook(hook["secret"]).sign(entry["msg_id"], stamp, entry["body"])
        headers = {
            "content-type": "application/json",
            "user-agent": USER_AGENT,
            "webhook-id": entry["msg_id"],
            "webhook-timestamp": str(int(stamp.timestamp())),
            "webhook-signature": signature,
        }
        started, code, error = time.perf_counter(), None, None
        try:
            response = self.session.post(
                hook["url"],
                data=entry["body"].encode("utf-8"),
                headers=headers,
                timeout=self.settings.timeout,
                allow_redirects=False,
            )
            code = response.status_code
            response.close()
        except requests.RequestException as exc:
            error = f"{type(exc).__name__}: {exc}"[:500]
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        return self._record(entry, code, error, duration_ms)

    def _record(self, entry: dict, code, error, duration_ms: float) -> str:
        """Settle the outbox entry and log the attempt."""
        now, retry_at = utcnow(), None
        if code is not None and 200 <= code < 300:
            state = DELIVERED
        else:
            first = entry["first_attempt_at"] or now
            retry_at = next_attempt(first, entry["attempts"] + 1, now, self.settings)
            state = PENDING if retry_at else FAILED
        self.outbox.settle(entry, state, retry_at)
        attempt = {
            "status": STATUS_WORDS[state],
            "response_code": code,
            "duration_ms": duration_ms,
            "error": error,
            "next_retry_at": retry_at,
        }
        self.deliveries.log(entry, attempt)
        return state

    def housekeeping(self) -> None:
        """Prune change records past the retention, once an hour."""
        if time.monotonic() - self.pruned_at < 3600 and self.pruned_at:
            return
        self.pruned_at = time.monotonic()
        cutoff = utcnow() - dt.timedelta(days=self.settings.retention_days)
        self.feed.changes.prune(cutoff)

    def run_once(self) -> int:
        """One round: fan out, deliver, tidy up; how much work was done."""
        work = self.fan_out() + self.deliver_due()
        self.housekeeping()
        return work

    def run_forever(self, stop: threading.Event, idle_wait: float = 1.0) -> None:
        """Rounds until ``stop`` is set; waits while idle, survives a database outage."""
        while not stop.is_set():
            try:
                work = self.run_once()
            except PyMongoError as exc:
                log.warning("webhook dispatcher: database unavailable (%s)", exc)
                work = 0
            except Exception:
                log.exception("webhook dispatcher round failed")
                work = 0
            if not work:
                stop.wait(idle_wait)
        self.close()
