"""Paths anyone may call: probes, metrics, the API documentation and the desk's pages."""

# The desk's pages and assets hold no data: their scripts call /api/v1 with the key.
OPEN_PATHS = ("/healthz", "/readyz", "/metrics", "/api/v1/openapi.json", "/api/v1/docs", "/desk")
OPEN_EXACTLY = ("/api/v1", "/api/v1/")  # the root only, not what is under it


def is_open(path: str) -> bool:
    """Whether a path needs no key and counts against no limit."""
    return path in OPEN_EXACTLY or any(path == p or path.startswith(p + "/") for p in OPEN_PATHS)
