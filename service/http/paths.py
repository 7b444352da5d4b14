"""Paths anyone may call: probes, metrics, the API documentation and the desk's pages."""

# The desk's pages and assets hold no data: their scripts call /api/v1 with the key.
OPEN_PATHS = ("/healthz", "/readyz", "/metrics", "/api/v1/openapi.json", "/api/v1/docs", "/desk")
OPEN_EXACTLY = ("/api/v1", "/api/v1/")  # the root only, not what is under it
# Asked twice on every request (auth, limiter): one set look-up and one prefix test.
_OPEN_EXACT = frozenset((*OPEN_EXACTLY, *OPEN_PATHS))
_OPEN_UNDER = tuple(p + "/" for p in OPEN_PATHS)


def is_open(path: str) -> bool:
    """Whether a path needs no key and counts against no limit."""
    return path in _OPEN_EXACT or path.startswith(_OPEN_UNDER)
