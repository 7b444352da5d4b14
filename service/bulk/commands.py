"""``claimdesk import FILE.ndjson`` (or ``-`` for stdin): bulk import with a progress bar."""

import json
from collections import Counter

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from service.bulk.export import export_command
from service.bulk.importer import BulkImport
from service.bulk.ndjson import count_lines
from service.commands import require_lasting_store
from service.newsroom.context import current_bulk_ingest

OUTCOMES = {201: "created", 409: "duplicates", 400: "invalid", 422: "invalid"}


@click.command("import")
@click.argument("source", type=click.File("rb"))
@click.option("--no-extract", is_flag=True, help="store the articles without extracting claims")
@with_appcontext
def import_command(source, no_extract):
    """Import articles from an NDJSON file (one article per line, `-` for stdin)."""
    require_lasting_store()
    raw = source.read()
    settings = {**current_app.config, "BULK_MAX_LINES": count_lines(raw)}
    run = BulkImport(current_bulk_ingest(), not no_extract, "cli", settings)
    counts: Counter = Counter()
    problems: dict[str, list[int]] = {"invalid": [], "failed": []}
    columns = (TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as progress:
        task = progress.add_task("import", total=settings["BULK_MAX_LINES"])
        for result in run.results(raw):
            outcome = OUTCOMES.get(result["status"], "failed")
            counts[outcome] += 1
            if outcome in problems:
                problems[outcome].append(result["line"])
            progress.advance(task)
    summary: dict[str, object] = {
        n: counts[n] for n in ("created", "duplicates", "invalid", "failed")
    }
    summary.update(invalid_lines=problems["invalid"], failed_lines=problems["failed"])
    click.echo(json.dumps(summary))
    if counts["failed"]:
        raise SystemExit(1)


def init_app(app: Flask) -> None:
    """Add ``import`` and ``export`` to the app's command line."""
    app.cli.add_command(import_command)
    app.cli.add_command(export_command)
