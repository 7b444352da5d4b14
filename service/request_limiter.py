"""flask-limiter's extension and in-process storage, with per-request costs taken out."""

import time
from collections import defaultdict
from functools import partial

from flask import Flask, current_app
from flask.globals import request_ctx
from flask_limiter import HeaderNames, Limiter
from flask_limiter._extension import LimiterContext
from flask_limiter.util import get_qualified_name
from limits import WindowStats
from limits.storage import MemoryStorage
from limits.strategies import FixedWindowRateLimiter

# flask-limiter sends Retry-After on every response; only a 429 should carry it.
LIMITER_RETRY_AFTER = "X-RateLimit-Retry-After"
# A response already carrying one of these goes the extension's way (it reads the first).
RETRY_HEADERS = frozenset({"retry-after", LIMITER_RETRY_AFTER.lower()})


def retry_after_on_429(response):
    """Give a 429 the standard Retry-After header (and no other response the limiter's)."""
    if response.status_code == 429 and LIMITER_RETRY_AFTER in response.headers:
        response.headers["Retry-After"] = response.headers[LIMITER_RETRY_AFTER]
    response.headers.pop(LIMITER_RETRY_AFTER, None)
    return response


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
    """flask-limiter's extension, with three per-request costs taken out (same answers).

    It reads its per-request state seven times a request, each a look-up through the
    ``flask.request_ctx`` proxy and a ``hasattr`` on it (about 14 Python calls): here
    one look-up of the same attribute on the request context itself. It picks the
    limits a request has not yet been counted against by building ordered sets (about
    100 calls for our one application limit): here a list and a set test. And its
    headers (``write_headers``) take one key and no Retry-After work on a response that
    is not a 429.
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

    def take_over_headers(self, app: Flask, position: int) -> None:
        """Answer the extension's after-request hook with ``write_headers``; when it has
        none (disabled) or one of another form, put ``retry_after_on_429`` at
        ``position`` (the hooks' length before the extension came: it then runs after
        the extension's)."""
        hooks = app.after_request_funcs.setdefault(None, [])
        inject = Limiter._Limiter__inject_headers  # type: ignore[attr-defined]
        for index, hook in enumerate(hooks):
            if isinstance(hook, partial) and hook.func is inject and hook.args == (self,):
                hooks[index] = self.write_headers
                return
        hooks.insert(position, retry_after_on_429)

    def write_headers(self, response):
        """The extension's rate-limit headers, then ``retry_after_on_429``."""
        if not self._plain_headers(response):
            response = Limiter._Limiter__inject_headers(self, response)  # type: ignore[attr-defined]
            return retry_after_on_429(response)
        return response

    def _plain_headers(self, response) -> bool:
        """Add X-RateLimit-Limit, -Remaining and -Reset to a response that is not a 429,
        as the extension does (its Retry-After would be dropped); False, adding nothing,
        for any response or state the extension treats otherwise."""
        context = self.context
        limit = context.view_rate_limit
        mapping = self._header_mapping
        if (
            response.status_code == 429
            or limit is None
            or context.conditional_deductions
            or not (self.enabled and self._headers_enabled)
            or self._storage_dead
            or mapping.get(HeaderNames.RETRY_AFTER) != LIMITER_RETRY_AFTER
            or type(self.limiter) is not FixedWindowRateLimiter
            or any(key.lower() in RETRY_HEADERS for key, _ in response.headers)
        ):
            return False
        window = limit._window
        if window is None:
            try:  # FixedWindowRateLimiter.get_window_stats, making the key once
                storage = self.limiter.storage
                remaining = max(0, limit.limit.amount - storage.get(limit.key))
                window = limit._window = WindowStats(storage.get_expiry(limit.key), remaining)
            except Exception:
                return False  # the extension's own path meets the error and handles it
        headers = response.headers
        headers.add(mapping[HeaderNames.LIMIT], str(limit.limit.amount))
        headers.add(mapping[HeaderNames.REMAINING], str(window[1]))
        headers.add(mapping[HeaderNames.RESET], str(int(window[0] + 1)))
        return True
