"""gunicorn's settings: loopback by default, a warning when exposed, no shared control socket."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from service.config import exposed_bind_notice

ROOT = Path(__file__).resolve().parents[2]
READ_SETTINGS = (
    "import json, runpy; s = runpy.run_path('gunicorn.conf.py'); "
    "print(json.dumps({k: s.get(k) for k in ('bind', 'control_socket_disable')}))"
)


def read_settings(**env) -> tuple[dict, str]:
    """The settings gunicorn.conf.py yields under an environment, and what it printed."""
    environment = {k: v for k, v in os.environ.items() if k not in {"BIND", "MONGO_URI"}}
    environment.update(env)
    done = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


def test_the_embedded_default_binds_loopback_without_a_control_socket():
    settings, printed = read_settings()
    assert settings["bind"].startswith("127.0.0.1:")
    assert settings["control_socket_disable"] is True
    assert "beyond loopback" not in printed


def test_binding_elsewhere_in_memory_warns():
    _, printed = read_settings(BIND="0.0.0.0:8123")
    assert "beyond loopback" in printed
    assert "0.0.0.0:8123" in printed


@pytest.mark.parametrize(
    ("bind", "in_memory", "warns"),
    [
        ("127.0.0.1:8000", True, False),
        ("localhost:8000", True, False),
        ("[::1]:8000", True, False),
        ("unix:/run/claimdesk.sock", True, False),
        ("0.0.0.0:8000", True, True),
        ("127.0.0.1:8000 10.0.0.5:8000", True, True),
        ("0.0.0.0:8000", False, False),
    ],
)
def test_exposed_bind_notice(bind, in_memory, warns):
    assert (exposed_bind_notice(bind, in_memory) is not None) is warns
