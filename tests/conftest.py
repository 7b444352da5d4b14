"""Fixtures: the app from the factory with an injected MongoDB client.

Set TEST_MONGO_URI to run the same tests against a real MongoDB; each test then gets
a database of its own, dropped afterwards.
"""

import os
import uuid

import mongomock
import pymongo
import pytest

from service.app import create_app
from service.db import EXTENSION

BASE_CONFIG = {
    "TESTING": True,
    "LOAD_SEEDS": False,
    "EXTRACTION_ENABLED": False,
    "RETRY_AFTER_SECONDS": 5,
    "AUTH": "off",
    "RATE_LIMIT_ENABLED": False,
}


@pytest.fixture(scope="session")
def mongo_client():
    """A real MongoDB client when TEST_MONGO_URI is set, else an in-memory mongomock one."""
    uri = os.environ.get("TEST_MONGO_URI")
    if not uri:
        yield mongomock.MongoClient()
        return
    client = pymongo.MongoClient(uri, serverSelectionTimeoutMS=3000, w="majority")
    yield client
    client.close()


@pytest.fixture
def real_mongo() -> bool:
    """Whether the tests run against a real MongoDB server."""
    return bool(os.environ.get("TEST_MONGO_URI"))


@pytest.fixture
def make_app(mongo_client):
    """Build apps on fresh databases; every database made is dropped afterwards."""
    made = []

    def build(config: dict | None = None, client=None, extractor=None):
        name = f"claimdesk_test_{uuid.uuid4().hex[:12]}"
        made.append((client or mongo_client, name))
        settings = {**BASE_CONFIG, "MONGO_DB": name, **(config or {})}
        return create_app(settings, mongo_client=client or mongo_client, extractor=extractor)

    yield build
    for client, name in made:
        client.drop_database(name)


@pytest.fixture
def app(make_app):
    """The app on a fresh, empty database, extraction off."""
    return make_app()


@pytest.fixture
def client(app):
    """A test client of the app."""
    return app.test_client()


@pytest.fixture
def runner(app):
    """A CLI runner of the app."""
    return app.test_cli_runner()


@pytest.fixture
def db(app):
    """The app's database, for asserting what was (not) stored."""
    return app.extensions[EXTENSION].database


@pytest.fixture
def db_of():
    """The database of any app made by ``make_app``."""
    return lambda app: app.extensions[EXTENSION].database
