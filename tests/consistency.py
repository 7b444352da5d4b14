"""Helpers for the integrity tests: what every article must satisfy, gated and crashing doubles."""

import threading
import time

from tests.doubles import _Proxy

WRITES = frozenset(
    {
        "insert_one",
        "insert_many",
        "update_one",
        "update_many",
        "replace_one",
        "delete_one",
        "delete_many",
        "bulk_write",
        "find_one_and_update",
        "find_one_and_replace",
        "find_one_and_delete",
    }
)


# One field per writer: every writer changes something the others do not touch.
DISJOINT_PATCHES = [
    lambda n: {"cue": f"cue-{n}"},
    lambda n: {"confidence": round(0.01 * (n % 90 + 1), 2)},
    lambda n: {"tags": [f"tag-{n}"]},
    lambda n: {"speaker": {"name": f"Speaker {n}", "title": None, "type": "person"}},
]


def statements(extractor, body: str) -> list[tuple[str, str]]:
    """(speaker, text) of every claim ``extractor`` finds in ``body``, in body order."""
    result = extractor.extract(body, sides=[], auto_sides=False)
    return [(c["speaker"]["name"], c["text"]) for c in result.claims]


def assert_consistent(db, article_id, extractor=None) -> None:
    """The article's counters, spans and extracted claims agree with what is stored."""
    article = db.articles.find_one({"_id": article_id})
    claims = list(db.claims.find({"article_id": article_id}))
    assert article["claim_count"] == len(claims), "claim_count drifted"
    sides = {c["side_id"] for c in claims} - {None}
    assert sorted(article["side_ids"]) == sorted(sides), "side_ids drifted"
    body = article["body"]
    for claim in claims:
        if claim["origin"] == "extracted" and claim["review"]["status"] == "unreviewed":
            span = claim["span"]
            assert span is not None, claim
            assert body[span["start"] : span["end"]] == claim["text"], "claim of another body"
    if extractor is not None and article["extraction"]["status"] == "done":
        extracted = sorted(
            (c["speaker"]["name"], c["text"])
            for c in claims
            if c["origin"] == "extracted" and c["review"]["status"] == "unreviewed"
        )
        assert extracted == sorted(statements(extractor, body)), "claims of another body"


def assert_side_counts(db) -> None:
    """Every side's claim_count is the number of claims attributed to it."""
    for side in db.sides.find({}):
        assert side["claim_count"] == db.claims.count_documents({"side_id": side["_id"]}), side


def run_together(*actions, rounds_barrier: threading.Barrier | None = None) -> list:
    """Run ``actions`` in threads released at once by a barrier; their results in order."""
    barrier = rounds_barrier or threading.Barrier(len(actions))
    results: list = [None] * len(actions)

    def run(index, action):
        barrier.wait()
        try:
            results[index] = action()
        except Exception as exc:  # reported to the test, which decides
            results[index] = exc

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def run_writers_and_consumer(write, writers: int, consume, done: threading.Event) -> None:
    """Run ``writers`` threads of ``write(n)`` beside one ``consume()``; set ``done`` after them."""
    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    consumer = threading.Thread(target=consume)
    for thread in [*threads, consumer]:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    consumer.join(timeout=60)
    assert not consumer.is_alive(), "the consumer did not catch up within 60 s"


class GatedExtractor:
    """Wraps an extractor: a text containing ``marker`` waits for ``release`` before returning;
    ``started`` is set when it begins. Other texts run at once (or after ``delay``)."""

    def __init__(self, inner, marker: str = "HOLD", delay_per_char: float = 0.0):
        self.inner = inner
        self.name, self.version = inner.name, inner.version
        self.marker = marker
        self.delay_per_char = delay_per_char
        self.started = threading.Event()
        self.release = threading.Event()

    def extract(self, text, sides=None, auto_sides=True):
        """Extract with the inner extractor, held while the text has the marker."""
        result = self.inner.extract(text, sides=sides, auto_sides=auto_sides)
        if self.delay_per_char:
            time.sleep(self.delay_per_char * len(text))
        if self.marker in text:
            self.started.set()
            assert self.release.wait(timeout=20), "the test never released the extraction"
        return result


READS = frozenset({"find", "find_one", "count_documents", "distinct", "aggregate"})


class Interposer:
    """What the wrapped store does around calls: crash on an armed write, sleep after reads,
    and one call at a time.

    When ``armed``, the next write to ``crash_on`` raises ``crash`` (by default Killed: the
    'process' dies); every read of a collection in ``slow`` returns ``read_delay`` seconds
    late (its answer already stale). Calls are serialised, as MongoDB serialises the
    operations on one document (the in-memory store does not yet), so races test our own
    multi-step logic and not mongomock's. (``find`` is read at once, into a list: list
    endpoints, which page a cursor, are not for apps on this store.)
    """

    def __init__(self, crash_on: str = "claims", slow=(), read_delay: float = 0.0, crash=None):
        self.crash_on = crash_on
        self.crash = crash
        self.armed = False
        self.slow = frozenset(slow)
        self.read_delay = read_delay
        self.lock = threading.Lock()

    def before(self, collection: str, method: str) -> None:
        """Raise on the first armed write to the watched collection."""
        if self.armed and collection == self.crash_on and method in WRITES:
            self.armed = False
            raise self.crash or Killed(f"killed before {collection}.{method}")

    def after(self, collection: str, method: str) -> None:
        """Hold a read's answer back for a while."""
        if collection in self.slow and method in READS:
            time.sleep(self.read_delay)


class Killed(BaseException):
    """The process died here: nothing below this point runs, no handler sees it."""


class InterposedCollection(_Proxy):
    """A collection whose calls go through the interposer."""

    def __init__(self, inner, switch: Interposer, name: str):
        super().__init__(inner, None)
        self._switch = switch
        self._name = name

    def __getattr__(self, attr):
        value = getattr(self._inner, attr)
        if attr not in WRITES | READS:
            return value

        def call(*args, **kwargs):
            self._switch.before(self._name, attr)
            with self._switch.lock:
                result = value(*args, **kwargs)
                if attr in ("find", "aggregate"):
                    result = list(result)  # read now, inside the lock
            self._switch.after(self._name, attr)
            return result

        return call


class InterposedDatabase(_Proxy):
    """A database whose collections go through the interposer."""

    def __init__(self, inner, switch: Interposer):
        super().__init__(inner, None)
        self._switch = switch

    def __getitem__(self, name):
        return InterposedCollection(self._inner[name], self._switch, name)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name in {"name", "client", "command", "list_collection_names"}:
            return getattr(self._inner, name)
        return self[name]


class InterposedClient(_Proxy):
    """A client (in memory or MongoDB) whose databases go through the interposer."""

    def __init__(self, inner, switch: Interposer, in_memory: bool):
        super().__init__(inner, None)
        self.in_memory = in_memory
        self._switch = switch

    def __getitem__(self, name):
        return InterposedDatabase(self._inner[name], self._switch)

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def drop_database(self, name):
        """Clean-up always works."""
        return self._inner.drop_database(name)
