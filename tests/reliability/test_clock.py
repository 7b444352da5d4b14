"""The store's clock: naive UTC, to the millisecond, the system's now."""

import datetime as dt

from service.clock import utcnow


def test_stamps_are_naive_utc_milliseconds_of_now():
    for _ in range(200):
        before = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        stamp = utcnow()
        after = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        assert stamp.tzinfo is None
        assert stamp.microsecond % 1000 == 0
        assert before - dt.timedelta(milliseconds=1) < stamp <= after
