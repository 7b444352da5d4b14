"""Conditional writes: If-Match when the client sends it, compare-and-set always."""

from collections.abc import Callable

from flask import request

from service.errors import VersionMismatch

ATTEMPTS = 3


def write_at_version(blp, load: Callable[[], dict], schema, write: Callable[[dict], object]):
    """Load, check If-Match, then write at the loaded version.

    Without If-Match a lost race is retried on fresh data, so a concurrent change is
    never overwritten silently; with If-Match it is a 412.
    """
    for _ in range(ATTEMPTS):
        current = load()
        blp.check_if_match(current, schema)
        try:
            return write(current)
        except VersionMismatch:
            if request.if_match:
                raise
    raise VersionMismatch("The resource kept changing during the request; try again")
