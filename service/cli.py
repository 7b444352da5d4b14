"""The ``claimdesk`` command: seed the store, extract claims from a file."""

import json
import logging
import sys

import click

from service.app import create_app


@click.group()
def main():
    """Claimdesk administration."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.option("--dir", "seeds_dir", default=None, help="seeds folder (default: the bundled one)")
def seed(seeds_dir):
    """Load the seed sides and articles (idempotent) into MONGO_URI's database."""
    from service.seeding import load_seeds

    app = create_app({"LOAD_SEEDS": False})
    with app.app_context():
        counts = load_seeds(seeds_dir)
    click.echo(json.dumps({"created": counts}))


@main.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def extract(args):
    """Print the claims in a text file as JSON: extract FILE [--sides F] [--no-auto-sides]."""
    from service.extraction.command import run

    sys.exit(run(list(args)))


if __name__ == "__main__":
    main()
