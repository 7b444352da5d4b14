"""HTTP benchmark of the embedded default: generated data, gunicorn, concurrent clients.

The server (this process) fills the in-memory store with generated articles, claims
and sides, then serves it with gunicorn (one worker, threads); a second process drives
it over HTTP with a few concurrent clients for a fixed time per scenario and prints
requests per second and p50 / p99 latency.

    .venv/bin/python bench/api.py [--articles 2000] [--claims 10000] [--seconds 10]
"""

import argparse
import json
import multiprocessing
import os
import random
import socket
import statistics
import sys
import threading
import time

import requests
from bson import ObjectId
from gunicorn.app.base import BaseApplication

from service.app import create_app
from service.articles.repository import ArticleRepository, content_hash
from service.claims.repository import ClaimRepository
from service.db import get_db
from service.sides.repository import SideRepository

WORDS = [
    "government",
    "minister",
    "said",
    "talks",
    "sanctions",
    "border",
    "election",
    "vote",
    "economy",
    "trade",
    "union",
    "strike",
    "pilots",
    "court",
    "ruling",
    "policy",
    "budget",
    "health",
    "vaccine",
    "energy",
    "gas",
    "pipeline",
    "summit",
    "security",
    "troops",
    "ceasefire",
    "report",
    "inquiry",
    "council",
    "mayor",
    "city",
    "tax",
    "housing",
    "climate",
]


def fill(app, n_articles: int, n_claims: int, seed: int = 7) -> dict:
    """Generate sides, articles and claims straight into the store (not over HTTP)."""
    rng = random.Random(seed)
    with app.app_context():
        db = get_db()
        sides = [
            SideRepository(db).create({"name": f"Side {i}", "aliases": [f"alias{i}"]}, "bench")
            for i in range(4)
        ]
        articles_repo, claims_repo = ArticleRepository(db), ClaimRepository(db)
        articles = []
        for i in range(n_articles):
            body = " ".join(rng.choice(WORDS) for _ in range(200)) + f" story {i}."
            data = {
                "title": f"Story {i}",
                "body": body,
                "source": f"outlet{i % 7}",
                "tags": [rng.choice(WORDS)],
                "published_at": None,
            }
            doc = {
                **data,
                "language": "en",
                "authors": [],
                "content_hash": content_hash(body),
                "side_ids": [],
                "claim_count": 0,
                "extraction": {"status": "skipped", "extractor": None, "extracted_at": None},
            }
            articles.append(articles_repo.stamp_new({"_id": ObjectId(), **doc}, "bench"))
        claims = []
        for i in range(n_claims):
            article = articles[i % n_articles]
            start = rng.randrange(0, 800)
            text = article["body"][start : start + 60].strip() or article["body"][:40]
            side = rng.choice(sides)
            claim = {
                "text": text,
                "kind": rng.choice(["direct", "indirect", "position"]),
                "side_id": side["_id"],
                "speaker": {"name": "Someone"},
            }
            claims.append(claims_repo.new_document(claim, article, "extracted", "bench"))
            article["claim_count"] += 1
            if side["_id"] not in article["side_ids"]:
                article["side_ids"].append(side["_id"])
            side["claim_count"] += 1
        # Straight bulk writes: the generated data is unique by construction.
        articles_repo.collection.insert_many(articles)
        claims_repo.collection.insert_many(claims)
        for side in sides:
            db.sides.update_one(
                {"_id": side["_id"]}, {"$set": {"claim_count": side["claim_count"]}}
            )
    return {
        "sides": [s["slug"] for s in sides],
        "articles": [str(a["_id"]) for a in articles],
        "claims": [str(c["_id"]) for c in claims],
    }


def serve(app, port: int, threads: int) -> None:
    """Serve the app with gunicorn (one worker: the in-memory store is one process)."""

    class Server(BaseApplication):
        def load_config(self):
            for key, value in {
                "bind": f"127.0.0.1:{port}",
                "workers": 1,
                "threads": threads,
                "worker_class": "gthread",
                "loglevel": "warning",
                "accesslog": None,
            }.items():
                self.cfg.set(key, value)

        def load(self):
            return app

    Server().run()


def scenario_request(name: str, base: str, session, ids: dict, rng, etags: dict):
    """One request of a scenario; returns the status."""
    if name == "list claims by side":
        return session.get(f"{base}/claims", params={"side": rng.choice(ids["sides"])})
    if name == "get article":
        return session.get(f"{base}/articles/{rng.choice(ids['articles'])}")
    if name == "create claim":
        body = {
            "article_id": rng.choice(ids["articles"]),
            "text": "a new claim",
            "kind": "position",
        }
        return session.post(f"{base}/claims", json=body)
    claim_id = rng.choice(ids["claims"][:200])
    current = session.get(f"{base}/claims/{claim_id}")
    return session.patch(
        f"{base}/claims/{claim_id}",
        json={"confidence": rng.random()},
        headers={"If-Match": current.headers["ETag"]},
    )


def drive(base: str, ids: dict, clients: int, seconds: float, out) -> None:
    """Client process: run each scenario with concurrent clients; report numbers."""
    results = {}
    for name in ("list claims by side", "get article", "create claim", "patch claim (If-Match)"):
        latencies, errors, lock = [], [0], threading.Lock()
        deadline = time.perf_counter() + seconds

        def client(
            worker: int, name=name, latencies=latencies, errors=errors, lock=lock, deadline=deadline
        ):
            rng, session = random.Random(worker), requests.Session()
            while time.perf_counter() < deadline:
                started = time.perf_counter()
                response = scenario_request(name, base, session, ids, rng, {})
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    # A 412 is If-Match doing its job when two clients PATCH one claim.
                    errors[0] += response.status_code >= 400 and response.status_code != 412

        workers = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        latencies.sort()
        results[name] = {
            "requests": len(latencies),
            "rps": round(len(latencies) / seconds, 1),
            "p50_ms": round(statistics.median(latencies) * 1000, 2),
            "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1] * 1000, 2),
            "errors": errors[0],
        }
    out.put(results)


def free_port() -> int:
    """An unused loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    """Fill, serve, drive, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--claims", type=int, default=10000)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    os.environ.pop("MONGO_URI", None)
    app = create_app(
        {
            "LOAD_SEEDS": False,
            "EXTRACTION_ENABLED": False,
            "AUTH": "off",
            "RATE_LIMIT_ENABLED": False,
        }
    )
    started = time.perf_counter()
    ids = fill(app, args.articles, args.claims)
    print(
        f"generated {args.articles} articles, {args.claims} claims, 4 sides "
        f"in {time.perf_counter() - started:.1f}s",
        file=sys.stderr,
    )
    port = free_port()
    server = multiprocessing.get_context("fork").Process(
        target=serve, args=(app, port, args.threads), daemon=True
    )
    server.start()
    base = f"http://127.0.0.1:{port}/api/v1"
    for _ in range(100):
        try:
            requests.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            break
        except requests.ConnectionError:
            time.sleep(0.1)
    queue = multiprocessing.get_context("spawn").Queue()
    client = multiprocessing.get_context("spawn").Process(
        target=drive, args=(base, ids, args.clients, args.seconds, queue)
    )
    client.start()
    results = queue.get()
    client.join()
    server.terminate()
    print(f"{'scenario':<26}{'rps':>8}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}")
    for name, row in results.items():
        print(f"{name:<26}{row['rps']:>8}{row['p50_ms']:>9}{row['p99_ms']:>9}{row['errors']:>8}")
    print(json.dumps({"clients": args.clients, "seconds": args.seconds, "results": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
