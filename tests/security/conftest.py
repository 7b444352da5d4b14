"""Fixtures for access control: an app with AUTH=required and one key per role."""

import pytest

from service.auth.repository import KeyRepository
from service.db import get_db


@pytest.fixture
def secure_app(make_app):
    """An app that demands API keys."""
    return make_app({"AUTH": "required"})


@pytest.fixture
def keys_for():
    """Make a live key for each role in an app; by role name."""

    def make(app) -> dict:
        with app.app_context():
            repo = KeyRepository(get_db())
            return {r: repo.create(f"{r}-key", r)[1] for r in ("reader", "editor", "admin")}

    return make


@pytest.fixture
def keys(secure_app, keys_for):
    """A live key for each role, by role name."""
    return keys_for(secure_app)


@pytest.fixture
def as_role(secure_app, keys):
    """A request helper: ``as_role("editor").post(...)`` (``None``: no key)."""
    client = secure_app.test_client()

    class RoleClient:
        def __init__(self, role):
            self.headers = {"Authorization": f"Bearer {keys[role]}"} if role else {}

        def open(self, path, method="GET", **kwargs):
            headers = {**self.headers, **kwargs.pop("headers", {})}
            # Buffered: the body is read and the response closed (a file stays open otherwise).
            return client.open(path, method=method, headers=headers, buffered=True, **kwargs)

        def get(self, path, **kwargs):
            return self.open(path, "GET", **kwargs)

        def post(self, path, **kwargs):
            return self.open(path, "POST", **kwargs)

        def patch(self, path, **kwargs):
            return self.open(path, "PATCH", **kwargs)

        def delete(self, path, **kwargs):
            return self.open(path, "DELETE", **kwargs)

    return RoleClient
