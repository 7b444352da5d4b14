"""Integrity races over HTTP: claims of a body no longer stored, and counter drift.

Starts the service as `make run` does (see bench/headofline.py; `--root` serves another
checkout, e.g. the code before a change) and runs, for `--rounds` rounds each:

- body races: a long body is PATCHed, and 30 ms later a short one (or `POST .../extract`
  races a PATCH); afterwards every unreviewed extracted claim must cover its text in the
  stored body (`body[start:end] == text`), else the round counts as stale;
- counter races: claims of an article are deleted while others are created (a barrier per
  round); afterwards the article's `claim_count` and each side's `claim_count` must equal
  the claims listed, else the round counts as drift.

Prints the rounds with stale claims and with drift (both must be 0). Loopback only.

    .venv/bin/python bench/integrity.py [--rounds 20] [--root PATH]
"""

import argparse
import json
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extraction_speed import build_articles
from headofline import free_port, start_server

from tests.consistency import run_together

SHORT = "The minister said that the budget would be balanced by next spring."


def raise_failures(results: list) -> None:
    """Re-raise the first exception a racing request raised."""
    for result in results:
        if isinstance(result, Exception):
            raise result


def stale(base: str, article_id: str) -> bool:
    """Whether an unreviewed extracted claim does not cover its text in the stored body."""
    body = requests.get(f"{base}/articles/{article_id}", timeout=60).json()["body"]
    claims = requests.get(
        f"{base}/articles/{article_id}/claims", params={"per_page": 100}, timeout=60
    ).json()["items"]
    for claim in claims:
        if claim["origin"] != "extracted" or claim["review"]["status"] != "unreviewed":
            continue
        span = claim["span"]
        if span is None or body[span["start"] : span["end"]] != claim["text"]:
            return True
    return False


def body_round(base: str, long_body: str, number: int) -> bool:
    """One body race; True when it left stale claims."""
    created = requests.post(
        f"{base}/articles?extract=false",
        json={"title": f"Race {number}", "body": f"{long_body}\n\nRound {number}."},
        timeout=120,
    ).json()
    url = f"{base}/articles/{created['id']}"

    def late(call):
        time.sleep(0.03)
        return call()

    first = (
        (lambda: requests.patch(url, json={"body": f"{long_body} ({number})"}, timeout=300))
        if number % 2
        else (lambda: requests.post(f"{url}/extract", timeout=300))
    )
    raise_failures(
        run_together(
            first, lambda: late(lambda: requests.patch(url, json={"body": SHORT}, timeout=300))
        )
    )
    return stale(base, created["id"])


def counter_round(base: str, article_id: str, side_ids: list[str], number: int) -> bool:
    """One counter race; True when a counter drifted."""

    def create(side_id):
        claim = {"article_id": article_id, "text": f"claim {number}", "kind": "position",
                 "side_id": side_id}  # fmt: skip
        return requests.post(f"{base}/claims", json=claim, timeout=60).json()["id"]

    doomed = [create(side_ids[n % 2]) for n in range(3)]
    raise_failures(
        run_together(
            *(lambda c=c: requests.delete(f"{base}/claims/{c}", timeout=60) for c in doomed),
            *(lambda s=s: create(s) for s in [*side_ids, None]),
        )
    )
    article = requests.get(f"{base}/articles/{article_id}", timeout=60).json()
    listed = requests.get(f"{base}/articles/{article_id}/claims", timeout=60).json()["total"]
    drift = article["claim_count"] != listed
    for side_id in side_ids:
        side = requests.get(f"{base}/sides/{side_id}", timeout=60).json()
        total = requests.get(f"{base}/claims", params={"side": side_id}, timeout=60).json()
        drift |= side["claim_count"] != total["total"]
    return drift


def main() -> int:
    """Serve, race, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--root", default=None, help="serve this checkout instead")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the server")
    args = parser.parse_args()
    port = free_port()
    server = start_server(port, args.env, args.root)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        long_body = build_articles(600)[0][0]
        stale_rounds = sum(body_round(base, long_body, n) for n in range(args.rounds))
        sides = [
            requests.post(f"{base}/sides", json={"name": f"Bench side {n}"}, timeout=60).json()
            for n in range(2)
        ]
        article = requests.post(
            f"{base}/articles?extract=false",
            json={"title": "Counters", "body": f"Counter races. {SHORT}"},
            timeout=60,
        ).json()
        drift_rounds = sum(
            counter_round(base, article["id"], [s["id"] for s in sides], n)
            for n in range(args.rounds)
        )
    finally:
        server.terminate()
        server.wait(timeout=60)
    print(f"body races: {stale_rounds} of {args.rounds} rounds left stale claims")
    print(f"counter races: {drift_rounds} of {args.rounds} rounds left a counter drifted")
    report = {"rounds": args.rounds, "stale_rounds": stale_rounds, "drift_rounds": drift_rounds}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
