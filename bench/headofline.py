"""Head-of-line blocking: cheap reads while extractions run, and extraction throughput.

Starts the service as `make run` does (gunicorn with gunicorn.conf.py, the embedded
default with its seeds: 1 worker x 4 threads) on a free loopback port, then:

1. idle: `--readers` clients GET /api/v1/sides in a closed loop for `--seconds`;
2. loaded: the same readers while `--extractors` clients POST /api/v1/extract with
   articles of about `--words` words (built from bench/gold) in a closed loop. A 503
   (extraction queue full) is counted and retried after a short pause.

Prints p50 / p99 latency and requests per second of the reads in both phases, their p99
ratio, and extractions per second (and words per second) in the loaded phase.
Extra `--env NAME=VALUE` settings are passed to the server (e.g. the extraction pool's).

    .venv/bin/python bench/headofline.py [--seconds 10] [--readers 1] [--extractors 4]
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from extraction_speed import build_articles  # noqa: E402

BUSY_PAUSE = 0.05  # seconds an extraction client waits after a 503 before trying again


def free_port() -> int:
    """An unused loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, extra_env: list[str], root: str | None = None) -> subprocess.Popen:
    """gunicorn with the project's configuration, bound to loopback; waits until it serves.

    ``root`` serves another checkout (its ``service`` package) with this environment."""
    env = {**os.environ, "BIND": f"127.0.0.1:{port}", "RATE_LIMIT_ENABLED": "false"}
    env.pop("MONGO_URI", None)
    if root:
        env["PYTHONPATH"] = str(root)
    for pair in extra_env:
        name, _, value = pair.partition("=")
        env[name] = value
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "gunicorn.conf.py", "--log-level", "warning"],
        cwd=root or ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/readyz", timeout=5).status_code == 200:
                return server
        except requests.RequestException:  # not listening yet, or still loading
            pass
        time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


def summary(latencies: list[float], seconds: float) -> dict:
    """Request count, rate and latency percentiles in milliseconds."""
    latencies = sorted(latencies)
    if not latencies:
        return {"requests": 0, "rps": 0.0, "p50_ms": None, "p99_ms": None}
    return {
        "requests": len(latencies),
        "rps": round(len(latencies) / seconds, 1),
        "p50_ms": round(statistics.median(latencies) * 1000, 1),
        "p99_ms": round(latencies[max(0, int(len(latencies) * 0.99) - 1)] * 1000, 1),
    }


def reader(base: str, stop: threading.Event, latencies: list, errors: list) -> None:
    """GET /sides in a closed loop until told to stop."""
    session = requests.Session()
    while not stop.is_set():
        started = time.perf_counter()
        response = session.get(f"{base}/sides", timeout=60)
        latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            errors.append(response.status_code)


def extractor_client(base: str, articles, offset: int, stop: threading.Event, stats: dict):
    """POST /extract in a closed loop; counts extractions, their words and 503s."""
    session = requests.Session()
    index = offset
    while not stop.is_set():
        text = articles[index % len(articles)][0]
        index += 1
        response = session.post(f"{base}/extract", json={"text": text}, timeout=300)
        if response.status_code == 503:
            stats["busy"] += 1
            time.sleep(BUSY_PAUSE)
        elif response.status_code == 200 and response.json()["extraction"]["status"] == "done":
            stats["done"] += 1
            stats["words"] += len(text.split())
        else:
            stats["errors"] += 1


def phase(base: str, seconds: float, readers: int, extractors: int, articles) -> dict:
    """Run readers (and extraction clients) for ``seconds``; their figures."""
    stop = threading.Event()
    latencies: list[float] = []
    errors: list[int] = []
    stats = {"done": 0, "words": 0, "busy": 0, "errors": 0}
    threads = [
        threading.Thread(target=extractor_client, args=(base, articles, n * 7, stop, stats))
        for n in range(extractors)
    ]
    threads += [
        threading.Thread(target=reader, args=(base, stop, latencies, errors))
        for _ in range(readers)
    ]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join()
    result = {"reads": summary(latencies, seconds), "read_errors": len(errors)}
    if extractors:
        result["extraction"] = {
            "done": stats["done"],
            "per_second": round(stats["done"] / seconds, 2),
            "words_per_second": round(stats["words"] / seconds),
            "busy_503": stats["busy"],
            "errors": stats["errors"],
        }
    return result


def main() -> int:
    """Start the server, measure idle and loaded, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--readers", type=int, default=1)
    parser.add_argument("--extractors", type=int, default=4)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for the server")
    args = parser.parse_args()
    articles = build_articles(args.words)
    port = free_port()
    server = start_server(port, args.env)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        # Warm up: the model loads (in the worker or its pool) before anything is timed.
        requests.post(f"{base}/extract", json={"text": articles[0][0]}, timeout=300)
        idle = phase(base, args.seconds, args.readers, 0, articles)
        loaded = phase(base, args.seconds, args.readers, args.extractors, articles)
    finally:
        server.terminate()
        server.wait(timeout=60)
    ratio = None
    if idle["reads"]["p99_ms"] and loaded["reads"]["p99_ms"]:
        ratio = round(loaded["reads"]["p99_ms"] / idle["reads"]["p99_ms"], 2)
    print(f"{'GET /sides':<34}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}")
    for name, result in (("idle", idle), (f"with {args.extractors} extraction clients", loaded)):
        reads = {k: "-" if v is None else v for k, v in result["reads"].items()}
        print(f"{name:<34}{reads['rps']:>8}{reads['p50_ms']:>9}{reads['p99_ms']:>9}")
    print(f"p99 loaded / idle: {ratio}")
    extraction = loaded.get("extraction", {})
    print(
        f"extraction: {extraction.get('per_second')} articles/s, "
        f"{extraction.get('words_per_second')} words/s, "
        f"{extraction.get('busy_503')} busy (503), {extraction.get('errors')} errors"
    )
    report = {"settings": vars(args), "idle": idle, "loaded": loaded, "p99_ratio": ratio}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
