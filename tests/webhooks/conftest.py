"""A fresh database per test (mongomock, or TEST_MONGO_URI's server), dropped afterwards."""

import uuid

import pytest

from tests.receiver import Receiver


@pytest.fixture
def database(mongo_client):
    """An empty database of the session's client."""
    name = f"claimdesk_test_{uuid.uuid4().hex[:12]}"
    yield mongo_client[name]
    mongo_client.drop_database(name)


@pytest.fixture
def receiver_factory():
    """Start receivers; all are shut down after the test."""
    made = []

    def make(plan=lambda msg_id, attempt: 200):
        made.append(Receiver(plan))
        return made[-1]

    yield make
    for receiver in made:
        receiver.close()
