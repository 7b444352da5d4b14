"""The API root: the resources there are and where the OpenAPI document and docs live."""

import marshmallow as ma
from flask import current_app, request
from flask.views import MethodView

from service.http.api import Blueprint

API_ROOT = "/api/v1"
blp = Blueprint("root", __name__, description="Where to start")


class LinkSchema(ma.Schema):
    """A link to follow."""

    href = ma.fields.String(required=True, metadata={"example": "/api/v1/claims"})


class RootLinksSchema(ma.Schema):
    """The documents about the API."""

    self = ma.fields.Nested(LinkSchema, required=True)
    openapi = ma.fields.Nested(LinkSchema, required=True)
    docs = ma.fields.Nested(LinkSchema, required=True)


class RootSchema(ma.Schema):
    """What the API offers."""

    name = ma.fields.String(required=True)
    version = ma.fields.String(required=True)
    resources = ma.fields.Dict(
        keys=ma.fields.String(),
        values=ma.fields.Nested(LinkSchema),
        required=True,
        metadata={"description": "collection name -> its address"},
    )
    links = ma.fields.Nested(RootLinksSchema, required=True)


def collections() -> dict[str, dict]:
    """Every collection the app serves under the root (read from its routes, so none is missed)."""
    found = {}
    for rule in current_app.url_map.iter_rules():
        name = rule.rule.removeprefix(API_ROOT + "/")
        below_root = rule.rule.startswith(API_ROOT + "/") and name.isidentifier()
        if below_root and "GET" in (rule.methods or ()) and name != "docs":
            found[name] = {"href": f"{API_ROOT}/{name}"}
    return dict(sorted(found.items()))


@blp.route(API_ROOT, strict_slashes=False)
class Root(MethodView):
    """The API root."""

    @blp.doc(security=[])
    @blp.response(200, RootSchema)
    def get(self):
        """List the resources and the links to the OpenAPI document and docs."""
        config = current_app.config
        return {
            "name": config["API_TITLE"],
            "version": config["API_VERSION"],
            "resources": collections(),
            "links": {
                "self": {"href": request.path},
                "openapi": {"href": f"{API_ROOT}/{config['OPENAPI_JSON_PATH']}"},
                "docs": {"href": f"{API_ROOT}/{config['OPENAPI_SWAGGER_UI_PATH']}"},
            },
        }
