"""Authentication (Bearer API keys) and role checks, before any view runs."""

import logging

from flask import Flask, Request, current_app, request
from pymongo.errors import PyMongoError

from service.auth.repository import ROLES, KeyRepository
from service.db import get_db, per_database
from service.http.paths import is_open
from service.limits import auth_failure_limited
from service.problems import problem
from service.proxies import current_g, current_request

log = logging.getLogger(__name__)
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
REALM = 'Bearer realm="claimdesk"'
KEYS_NEED_AUTH = (
    "Key management needs AUTH=required; with AUTH=off anyone could create admin keys. "
    "Use `claimdesk keys create` on the server instead."
)
GENERIC_401 = "A valid API key is required: send Authorization: Bearer <key>"


def required_role(method: str, endpoint: str) -> str:
    """The least role allowed to call an endpoint with a method."""
    if endpoint.startswith(("keys.", "webhooks.")):
        return "admin"
    if method in READ_METHODS:
        return "reader"
    return "admin" if method == "DELETE" else "editor"


def _unauthorized(error: str | None = None):
    """401 that never says whether a key exists (429 once an address keeps failing)."""
    retry_after = auth_failure_limited()
    if retry_after:
        detail = "Too many failed authentications from this address; see Retry-After"
        return problem(429, detail, {"Retry-After": str(retry_after)})
    challenge = f'{REALM}, error="{error}"' if error else REALM
    return problem(401, GENERIC_401, {"WWW-Authenticate": challenge})


def presented_key(req: Request) -> tuple[str | None, str | None]:
    """(key, error) from the Authorization header."""
    header = req.headers.get("Authorization")
    if header is None:
        return None, None
    scheme, _, key = header.strip().partition(" ")
    key = key.strip()
    if scheme.lower() != "bearer" or not key or " " in key or len(key) > 200:
        return None, "invalid_request"
    return key, None


def refuse_key_management():
    """403 for key management while AUTH=off: keys made now would work once auth is on."""
    if (request.endpoint or "").startswith("keys.") and request.method != "OPTIONS":
        return problem(403, KEYS_NEED_AUTH)
    return None


def authenticate():
    """Identify the caller and check its role; problems for the rest."""
    req, context = current_request(), current_g()
    context.actor, context.role = None, None
    if current_app.config["AUTH"] != "required":
        return refuse_key_management()
    if req.url_rule is None or is_open(req.path) or req.method == "OPTIONS":
        return None
    key, error = presented_key(req)
    if key is None:
        return _unauthorized(error)
    found = per_database(KeyRepository).authenticate(key)
    if found is None:
        return _unauthorized("invalid_token")
    context.actor, context.role = found["name"], found["role"]
    needed = required_role(req.method, req.endpoint or "")
    if ROLES.index(found["role"]) < ROLES.index(needed):
        return problem(403, f"This API key's role ({found['role']}) cannot do this; {needed} can")
    return None


def init_app(app: Flask) -> None:
    """Check every request's key before the views (and the rate limiter) run."""
    app.before_request(authenticate)
    bootstrap = app.config.get("BOOTSTRAP_ADMIN_KEY")
    if bootstrap:
        try:
            with app.app_context():
                KeyRepository(get_db()).ensure("bootstrap-admin", "admin", bootstrap)
        except PyMongoError as exc:
            # A worker must boot while MongoDB is away; the key is made on a later start.
            log.warning("bootstrap admin key not ensured yet: %s", exc)
