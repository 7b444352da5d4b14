"""flask-smorest Api and Blueprint adapted to the contract (problem+json, optional If-Match)."""

import http
from typing import Any

import flask_smorest
import flask_smorest.etag
import marshmallow as ma
from bson import ObjectId
from bson.errors import InvalidId
from flask import current_app, g
from flask_smorest import abort
from flask_smorest.utils import prepare_response
from webargs import missing
from webargs.flaskparser import FlaskParser, is_json_request
from werkzeug.routing import BaseConverter, ValidationError

from service import problems
from service.formats.errors import InvalidDocument
from service.formats.html import html_to_article
from service.formats.negotiation import HTML, NINJS
from service.formats.ninjs import ninjs_to_article
from service.http import media, openapi
from service.http.application import etag_of
from service.http.bodies import CHECKED_JSON
from service.http.preconditions import if_match_sent, if_match_well_formed

OBJECT_ID_PATTERN = "^[0-9a-fA-F]{24}$"
MALFORMED_IF_MATCH = 'If-Match is not "*" or a list of quoted ETags; GET the resource again'


class ObjectIdConverter(BaseConverter):
    """Path segment holding a 24-hex ObjectId; anything else does not route (404)."""

    regex = "[0-9a-fA-F]{24}"

    def to_python(self, value: str) -> ObjectId:
        try:
            return ObjectId(value)
        except InvalidId as exc:
            raise ValidationError() from exc

    def to_url(self, value) -> str:
        return str(value)


class Api(flask_smorest.Api):
    """Api whose documented errors are problem+json documents."""

    ERROR_SCHEMA = problems.ProblemSchema

    def _init_spec(self, *args, **kwargs):
        """Build the spec as flask-smorest does; its document is then finished for clients."""
        super()._init_spec(*args, **kwargs)
        build = self.spec.to_dict
        # flask-smorest creates the APISpec itself: wrap the one method that renders it.
        self.spec.to_dict = lambda: openapi.finish(build())

    def _register_error_handlers(self):
        problems.register(self._app)

    def _register_responses(self):
        """Document every error response as application/problem+json."""
        schema = self.ERROR_SCHEMA()  # one instance: building 60 copies is slow
        for status in http.HTTPStatus:
            response: dict[str, Any] = {"description": status.phrase}
            if not (100 <= status < 200) and status not in (204, 304):
                response["schema"] = schema
            prepare_response(response, self.spec, problems.PROBLEM_JSON)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "Error (problem+json)", "schema": schema}
        prepare_response(response, self.spec, problems.PROBLEM_JSON)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)

    def _register_etag_headers(self):
        """Document If-Match as optional: it is honoured when sent."""
        self.spec.components.parameter(
            "IF_NONE_MATCH", "header", flask_smorest.etag.IF_NONE_MATCH_HEADER, lazy=True
        )
        if_match = {**flask_smorest.etag.IF_MATCH_HEADER, "required": False}
        self.spec.components.parameter("IF_MATCH", "header", if_match, lazy=True)
        self.spec.components.header("ETAG", flask_smorest.etag.ETAG_HEADER, lazy=True)


class FormatsParser(FlaskParser):
    """webargs' parser, reading ninjs and HTML bodies as the article fields they carry."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._schemas: dict[type, ma.Schema] = {}

    def _get_schema(self, argmap, req):
        """One instance per schema class (webargs makes one per request: 4% of a create);
        loading keeps no state in the instance, so threads share it."""
        if isinstance(argmap, type) and issubclass(argmap, ma.Schema):
            schema = self._schemas.get(argmap)
            if schema is None:
                schema = self._schemas.setdefault(argmap, argmap())
            return schema
        return super()._get_schema(argmap, req)

    def _raw_load_json(self, req):
        """The JSON body as the body check parsed it (the same text, read the same way),
        instead of parsing it again; webargs' own reading when the check kept nothing."""
        checked = req.environ.get(CHECKED_JSON, missing)
        if checked is not missing and is_json_request(req):
            return checked
        return super()._raw_load_json(req)

    def load_json(self, req, schema):
        """The body's fields: converted from ninjs or HTML when it is one of those."""
        kind = media.body_media_type()
        if kind not in (NINJS, HTML):
            return super().load_json(req, schema)
        try:
            if kind == HTML:
                return html_to_article(req.get_data(cache=True))
            document = super().load_json(req, schema)
            converted = ninjs_to_article(document)
        except InvalidDocument as error:
            raise ma.ValidationError(error.errors) from error
        # The original is kept with the article (API.md: source_document).
        g.source_document = document
        return converted


class Blueprint(flask_smorest.Blueprint):
    """Blueprint where If-Match is honoured when sent, not demanded (no 428)."""

    # unknown=None defers to the schemas, which reject unknown query parameters too.
    ARGUMENTS_PARSER = FormatsParser(unknown=None)

    def _check_precondition(self):
        return None

    def _verify_check_etag(self):
        return None

    def _prepare_etag_doc(self, doc, doc_info, **kwargs):
        doc = super()._prepare_etag_doc(doc, doc_info, **kwargs)
        doc.get("responses", {}).pop(428, None)
        return doc

    @staticmethod
    def _generate_etag(etag_data, extra_data=None):
        """flask-smorest's tag (sha1 of the data's JSON, keys sorted), written by orjson."""
        data = (etag_data, extra_data) if extra_data else etag_data
        tag = etag_of(data, current_app.json.default)  # type: ignore[attr-defined]
        return tag or flask_smorest.etag.EtagMixin._generate_etag(etag_data, extra_data)

    def _check_not_modified(self, etag):
        """Remember the tag so the 304 can carry it (RFC 9110: a 304 sends its ETag)."""
        g.not_modified_etag = etag
        super()._check_not_modified(etag)

    def check_if_match(self, item, schema) -> None:
        """Raise 412 when an If-Match header is sent and is malformed or does not match."""
        if not if_match_sent():
            return
        if not if_match_well_formed():
            abort(412, message=MALFORMED_IF_MATCH)
        self.check_etag(item, schema)


def register_converters(app, api: Api) -> None:
    """Make ``<objectid:name>`` available in routes and in the OpenAPI document."""
    app.url_map.converters["objectid"] = ObjectIdConverter
    api.register_converter(
        ObjectIdConverter, lambda _c: {"type": "string", "pattern": OBJECT_ID_PATTERN}
    )
