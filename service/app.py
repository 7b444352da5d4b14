"""The application factory."""

import logging

from flask import Flask

from service import cli, db, extracting, seeding
from service.articles.routes import blp as articles_blp
from service.claims.routes import blp as claims_blp
from service.config import load_config
from service.health import blp as health_blp
from service.http import bodies
from service.http.api import Api, register_converters
from service.sides.routes import blp as sides_blp

log = logging.getLogger("claimdesk")
IN_MEMORY_NOTICE = (
    "Data lives in memory only and is lost when the process stops; "
    "set MONGO_URI (e.g. MONGO_URI=mongodb://localhost:27017) to keep it in MongoDB."
)
API_SETTINGS = {
    "API_TITLE": "Claimdesk",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/api/v1",
    "OPENAPI_JSON_PATH": "openapi.json",
    "OPENAPI_SWAGGER_UI_PATH": "docs",
    "OPENAPI_SWAGGER_UI_URL": "https://cdn.jsdelivr.net/npm/swagger-ui-dist/",
    "JSON_SORT_KEYS": False,
}


def create_app(config: dict | None = None, mongo_client=None, extractor=None) -> Flask:
    """Build the app: settings from the environment, then ``config`` on top."""
    app = Flask(__name__)
    app.config.update(API_SETTINGS)
    app.config.update(load_config())
    app.config.update(config or {})
    app.json.sort_keys = False
    store = db.init_app(app, mongo_client)
    if store.in_memory:
        log.warning(IN_MEMORY_NOTICE)
    extracting.init_app(app, extractor)
    bodies.init_app(app)
    api = Api(app)
    register_converters(app, api)
    for blueprint in (articles_blp, claims_blp, sides_blp, health_blp):
        api.register_blueprint(blueprint)
    cli.register(app)
    if app.config["LOAD_SEEDS"]:
        with app.app_context():
            seeding.load_seeds(app.config.get("SEEDS_DIR"))
    return app
