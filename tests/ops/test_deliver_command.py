"""`claimdesk deliver` as its own process: it runs until SIGTERM, then exits cleanly."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_deliver_runs_until_sigterm_and_exits_cleanly():
    env = {**os.environ, "EXTRACTION_ENABLED": "false", "LOG_LEVEL": "INFO"}
    env.pop("MONGO_URI", None)
    claimdesk = Path(sys.executable).with_name("claimdesk")
    process = subprocess.Popen(
        [str(claimdesk), "deliver"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        seen = ""
        while "delivering webhooks" not in seen and time.monotonic() < deadline:
            line = process.stderr.readline() if process.stderr else ""
            if not line and process.poll() is not None:
                break
            seen += line
        assert "delivering webhooks" in seen, seen
        assert process.poll() is None  # it keeps running: nothing to do is not the end
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        if process.stderr:
            process.stderr.close()
