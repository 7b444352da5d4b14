"""Commands the app factory registers on ``flask``/``claimdesk``: seeding the store."""

import json

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from service.db import get_store
from service.seeding import load_seeds


def require_lasting_store() -> None:
    """Refuse to write into an in-memory store the command line made for itself."""
    if current_app.config.get("COMMAND_LINE") and get_store().in_memory:
        raise click.ClickException(
            "set MONGO_URI: without it this command writes to an in-memory store that ends "
            "with the command"
        )


@click.command("seed")
@click.option("--dir", "seeds_dir", default=None, help="seeds folder (default: the bundled one)")
@with_appcontext
def seed_command(seeds_dir):
    """Load the seed sides and articles into the database; running it twice adds nothing."""
    require_lasting_store()
    counts = load_seeds(seeds_dir)
    click.echo(json.dumps({"created": counts}))


def init_app(app: Flask) -> None:
    """Add ``seed`` to the app's command line."""
    app.cli.add_command(seed_command)
