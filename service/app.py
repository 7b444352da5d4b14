"""The application factory."""

import logging
from typing import cast

import swagger_ui_bundle
from flask import Flask, send_from_directory
from flask.json.provider import DefaultJSONProvider
from flask_cors import CORS
from werkzeug.middleware.proxy_fix import ProxyFix

from service import commands, db, limits, seeding
from service.articles.routes import blp as articles_blp
from service.auth import commands as key_commands
from service.auth import guard
from service.auth.routes import blp as keys_blp
from service.bulk import commands as bulk_commands
from service.bulk.routes import blp as bulk_blp
from service.changes.routes import blp as changes_blp
from service.claims.routes import blp as claims_blp
from service.config import IN_MEMORY_NOTICE, load_config
from service.desk.charts import blp as charts_blp
from service.desk.routes import blp as desk_blp
from service.health import blp as health_blp
from service.http import bodies, connection, media
from service.http.api import Api, register_converters
from service.http.application import ClaimdeskFlask
from service.idempotency import hook as idempotency_hook
from service.newsroom import context as newsroom
from service.newsroom import recovery
from service.observability import logs, metrics
from service.root import blp as root_blp
from service.sides.routes import blp as sides_blp
from service.speakers.routes import blp as speakers_blp
from service.webhooks import commands as webhook_commands
from service.webhooks.routes import blp as webhooks_blp

log = logging.getLogger("claimdesk")
AUTH_OFF_NOTICE = (
    "AUTH=off: every request is let in with full rights; set AUTH=required and create keys "
    "with `claimdesk keys create` before exposing this service."
)
API_SETTINGS = {
    "API_TITLE": "Claimdesk",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api/v1",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs",
    # Swagger UI's assets are served from the installed swagger-ui-bundle: no CDN.
    "OPENAPI_SWAGGER_UI_URL": "/api/v1/docs/assets/",
    "API_SPEC_OPTIONS": {
        "info": {"description": "Who claimed what, in which article, for which side of a story."},
        "security": [{"bearerAuth": []}],
        "components": {
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "description": "API key"}
            }
        },
    },
}
EXPOSED_HEADERS = [
    "ETag",
    "Link",
    "Location",
    "X-Total-Count",
    "X-Request-ID",
    "Retry-After",
    "Idempotent-Replayed",
]


def create_app(config: dict | None = None, mongo_client=None, extractor=None) -> Flask:
    """Build the app: settings from the environment, then ``config`` on top."""
    app = ClaimdeskFlask(__name__)
    app.config.update(API_SETTINGS)
    app.config.update(load_config())
    app.config.update(config or {})
    cast(DefaultJSONProvider, app.json).sort_keys = False
    logs.init_app(app)
    store = db.init_app(app, mongo_client)
    if store.in_memory:
        log.warning(IN_MEMORY_NOTICE)
    if app.config["AUTH"] != "required":
        log.warning(AUTH_OFF_NOTICE)
    newsroom.init_app(app, extractor)
    guard.init_app(app)
    limits.init_app(app)
    media.init_app(app)
    bodies.init_app(app)
    idempotency_hook.init_app(app)
    connection.init_app(app)
    metrics.init_app(app)
    if app.config["CORS_ORIGINS"]:
        CORS(app, origins=app.config["CORS_ORIGINS"], expose_headers=EXPOSED_HEADERS)
    _register_api(app)
    app.register_blueprint(desk_blp)  # after the API: it uses the objectid converter
    commands.init_app(app)
    key_commands.init_app(app)
    webhook_commands.init_app(app)
    bulk_commands.init_app(app)
    if app.config["PROXY_HOPS"]:
        # Behind nginx: the client's address (limits, logs) is in X-Forwarded-For.
        hops = app.config["PROXY_HOPS"]
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=hops, x_proto=hops
        )
    if app.config["LOAD_SEEDS"]:
        with app.app_context():
            seeding.load_seeds()
    recovery.init_app(app)
    return app


def _serve_docs_assets(filename: str):
    """A Swagger UI asset from the installed bundle."""
    return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=86400)


def _register_api(app: Flask) -> Api:
    """Mount the resource blueprints, the OpenAPI document and its docs page."""
    app.add_url_rule("/api/v1/docs/assets/<path:filename>", "docs_assets", _serve_docs_assets)
    api = Api(app)
    register_converters(app, api)
    blueprints = (
        root_blp,
        bulk_blp,
        articles_blp,
        claims_blp,
        sides_blp,
        speakers_blp,
        changes_blp,
        keys_blp,
        webhooks_blp,
        health_blp,
        charts_blp,
    )
    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    return api
