"""The ``claimdesk`` command: the app's commands, and extracting claims from a file."""

import sys

import click
from flask import Flask
from flask.cli import FlaskGroup

from service.app import create_app
from service.extraction.command import run


@click.command("extract", context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def extract_command(args):
    """Print the claims in a text file as JSON: extract FILE [--sides F] [--no-auto-sides]."""
    sys.exit(run(list(args)))


def _cli_app() -> Flask:
    """The app the command line works on: settings from the environment, no auto-seeding."""
    return create_app({"LOAD_SEEDS": False, "COMMAND_LINE": True})


main = FlaskGroup(create_app=_cli_app, add_default_commands=False, load_dotenv=False)
main.add_command(extract_command)
