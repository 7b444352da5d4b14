"""The one clock the store stamps documents with."""

import datetime as dt


def utcnow() -> dt.datetime:
    """Now, as the naive UTC datetime MongoDB stores (millisecond precision)."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)
