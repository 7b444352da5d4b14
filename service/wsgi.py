"""WSGI entry point for gunicorn: one app per worker, made after the fork."""

from service.app import create_app
from service.config import load_config
from service.observability.logs import configure_logging
from service.webhooks.commands import start_background

configure_logging(load_config()["LOG_LEVEL"])
app = create_app()
# The served app delivers webhooks from a thread unless WEBHOOKS_DISPATCHER=off
# (docker-compose runs `claimdesk deliver` instead).
start_background(app)
