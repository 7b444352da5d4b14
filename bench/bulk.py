"""Bulk import against one POST per article: articles per second, real extractor, in process.

The embedded default (in-memory store) with the shipped extractor: the same generated
articles (gold bodies from bench/gold/, each made unique) are stored once by
POST /api/v1/articles one at a time and once by a single POST /api/v1/articles/bulk,
each on a fresh store, after a warm-up. Prints articles per second for both and the
ratio, and checks both stored the same number of claims.

    .venv/bin/python bench/bulk.py [--articles 48] [--batch 16]
"""

import argparse
import json
import sys
import time
from pathlib import Path

import mongomock

from service.app import create_app
from service.extraction import Extractor

GOLD = Path(__file__).resolve().parent / "gold"
API = "/api/v1"


def articles(count: int) -> list[dict]:
    """``count`` articles from the gold bodies, each with a line that makes it unique."""
    bodies = [json.loads(p.read_text("utf-8"))["body"] for p in sorted(GOLD.glob("*.json"))]
    return [
        {"title": f"Bench {n}", "body": f"{bodies[n % len(bodies)]}\n\nBench story {n}."}
        for n in range(count)
    ]


def app_with(extractor: Extractor, batch: int):
    """A fresh in-memory app that extracts with ``extractor``."""
    settings = {
        "TESTING": True,
        "LOAD_SEEDS": False,
        "AUTH": "off",
        "RATE_LIMIT_ENABLED": False,
        "BULK_BATCH": batch,
    }
    return create_app(settings, mongo_client=mongomock.MongoClient(), extractor=extractor)


def one_by_one(extractor: Extractor, items: list[dict], batch: int) -> tuple[float, int]:
    """Seconds to POST each article, and the claims stored."""
    client = app_with(extractor, batch).test_client()
    started = time.perf_counter()
    claims = 0
    for item in items:
        response = client.post(f"{API}/articles", json=item)
        assert response.status_code == 201, response.get_json()
        claims += response.get_json()["claim_count"]
    return time.perf_counter() - started, claims


def in_bulk(extractor: Extractor, items: list[dict], batch: int) -> tuple[float, int]:
    """Seconds to import the articles in one bulk request, and the claims stored."""
    app = app_with(extractor, batch)
    client = app.test_client()
    body = "".join(json.dumps(item) + "\n" for item in items)
    started = time.perf_counter()
    response = client.post(
        f"{API}/articles/bulk", data=body, headers={"Content-Type": "application/x-ndjson"}
    )
    results = [json.loads(line) for line in response.get_data(as_text=True).splitlines()]
    elapsed = time.perf_counter() - started
    assert all(r["status"] == 201 for r in results), results[:3]
    claims = sum(client.get(f"{API}/articles/{r['id']}").get_json()["claim_count"] for r in results)
    return elapsed, claims


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--batch", type=int, default=16)
    args = parser.parse_args()
    extractor = Extractor()
    extractor.extract_many([item["body"] for item in articles(4)])  # load and warm the model
    items = articles(args.articles)
    words = sum(len(item["body"].split()) for item in items) / len(items)
    single, single_claims = one_by_one(extractor, items, args.batch)
    bulk, bulk_claims = in_bulk(extractor, items, args.batch)
    print(f"{len(items)} articles of {words:.0f} words on average, batch of {args.batch}")
    print(f"one POST per article: {len(items) / single:6.1f} articles/s ({single:.1f} s)")
    print(f"bulk NDJSON import:   {len(items) / bulk:6.1f} articles/s ({bulk:.1f} s)")
    print(f"bulk is {single / bulk:.2f}x faster per article")
    print(f"claims stored: {single_claims} one by one, {bulk_claims} in bulk")
    return 0 if single_claims == bulk_claims else 1


if __name__ == "__main__":
    sys.exit(main())
