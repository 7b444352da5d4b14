"""WSGI entry point for gunicorn: one app per worker, made after the fork."""

from service import create_app

app = create_app()
