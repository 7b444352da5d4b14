"""Change feed lag under sustained writes (the embedded store, in process).

Writer threads create and patch sides and articles through the API as fast as they can
for a fixed time; a consumer follows GET /api/v1/changes every ``--poll`` seconds.
Prints the write rate, the feed's lag behind the writes (in changes and in seconds from
commit to being handed out) and checks that every change arrived exactly once, in order.

    .venv/bin/python bench/feed.py [--writers 8] [--seconds 10] [--poll 0.1]
"""

import argparse
import datetime as dt
import statistics
import sys
import threading
import time

import mongomock

from service.app import create_app
from service.changes.repository import ChangeRepository
from service.db import EXTENSION

API = "/api/v1"


def make_app():
    """The app on a fresh in-memory store, extraction and rate limits off."""
    settings = {
        "TESTING": True,
        "LOAD_SEEDS": False,
        "EXTRACTION_ENABLED": False,
        "AUTH": "off",
        "RATE_LIMIT_ENABLED": False,
        "WEBHOOKS_DISPATCHER": "off",
    }
    return create_app(settings, mongo_client=mongomock.MongoClient())


def writer(app, n: int, stop: threading.Event, counts: list):
    """Create a side and an article, then patch them, until stopped."""
    client, i = app.test_client(), 0
    while not stop.is_set():
        i += 1
        side = client.post(f"{API}/sides", json={"name": f"w{n} side {i}"}).get_json()
        body = {"title": f"w{n} story {i}", "body": f"Writer {n} wrote story {i}."}
        article = client.post(f"{API}/articles?extract=false", json=body).get_json()
        client.patch(f"{API}/sides/{side['id']}", json={"description": "patched"})
        client.patch(f"{API}/articles/{article['id']}", json={"tags": ["bench"]})
        counts[n] += 4


def consumer(app, done: threading.Event, poll: float, seen: list, lags: list):
    """Follow the feed, noting each change's lag from its commit time."""
    client = app.test_client()
    cursor = ""  # from the oldest change kept: the store starts empty
    while True:
        finished = done.is_set()  # read before the page: a last write is then on it
        after = f"after={cursor}&" if cursor else ""
        page = client.get(f"{API}/changes?{after}limit=1000").get_json()
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        for item in page["items"]:
            at = dt.datetime.fromisoformat(item["at"].removesuffix("Z"))
            lags.append((now - at).total_seconds())
            seen.append(item["cursor"])
        cursor = page["next"]
        if finished and not page["items"]:
            return
        time.sleep(poll)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--poll", type=float, default=0.1)
    args = parser.parse_args()
    app = make_app()
    stop, done = threading.Event(), threading.Event()
    counts: list[int] = [0] * args.writers
    seen: list[str] = []
    lags: list[float] = []
    threads = [
        threading.Thread(target=writer, args=(app, n, stop, counts)) for n in range(args.writers)
    ]
    reader = threading.Thread(target=consumer, args=(app, done, args.poll, seen, lags))
    reader.start()
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    behind: list[int] = []
    changes = ChangeRepository(app.extensions[EXTENSION].database)
    while time.perf_counter() - started < args.seconds:
        time.sleep(0.5)
        behind.append(changes.highest() - len(seen))
    stop.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    done.set()
    reader.join()
    writes = sum(counts)
    duplicates = len(seen) - len(set(seen))
    print(f"writers: {args.writers}, {elapsed:.1f} s, {writes} writes ({writes / elapsed:.0f}/s)")
    print(
        f"changes handed out: {len(seen)} (duplicates {duplicates}, missing {writes - len(seen)})"
    )
    if lags:
        lags.sort()
        p99 = lags[int(len(lags) * 0.99) - 1]
        print(
            f"lag commit -> consumer: p50 {statistics.median(lags) * 1000:.0f} ms, "
            f"p99 {p99 * 1000:.0f} ms, max {lags[-1] * 1000:.0f} ms (poll every {args.poll} s)"
        )
    if behind:
        print(
            f"lag in changes (sampled every 0.5 s): mean {statistics.mean(behind):.1f}, "
            f"max {max(behind)}"
        )
    return 0 if duplicates == 0 and writes == len(seen) else 1


if __name__ == "__main__":
    sys.exit(main())
