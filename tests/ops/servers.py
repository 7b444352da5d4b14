"""Real server processes for the ops tests: a free loopback port, gunicorn, waiting for health."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """An unused loopback port."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(
    port: int, settings: dict[str, str | None], stderr=subprocess.DEVNULL
) -> subprocess.Popen:
    """gunicorn with the project's config on loopback ``port``, the embedded store, ``settings``.

    A setting of None removes that variable from the inherited environment.
    """
    env = {**os.environ, "BIND": f"127.0.0.1:{port}", "LOAD_SEEDS": "false", "MONGO_URI": None}
    env.update(settings)
    env = {name: value for name, value in env.items() if value is not None}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    return subprocess.Popen(
        [str(gunicorn), "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
    )


def wait_for(url: str, proc: subprocess.Popen, attempts: int = 300) -> None:
    """Poll ``url`` until it answers 200; fail if ``proc`` exits first."""
    for _ in range(attempts):
        if proc.poll() is not None:
            raise AssertionError(f"{proc.args[0]} exited with {proc.returncode}")
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or the worker still booting
            time.sleep(0.1)
    raise AssertionError(f"{url} did not come up")
