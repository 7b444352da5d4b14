"""The ``claimdesk`` command: seed the store, extract claims from a file."""

import json
import sys

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext


@click.command("seed")
@click.option("--dir", "seeds_dir", default=None, help="seeds folder (default: the bundled one)")
@with_appcontext
def seed_command(seeds_dir):
    """Load the seed sides and articles into the database; running it twice adds nothing."""
    from service.seeding import load_seeds

    require_lasting_store()
    counts = load_seeds(seeds_dir)
    click.echo(json.dumps({"created": counts}))


@click.command("extract", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def extract_command(args):
    """Print the claims in a text file as JSON: extract FILE [--sides F] [--no-auto-sides]."""
    from service.extraction.command import run

    sys.exit(run(list(args)))


def require_lasting_store() -> None:
    """Refuse to write into an in-memory store the command line made for itself."""
    from service.db import get_store

    if current_app.config.get("COMMAND_LINE") and get_store().in_memory:
        raise click.ClickException(
            "set MONGO_URI: without it this command writes to an in-memory store that ends "
            "with the command"
        )


def register(app: Flask) -> None:
    """Add the commands to ``flask``/``claimdesk`` for this app."""
    from service.auth.commands import keys_command

    app.cli.add_command(seed_command)
    app.cli.add_command(keys_command)


def _cli_app() -> Flask:
    """The app the command line works on: settings from the environment, no auto-seeding."""
    from service.app import create_app

    return create_app({"LOAD_SEEDS": False, "COMMAND_LINE": True})


main = FlaskGroup(create_app=_cli_app, add_default_commands=False, load_dotenv=False)
main.add_command(extract_command)
