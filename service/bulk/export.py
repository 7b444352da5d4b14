"""``claimdesk export articles|claims``: every article or claim, streamed to a file or stdout."""

from collections.abc import Iterator

import click
from flask.cli import with_appcontext

from service.articles.schemas import ArticleQuerySchema, ArticleSchema
from service.claims.exports import claim_csv
from service.claims.schemas import ClaimQuerySchema, ClaimSchema
from service.commands import require_lasting_store
from service.formats.ndjson import ndjson_lines
from service.newsroom.context import current_listing


def article_lines() -> Iterator[bytes]:
    """Every article as NDJSON, as the list export writes it."""
    out = ArticleSchema()
    stream = current_listing().article_stream(ArticleQuerySchema().load({}))
    return ndjson_lines(out.dump(article) for article in stream)


def claim_lines(fmt: str) -> Iterator[bytes]:
    """Every claim as NDJSON or CSV (with its article and side), as the list export writes it."""
    listing = current_listing()
    claims = listing.claim_stream(ClaimQuerySchema().load({}))
    if fmt == "csv":
        return claim_csv(listing, claims)
    out = ClaimSchema()
    return ndjson_lines(out.dump(claim) for claim in claims)


@click.command("export")
@click.argument("what", type=click.Choice(["articles", "claims"]))
@click.option("--format", "fmt", type=click.Choice(["ndjson", "csv"]), default="ndjson")
@click.option("--output", type=click.File("wb"), default="-", help="file to write (`-`: stdout)")
@with_appcontext
def export_command(what, fmt, output):
    """Write every article or claim as NDJSON (claims also as CSV), one at a time."""
    require_lasting_store()
    if what == "articles" and fmt == "csv":
        raise click.UsageError("CSV is for claims only; export articles as ndjson")
    for chunk in article_lines() if what == "articles" else claim_lines(fmt):
        output.write(chunk)
