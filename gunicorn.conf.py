"""gunicorn settings, from the environment."""

import json
import os
import shutil
import sys
import tempfile

from service.config import IN_MEMORY_NOTICE, exposed_bind_notice, secret
from service.http import connection

_in_memory = not secret(os.environ, "MONGO_URI")
if _in_memory:
    # The operator's first line says where the data lives (before gunicorn's own lines).
    notice = {"level": "warning", "logger": "claimdesk", "message": IN_MEMORY_NOTICE}
    print(json.dumps(notice), file=sys.stderr, flush=True)

wsgi_app = "service.wsgi:app"
# Loopback by default: gunicorn alone can be stalled by slow clients; serve others through
# the nginx proxy (deploy/nginx).
bind = os.environ.get("BIND", "127.0.0.1:8000")
_exposed = exposed_bind_notice(bind, in_memory=_in_memory)
if _exposed:
    notice = {"level": "warning", "logger": "claimdesk", "message": _exposed}
    print(json.dumps(notice), file=sys.stderr, flush=True)
# No control socket: its default path is shared by every gunicorn of the user (home dir).
control_socket_disable = True
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


def pre_request(worker, req):
    """Let the app close this connection after an early refusal (service.http.connection)."""
    worker.log.debug("%s %s", req.method, req.path)
    connection.serving(req)


def post_request(worker, req, environ, resp):
    """The request is answered."""
    connection.served()
