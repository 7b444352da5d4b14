"""Rate limits via flask-limiter: one budget per API key (per address when anonymous)
shared by every endpoint, and a separate budget for extraction counted by text size."""

import functools
import math
import time
from collections import defaultdict

import marshmallow as ma
from bson import ObjectId
from flask import Flask, current_app, g, request
from flask.globals import request_ctx
from flask_limiter import HeaderNames, Limiter
from flask_limiter._extension import LimiterContext
from flask_limiter.util import get_qualified_name, get_remote_address
from limits import parse
from limits.storage import MemoryStorage

from service.db import get_db
from service.http.paths import is_open
from service.problems import problem
from service.proxies import current_request


class SweptMemoryStorage(MemoryStorage):
    """limits' in-process storage, sweeping expired counters inline at most once a second.

    The stock one starts a timer thread whenever its last one has finished, which under
    steady traffic is every other request (a thread start each: a few ms with the GIL).
    Counts are unchanged: a fixed window's counter expires on read either way.
    """

    STORAGE_SCHEME = ["claimdesk-memory"]
    SWEEP_SECONDS = 1.0

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.timer.cancel()
        self.next_sweep = time.monotonic() + self.SWEEP_SECONDS

    def _MemoryStorage__schedule_expiry(self) -> None:  # overrides the private method
        """Sweep now if the last sweep is a second old (instead of starting a thread)."""
        now = time.monotonic()
        if now >= self.next_sweep:
            self.next_sweep = now + self.SWEEP_SECONDS
            self._MemoryStorage__expire_events()  # type: ignore[attr-defined]


class RequestLimiter(Limiter):
    """flask-limiter's extension, with two per-request costs taken out (same answers).

    It reads its per-request state seven times a request, each a look-up through the
    ``flask.request_ctx`` proxy and a ``hasattr`` on it (about 14 Python calls): here
    one look-up of the same attribute on the request context itself. And it picks the
    limits a request has not yet been counted against by building ordered sets (about
    100 calls for our one application limit): here a list and a set test.
    """

    @property
    def context(self) -> LimiterContext:
        """This request's limiter state (made on first use), as the extension keeps it."""
        ctx = request_ctx._get_current_object()  # type: ignore[attr-defined]
        contexts = ctx.__dict__.get("_limiter_request_context")
        if contexts is None:
            contexts = ctx._limiter_request_context = defaultdict(LimiterContext)
        return contexts[self]

    def _Limiter__filter_limits(  # overrides the private method
        self, endpoint, blueprint, callable_name, in_middleware: bool = False
    ) -> list:
        """The limits to count this request against; the extension's own while its
        storage is down (it then falls back to memory)."""
        if self._storage_dead:
            return Limiter._Limiter__filter_limits(  # type: ignore[attr-defined]
                self, endpoint, blueprint, callable_name, in_middleware
            )
        if callable_name:
            name = callable_name
        else:
            view_func = current_app.view_functions.get(endpoint or "", None)
            name = get_qualified_name(view_func) if view_func else ""
        if self._Limiter__check_all_limits_exempt(endpoint):  # type: ignore[attr-defined]
            return []
        manager = self.limit_manager
        marked = name in self._marked_for_limiting or manager.has_hints(endpoint or "")
        defaults, decorated = manager.resolve_limits(
            current_app, endpoint, blueprint, name, in_middleware, marked
        )
        seen = self.context.seen_limits
        fresh = [limit for limit in dict.fromkeys(defaults) if limit not in seen]
        seen.update(fresh)
        return fresh + list(decorated)


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


# flask-limiter sends Retry-After on every response; only a 429 should carry it.
LIMITER_RETRY_AFTER = "X-RateLimit-Retry-After"


def retry_after_on_429(response):
    """Give a 429 the standard Retry-After header."""
    if response.status_code == 429 and LIMITER_RETRY_AFTER in response.headers:
        response.headers["Retry-After"] = response.headers[LIMITER_RETRY_AFTER]
    response.headers.pop(LIMITER_RETRY_AFTER, None)
    return response


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
    app.after_request(retry_after_on_429)  # registered first, so it runs after the limiter's
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
