"""Rate limits via flask-limiter: one budget per API key (per address when anonymous)
shared by every endpoint, and a separate budget for extraction counted by text size."""

import functools
import math
import time

import marshmallow as ma
from bson import ObjectId
from flask import Flask, current_app, g, request
from flask_limiter import HeaderNames, Limiter
from flask_limiter.util import get_remote_address
from limits import parse

from service.db import get_db
from service.http.paths import is_open
from service.problems import problem
from service.proxies import current_request
from service.request_limiter import LIMITER_RETRY_AFTER, RequestLimiter


def limit_key() -> str:
    """Who a request counts against: its key's name, else its address."""
    actor = g.get("actor")
    return f"key:{actor}" if actor else f"addr:{get_remote_address()}"


def exempt() -> bool:
    """Probes, metrics, docs and CORS preflights are never limited."""
    req = current_request()
    return req.method == "OPTIONS" or is_open(req.path)


EXTENSION = "claimdesk.limiter"
# Endpoints that run the extractor; PATCH /articles/{id} does only when the body changes.
EXTRACTING = {
    ("POST", "articles.Articles"),
    ("POST", "articles.extract_article"),
    ("POST", "claims.preview_extraction"),
    ("PATCH", "articles.Article"),
}


def _seconds_until_reset(limiter, item, *identifiers: str) -> int:
    """Whole seconds until a limit's window resets (at least 1)."""
    reset_at = limiter.limiter.get_window_stats(item, *identifiers).reset_time
    return max(1, int(reset_at - time.time()))


def extraction_cost() -> int:
    """Cost units of this request's extraction: one per started EXTRACTION_COST_CHARS of text.

    0 when the request extracts nothing. A stored article's body is what /extract re-reads;
    for the others the request body's size bounds the text (cheap: nothing is parsed yet).
    """
    if (request.method, request.endpoint) not in EXTRACTING:
        return 0
    unit = current_app.config["EXTRACTION_COST_CHARS"]
    if request.endpoint == "articles.extract_article":
        article_id = (request.view_args or {}).get("article_id")
        found = get_db().articles.find_one({"_id": ObjectId(str(article_id))}, {"body": 1})
        size = len(found["body"]) if found else 0
    elif request.endpoint == "articles.Articles" and (
        request.args.get("extract") in ma.fields.Boolean.falsy  # as the query schema reads it
    ):
        return 0
    else:
        size = request.content_length or 0
        changes = request.get_json(silent=True) if request.method == "PATCH" else None
        if request.method == "PATCH" and not (isinstance(changes, dict) and "body" in changes):
            return 0
    return max(1, math.ceil(size / unit))


def extraction_limited():
    """429 once this caller's extraction budget (in cost units) is spent."""
    req = current_request()
    if (req.method, req.endpoint) not in EXTRACTING:
        return None  # costs nothing (extraction_cost would say 0): most requests stop here
    limiter = current_app.extensions.get(EXTENSION)
    setting = current_app.config["EXTRACTION_RATE_LIMIT"]
    if limiter is None or not limiter.enabled or not setting or exempt():
        return None
    limit = request.content_length is not None and current_app.config["MAX_CONTENT_LENGTH"]
    if limit and request.content_length > limit:
        return None  # a 413 follows; it costs nothing
    cost = extraction_cost()
    if not cost:
        return None
    item, who = parse(setting), limit_key()
    # test before hit: a refused request must not spend the budget it did not use.
    strategy = limiter.limiter
    if strategy.test(item, "extraction", who, cost=cost) and strategy.hit(
        item, "extraction", who, cost=cost
    ):
        return None
    retry = _seconds_until_reset(limiter, item, "extraction", who)
    detail = f"Extraction budget exceeded ({setting}, one unit per started "
    detail += f"{current_app.config['EXTRACTION_COST_CHARS']} characters); see Retry-After"
    return problem(429, detail, {"Retry-After": str(retry)})


def auth_failure_limited() -> int:
    """Count a failed authentication for this address; seconds to wait once over the limit."""
    limiter = current_app.extensions.get(EXTENSION)
    setting = current_app.config["AUTH_FAILURE_LIMIT"]
    if limiter is None or not limiter.enabled or not setting:
        return 0
    item, address = parse(setting), get_remote_address()
    if limiter.limiter.hit(item, "auth-failure", address):
        return 0
    return _seconds_until_reset(limiter, item, "auth-failure", address)


def init_app(app: Flask) -> Limiter:
    """Attach the limiter; storage shared by all workers when MongoDB is used."""
    config = app.config
    app.config.setdefault(
        "RATELIMIT_STORAGE_URI",
        config["MONGO_URI"] if config["MONGO_URI"] else "claimdesk-memory://",
    )
    timeout = config["MONGO_TIMEOUT_MS"]
    # The limiter's own MongoDB client must give up as fast as the service's does.
    app.config.setdefault(
        "RATELIMIT_STORAGE_OPTIONS",
        {
            "serverSelectionTimeoutMS": timeout,
            "connectTimeoutMS": timeout,
            # The service's own database: its MongoDB user may use no other.
            "database_name": config["MONGO_DB"],
            "counter_collection_name": "rate_limit_counters",
            "window_collection_name": "rate_limit_windows",
        }
        if config["MONGO_URI"]
        else {},
    )
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "claimdesk")
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    position = len(app.after_request_funcs.get(None, []))
    # Application limits are one budget across all routes; default limits would give
    # every endpoint a budget of its own (20/min on 7 endpoints is 140/min).
    limiter = RequestLimiter(
        key_func=limit_key,
        app=app,
        application_limits=[config["RATE_LIMIT"]] if config["RATE_LIMIT"] else [],
        application_limits_exempt_when=exempt,
        enabled=config["RATE_LIMIT_ENABLED"],
        strategy="fixed-window",
        header_name_mapping={HeaderNames.RETRY_AFTER: LIMITER_RETRY_AFTER},
    )
    cache_resolved_limits(limiter)
    limiter.take_over_headers(app, position)
    app.extensions[EXTENSION] = limiter
    app.before_request(extraction_limited)  # after the limiter's own check
    return limiter


def cache_resolved_limits(limiter: Limiter) -> None:
    """Resolve each endpoint's limits and exemptions once, not on every request.

    flask-limiter rebuilds them per request from what was registered (a third of its
    time per request); ours are all registered before the first request (one
    application limit from a config string, no decorated or dynamic limits), so the
    answer for an endpoint never changes. Whether a request is exempt is still asked
    per request (``exempt``), as are the counts.
    """
    manager = limiter.limit_manager
    manager.resolve_limits = functools.lru_cache(maxsize=512)(manager.resolve_limits)  # type: ignore[method-assign]
    manager.exemption_scope = functools.lru_cache(maxsize=512)(manager.exemption_scope)  # type: ignore[method-assign]
