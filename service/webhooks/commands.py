"""Running the dispatcher: a background thread of the app, or the ``claimdesk deliver`` command."""

import signal
import threading

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from service.changes.feed import ChangeFeed
from service.changes.repository import ChangeRepository
from service.db import EXTENSION as DB_EXTENSION
from service.newsroom.documents import Documents, render
from service.webhooks.dispatcher import DeliverySettings, Dispatcher

EXTENSION = "claimdesk.webhooks"


def build_dispatcher(app: Flask) -> Dispatcher:
    """A dispatcher over the app's database and settings."""
    db = app.extensions[DB_EXTENSION].database
    documents = Documents(db)
    timeout = app.config["CHANGES_PENDING_TIMEOUT_SECONDS"]
    feed = ChangeFeed(ChangeRepository(db), documents.lookup, timeout)
    settings = DeliverySettings.from_config(app.config)
    return Dispatcher(db, feed, documents.lookup, render, settings)


def start_background(app: Flask) -> threading.Event | None:
    """Deliver from a daemon thread of this process (WEBHOOKS_DISPATCHER=thread)."""
    if app.config["WEBHOOKS_DISPATCHER"] != "thread":
        return None
    stop = threading.Event()
    dispatcher = build_dispatcher(app)
    thread = threading.Thread(
        target=dispatcher.run_forever, args=(stop,), name="claimdesk-webhooks", daemon=True
    )
    app.extensions[EXTENSION] = stop
    thread.start()
    return stop


@click.command("deliver")
@click.option("--once", is_flag=True, help="one round (fan out, deliver what is due), then exit")
@with_appcontext
def deliver_command(once):
    """Deliver webhooks until stopped (SIGTERM/SIGINT end it after the current attempt)."""
    dispatcher = build_dispatcher(current_app)
    if once:
        try:
            work = dispatcher.run_once()
        finally:
            dispatcher.close()
        click.echo(f"{work} change(s) fanned out or deliveries attempted")
        return
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    click.echo("delivering webhooks; SIGTERM or Ctrl-C stops after the current attempt", err=True)
    dispatcher.run_forever(stop)


def init_app(app: Flask) -> None:
    """Add ``deliver`` to the app's command line."""
    app.cli.add_command(deliver_command)
