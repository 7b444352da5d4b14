"""Conditional writes: If-Match when the client sends it, compare-and-set always."""

import random
import time
from collections.abc import Callable

from service.errors import Conflict, VersionMismatch
from service.http.preconditions import if_match_sent

# Enough for a handful of writers racing on one document; each lost race means another
# writer's change landed, so the loop settles unless the document is hammered without end.
ATTEMPTS = 12
BACKOFF_SECONDS = 0.002


def write_at_version(blp, load: Callable[[], dict], schema, write: Callable[[dict], object]):
    """Load, check If-Match, then write at the loaded version.

    With If-Match a lost race is a 412 (the client's precondition failed). Without it,
    a lost race is retried on fresh data (a concurrent change is never overwritten),
    and a write that cannot settle is a 409: a 412 answers a precondition never sent.
    """
    for attempt in range(ATTEMPTS):
        current = load()
        blp.check_if_match(current, schema)
        try:
            return write(current)
        except VersionMismatch:
            if if_match_sent():
                raise
        # Jittered back-off, so racing writers stop colliding in lock-step.
        time.sleep(random.uniform(0, BACKOFF_SECONDS * (attempt + 1)))
    raise Conflict("The resource kept changing during the request; try again")
