"""Liveness and readiness probes."""

import marshmallow as ma
from flask.views import MethodView
from pymongo.errors import PyMongoError

from service.db import get_store
from service.http.api import Blueprint
from service.problems import unavailable

blp = Blueprint("health", __name__, description="Probes for operators and orchestrators")


class StatusSchema(ma.Schema):
    """A probe's answer."""

    status = ma.fields.String(required=True)
    store = ma.fields.String()


@blp.route("/healthz")
class Health(MethodView):
    """Liveness."""

    @blp.doc(security=[])
    @blp.response(200, StatusSchema)
    def get(self):
        """200 while the process serves."""
        return {"status": "ok"}


@blp.route("/readyz")
class Ready(MethodView):
    """Readiness."""

    @blp.doc(security=[])
    @blp.response(200, StatusSchema)
    @blp.alt_response(503, description="The database does not answer")
    def get(self):
        """200 when the database answers, else 503."""
        store = get_store()
        try:
            store.ping()
        except PyMongoError:
            return unavailable("The database does not answer")
        return {"status": "ready", "store": "memory" if store.in_memory else "mongodb"}
