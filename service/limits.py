"""Rate limits per API key (or per client address when anonymous), via flask-limiter."""

import time

from flask import Flask, current_app, g, request
from flask_limiter import HeaderNames, Limiter
from flask_limiter.util import get_remote_address
from limits import parse

from service.http.paths import is_open


def limit_key() -> str:
    """Who a request counts against: its key's name, else its address."""
    actor = g.get("actor")
    return f"key:{actor}" if actor else f"addr:{get_remote_address()}"


def exempt() -> bool:
    """Probes, metrics and docs are never limited."""
    return is_open(request.path)


EXTENSION = "claimdesk.limiter"


def auth_failure_limited() -> int:
    """Count a failed authentication for this address; seconds to wait once over the limit."""
    limiter = current_app.extensions.get(EXTENSION)
    setting = current_app.config["AUTH_FAILURE_LIMIT"]
    if limiter is None or not limiter.enabled or not setting:
        return 0
    item, address = parse(setting), get_remote_address()
    if limiter.limiter.hit(item, "auth-failure", address):
        return 0
    reset_at = limiter.limiter.get_window_stats(item, "auth-failure", address).reset_time
    return max(1, int(reset_at - time.time()))


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
        "RATELIMIT_STORAGE_URI", config["MONGO_URI"] if config["MONGO_URI"] else "memory://"
    )
    timeout = config["MONGO_TIMEOUT_MS"]
    # The limiter's own MongoDB client must give up as fast as the service's does.
    app.config.setdefault(
        "RATELIMIT_STORAGE_OPTIONS",
        {"serverSelectionTimeoutMS": timeout, "connectTimeoutMS": timeout}
        if config["MONGO_URI"]
        else {},
    )
    app.config.setdefault("RATELIMIT_HEADERS_ENABLED", True)
    app.config.setdefault("RATELIMIT_KEY_PREFIX", "claimdesk")
    app.config.setdefault("RATELIMIT_SWALLOW_ERRORS", True)
    app.after_request(retry_after_on_429)  # registered first, so it runs after the limiter's
    limiter = Limiter(
        key_func=limit_key,
        app=app,
        default_limits=[config["RATE_LIMIT"]] if config["RATE_LIMIT"] else [],
        default_limits_exempt_when=exempt,
        enabled=config["RATE_LIMIT_ENABLED"],
        strategy="fixed-window",
        header_name_mapping={HeaderNames.RETRY_AFTER: LIMITER_RETRY_AFTER},
    )
    app.extensions[EXTENSION] = limiter
    return limiter
