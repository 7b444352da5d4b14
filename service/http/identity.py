"""Who is making the current request."""

from flask import g


def current_actor() -> str | None:
    """The name of the API key of this request, if any."""
    return g.get("actor")
