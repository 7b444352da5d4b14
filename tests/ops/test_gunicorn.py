"""The real server: gunicorn with our config serves, and a SIGTERM lets in-flight work finish."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """An unused loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    """gunicorn with the project's config, the embedded default and no seeds."""
    env = {
        **os.environ,
        "BIND": f"127.0.0.1:{port}",
        "LOAD_SEEDS": "false",
        # Long enough for the in-flight extraction on a loaded 2-core machine.
        "GRACEFUL_TIMEOUT": "90",
        "RATE_LIMIT_ENABLED": "false",
    }
    env.pop("MONGO_URI", None)
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return subprocess.Popen(
        [str(gunicorn), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_up(base: str) -> None:
    """Poll /healthz until the worker answers."""
    for _ in range(200):
        try:
            if requests.get(f"{base}/healthz", timeout=5).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or the worker still booting
            time.sleep(0.1)
    raise AssertionError("gunicorn did not come up")


def test_sigterm_finishes_in_flight_requests_then_exits():
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        first = server.stderr.readline()
        assert "memory only" in first, first
        warm = requests.post(f"{base}/api/v1/extract", json={"text": "He said no."}, timeout=60)
        assert warm.status_code == 200  # the model is loaded: the next request is in flight
        text = "The union said that the rosters were unsafe. " * 2500
        results = {}

        def slow_request():
            results["response"] = requests.post(
                f"{base}/api/v1/extract", json={"text": text}, timeout=120
            )

        worker = threading.Thread(target=slow_request)
        worker.start()
        time.sleep(1.0)
        server.send_signal(signal.SIGTERM)
        worker.join(timeout=120)
        assert results["response"].status_code == 200
        assert len(results["response"].json()["claims"]) > 100
        assert server.wait(timeout=120) == 0
    finally:
        if server.poll() is None:
            server.kill()
        server.wait()
        server.stderr.close()
