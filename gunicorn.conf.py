"""gunicorn settings, from the environment."""

import os

_in_memory = not os.environ.get("MONGO_URI")

wsgi_app = "service.wsgi:app"
bind = os.environ.get("BIND", "127.0.0.1:8000")
# The in-memory store lives in one process: more workers would each see other data.
workers = 1 if _in_memory else int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("THREADS", "4"))
worker_class = "gthread"
timeout = int(os.environ.get("WORKER_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GRACEFUL_TIMEOUT", "30"))
keepalive = 5
# No preload: each worker creates its own MongoClient and loads the model after fork.
preload_app = False
accesslog = None
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
