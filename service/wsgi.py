"""WSGI entry point for gunicorn: one app per worker, made after the fork."""

from service.app import create_app
from service.config import load_config
from service.observability.logs import configure_logging

configure_logging(load_config()["LOG_LEVEL"])
app = create_app()
