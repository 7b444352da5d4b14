"""Per-process state of one database: a lock for mongomock, the next-sequence hint."""

import contextlib
import threading
import weakref

from service.db import is_in_memory

_states: "weakref.WeakKeyDictionary[object, dict[str, StoreState]]" = weakref.WeakKeyDictionary()
_guard = threading.Lock()


class StoreState:
    """What the writers of one database in this process share."""

    def __init__(self, in_memory: bool):
        # mongomock's insert-if-absent and update-if-state are not atomic; in memory,
        # every user of the store is in this process, so a process lock makes them so.
        self.lock = threading.RLock() if in_memory else contextlib.nullcontext()
        # The highest sequence this process saw taken. Only ever too low (another
        # worker went further, which a duplicate key reveals), so it cannot open a gap.
        self.highest_seen = 0
        self.in_memory = in_memory
        # In memory only: reserved sequences whose write has not finished, by number.
        self.pending: dict[int, dict] = {}


def state_for(database) -> StoreState:
    """The shared state of ``database`` in this process."""
    client = database.client
    with _guard:
        try:
            by_name = _states.setdefault(client, {})
        except TypeError:  # a client wrapper that cannot be weakly referenced
            by_name = _states.setdefault(type(client), {})
        if database.name not in by_name:
            by_name[database.name] = StoreState(is_in_memory(client))
        return by_name[database.name]


def store_lock(database):
    """A lock shared by every user of an in-memory database; a no-op one on MongoDB."""
    return state_for(database).lock
