"""Races against a running Claimdesk: lost updates and If-Match admitting several writers.

Each round releases WRITERS threads at once (a barrier) against one claim:
- lost-update rounds: each thread PATCHes a different field without If-Match; afterwards
  every field must hold its new value and the version must have moved by WRITERS;
- If-Match rounds: every thread PATCHes with the same ETag; exactly one may get 200.
The store is first filled with claims (a large store widens the race windows of a
non-atomic compare-and-set). Loopback only; bounded in rounds and in seconds.

    make run   # elsewhere: gunicorn, 1 worker x 4 threads, in memory
    .venv/bin/python bench/concurrency.py [--url http://127.0.0.1:8000] [--rounds 30]
        [--fill 9000] [--key KEY] [--seconds 300]
"""

import argparse
import ipaddress
import socket
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.consistency import DISJOINT_PATCHES

API = "/api/v1"
WRITERS = 4


def loopback_only(url: str) -> None:
    """Refuse to load anything but this machine."""
    host = urlsplit(url).hostname or ""
    address = ipaddress.ip_address(socket.gethostbyname(host))
    if not address.is_loopback:
        sys.exit(f"refusing {url}: this benchmark only runs against loopback")


class Client:
    """requests with the base URL and key applied."""

    def __init__(self, base: str, key: str | None):
        self.base = base
        self.headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.local = threading.local()

    def session(self) -> requests.Session:
        """One session per thread (connection reuse)."""
        if not hasattr(self.local, "session"):
            self.local.session = requests.Session()
            self.local.session.headers.update(self.headers)
        return self.local.session

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        """One request, 30 s at most."""
        return self.session().request(method, self.base + path, timeout=30, **kwargs)


def fill(client: Client, count: int, deadline: float) -> str:
    """An article and ``count`` claims in it; the id of the article."""
    body = "Officials said the plan works. " * 40
    article = client.call(
        "POST", f"{API}/articles?extract=false", json={"title": f"Race {time.time()}", "body": body}
    )
    article.raise_for_status()
    article_id = article.json()["id"]

    def one(_):
        if time.monotonic() > deadline:
            return None
        payload = {"article_id": article_id, "text": "the plan works", "kind": "indirect"}
        return client.call("POST", f"{API}/claims", json=payload).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(one, range(count)))
    made = statuses.count(201)
    print(f"store: {made} claims made for the race ({len(statuses) - made} not made)")
    return article_id


def race(client: Client, requests_to_send: list[tuple[str, str, dict]]) -> list[int]:
    """Send every request from its own thread, released together; their statuses."""
    barrier = threading.Barrier(len(requests_to_send))

    def send(request):
        method, path, kwargs = request
        barrier.wait(timeout=30)
        return client.call(method, path, **kwargs).status_code

    with ThreadPoolExecutor(len(requests_to_send)) as pool:
        return list(pool.map(send, requests_to_send))


def new_claim(client: Client, article_id: str) -> str:
    """A fresh claim to race on."""
    payload = {"article_id": article_id, "text": "the plan works", "kind": "direct"}
    response = client.call("POST", f"{API}/claims", json=payload)
    response.raise_for_status()
    return response.json()["id"]


def lost_update_round(client: Client, claim_id: str, number: int) -> dict:
    """One round of writers on different fields; what was lost."""
    path = f"{API}/claims/{claim_id}"
    before = client.call("GET", path).json()
    patches = [make(number) for make in DISJOINT_PATCHES[:WRITERS]]
    statuses = race(client, [("PATCH", path, {"json": patch}) for patch in patches])
    after = client.call("GET", path).json()
    acknowledged = [p for p, s in zip(patches, statuses, strict=True) if s == 200]
    lost = sum(1 for p in acknowledged for f, v in p.items() if after.get(f) != v)
    versions_lost = before["version"] + len(acknowledged) - after["version"]
    return {"statuses": statuses, "lost": lost + max(0, versions_lost)}


def if_match_round(client: Client, claim_id: str, number: int) -> dict:
    """One round of writers with the same ETag; how many were let in."""
    path = f"{API}/claims/{claim_id}"
    etag = client.call("GET", path).headers["ETag"]
    statuses = race(
        client,
        [
            ("PATCH", path, {"json": make(number), "headers": {"If-Match": etag}})
            for make in DISJOINT_PATCHES[:WRITERS]
        ],
    )
    return {"statuses": statuses, "admitted": statuses.count(200)}


def main() -> None:
    """Fill, race, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--key", default=None, help="an editor API key when AUTH=required")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--fill", type=int, default=9000, help="claims to add before racing")
    parser.add_argument("--seconds", type=float, default=300, help="stop after this long")
    args = parser.parse_args()
    loopback_only(args.url)
    started = time.monotonic()
    deadline = started + args.seconds
    client = Client(args.url.rstrip("/"), args.key)
    article_id = fill(client, args.fill, deadline)
    lost_rounds = lost_total = multi_admit = errors = conflicts = rounds = 0
    for number in range(args.rounds):
        if time.monotonic() > deadline:
            break
        lost = lost_update_round(client, new_claim(client, article_id), number)
        admit = if_match_round(client, new_claim(client, article_id), number)
        rounds += 1
        lost_total += lost["lost"]
        lost_rounds += lost["lost"] > 0
        multi_admit += admit["admitted"] > 1
        statuses = lost["statuses"] + admit["statuses"]
        errors += sum(s >= 500 for s in statuses)
        conflicts += sum(s in (409, 412) for s in lost["statuses"])
    print(f"rounds: {rounds} x {WRITERS} writers in {time.monotonic() - started:.1f} s")
    print(f"lost updates: {lost_total} (rounds with a loss: {lost_rounds})")
    print(f"If-Match rounds admitting more than one writer: {multi_admit}")
    print(f"409/412 to writers without If-Match: {conflicts}")
    print(f"5xx responses: {errors}")
    sys.exit(1 if lost_total or multi_admit or errors else 0)


if __name__ == "__main__":
    main()
