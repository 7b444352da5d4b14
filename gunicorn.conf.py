"""gunicorn settings, from the environment."""

import json
import os
import shutil
import sys
import tempfile

from service.config import IN_MEMORY_NOTICE

_in_memory = not os.environ.get("MONGO_URI")
if _in_memory:
    # The operator's first line says where the data lives (before gunicorn's own lines).
    notice = {"level": "warning", "logger": "claimdesk", "message": IN_MEMORY_NOTICE}
    print(json.dumps(notice), file=sys.stderr, flush=True)

wsgi_app = "service.wsgi:app"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# The in-memory store lives in one process: more workers would each see other data.
workers = 1 if _in_memory else int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("WORKER_TIMEOUT", "60"))
# On SIGTERM, in-flight requests get this long to finish.
graceful_timeout = int(os.environ.get("GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# No preload: each worker creates its own MongoClient and loads the model after the fork.
preload_app = False
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()

# prometheus_client multi-process mode: workers write their metrics to files here.
if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = tempfile.mkdtemp(prefix="claimdesk-metrics-")
_metrics_dir = os.environ["PROMETHEUS_MULTIPROC_DIR"]


def on_starting(server):
    """Start with no metrics left over from an earlier run."""
    shutil.rmtree(_metrics_dir, ignore_errors=True)
    os.makedirs(_metrics_dir, exist_ok=True)


def child_exit(server, worker):
    """Drop a dead worker's live gauges from the metrics."""
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
