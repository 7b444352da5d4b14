"""A fresh database per test (mongomock, or TEST_MONGO_URI's server), dropped afterwards."""

import uuid

import pytest


@pytest.fixture
def database(mongo_client):
    """An empty database of the session's client."""
    name = f"claimdesk_test_{uuid.uuid4().hex[:12]}"
    yield mongo_client[name]
    mongo_client.drop_database(name)
