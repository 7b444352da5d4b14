"""``claimdesk keys``: create, list and revoke API keys from the command line."""

import json

import click
from bson import ObjectId
from flask import Flask
from flask.cli import with_appcontext

from service.auth.repository import ROLES, KeyRepository
from service.commands import require_lasting_store
from service.db import get_db
from service.errors import NotFound


@click.group("keys")
@with_appcontext
def keys_command():
    """Manage API keys (stored as hashes in MongoDB)."""
    require_lasting_store()


@keys_command.command("create")
@click.option("--name", required=True, help="who the key is for, e.g. cms")
@click.option("--role", required=True, type=click.Choice(ROLES))
@with_appcontext
def create(name, role):
    """Create a key and print it once."""
    doc, key = KeyRepository(get_db()).create(name, role, "cli")
    click.echo(key)
    click.echo(f"created key {doc['_id']} ({name}, {role}); it is not shown again", err=True)


@keys_command.command("list")
@click.option("--all", "include_revoked", is_flag=True, help="include revoked keys")
@with_appcontext
def list_keys(include_revoked):
    """List keys (never the keys themselves) as JSON lines."""
    repo = KeyRepository(get_db())
    for doc in repo.collection.find(repo.query(include_revoked)).sort("created_at", 1):
        revoked = doc["revoked_at"].isoformat() + "Z" if doc["revoked_at"] else None
        row = {
            "id": str(doc["_id"]),
            "name": doc["name"],
            "role": doc["role"],
            "hint": doc["hint"],
            "revoked_at": revoked,
        }
        click.echo(json.dumps(row))


@keys_command.command("revoke")
@click.argument("name_or_id")
@with_appcontext
def revoke(name_or_id):
    """Revoke a key by id, or every live key with that name."""
    repo = KeyRepository(get_db())
    try:
        if ObjectId.is_valid(name_or_id) and len(name_or_id) == 24:
            revoked = [repo.revoke(ObjectId(name_or_id), "cli")]
        else:
            revoked = repo.revoke_by_name(name_or_id, "cli")
    except NotFound as exc:
        raise click.ClickException(exc.detail) from exc
    click.echo(f"revoked {len(revoked)} key(s)")


def init_app(app: Flask) -> None:
    """Add ``keys`` to the app's command line."""
    app.cli.add_command(keys_command)
