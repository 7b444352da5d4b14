"""The real server: gunicorn with our config serves, and a SIGTERM lets in-flight work finish."""

import signal
import subprocess
import threading
import time

import requests

from tests.ops.servers import free_port, start_gunicorn, wait_for


def start_server(port: int) -> subprocess.Popen:
    """gunicorn with the project's config, the embedded default and no seeds."""
    # Long enough for the in-flight extraction on a loaded 2-core machine.
    settings = {"GRACEFUL_TIMEOUT": "90", "RATE_LIMIT_ENABLED": "false"}
    return start_gunicorn(port, settings, stderr=subprocess.PIPE)


def test_sigterm_finishes_in_flight_requests_then_exits():
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(f"{base}/healthz", server, attempts=200)
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
