"""Full text (`q`) on the in-memory store: how long a search takes as the store grows.

Usage: python bench/textsearch.py [--articles 2000] [--rounds 5]

Fills an in-memory (mongomock) articles collection with copies of the gold bodies in
bench/gold/ (each copy with a distinct marker word), then times the in-process `$text`
match (service/formats/textsearch.py through the repository's find_page) for a few
queries, and the tokenising speed alone in words per second.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import mongomock  # noqa: E402
from bson import ObjectId  # noqa: E402

from service.formats.textsearch import index_terms  # noqa: E402
from service.persistence import Repository  # noqa: E402

QUERIES = ("minister", "taxes budget", '"said that"', "strike -union", "marker17")


class Articles(Repository):
    """The articles collection as the service's repositories see it."""

    collection_name = "articles"
    sort_fields = {"created_at": "created_at"}


def fill(collection, count: int) -> int:
    """Insert `count` articles made from the gold bodies; the number of words stored."""
    gold = [json.loads(p.read_text("utf-8")) for p in sorted((ROOT / "bench/gold").glob("*.json"))]
    docs, words = [], 0
    for index in range(count):
        source = gold[index % len(gold)]
        body = f"{source['body']}\n\nmarker{index}"
        words += len(body.split())
        docs.append(
            {"_id": ObjectId(), "title": source["title"], "body": body, "created_at": index}
        )
    collection.insert_many(docs)
    return words


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    database = mongomock.MongoClient().claimdesk_bench
    words = fill(database.articles, args.articles)
    repository = Articles(database)
    print(f"{args.articles} articles, {words} words")
    for query in QUERIES:
        timings, total = [], 0
        for _ in range(args.rounds):
            started = time.perf_counter()
            _, total = repository.find_page({"$text": {"$search": query}}, [], 1, 20)
            timings.append(time.perf_counter() - started)
        print(
            f"q={query!r:18} matches {total:5}  median {statistics.median(timings) * 1000:7.1f} ms"
        )
    bodies = [doc["body"] for doc in database.articles.find({}, {"body": 1}).limit(200)]
    started = time.perf_counter()
    for body in bodies:
        index_terms(body)
    elapsed = time.perf_counter() - started
    sample_words = sum(len(b.split()) for b in bodies)
    print(f"tokenise+stem: {sample_words / elapsed:,.0f} words/s")


if __name__ == "__main__":
    main()
