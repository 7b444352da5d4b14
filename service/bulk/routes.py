"""The bulk import endpoint: NDJSON in, NDJSON out, streamed line by line."""

from flask import Response, current_app, request, stream_with_context
from flask.views import MethodView

from service.bulk.importer import BulkImport
from service.bulk.ndjson import MEDIA_TYPE, dump
from service.bulk.schemas import BulkLineSchema, BulkQuerySchema
from service.db import get_store
from service.http.api import Blueprint
from service.http.identity import current_actor
from service.newsroom.context import current_bulk_ingest

blp = Blueprint("bulk", __name__, url_prefix="/api/v1", description="Bulk import")


@blp.route("/articles/bulk")
class BulkArticles(MethodView):
    """Many articles in one request."""

    @blp.arguments(BulkQuerySchema, location="query")
    @blp.response(200, BulkLineSchema, content_type=MEDIA_TYPE)
    def post(self, args):
        """Import one article per NDJSON line; one result line per input line, in order."""
        config, raw = current_app.config, request.get_data(cache=True)
        ingest, ninjs = current_bulk_ingest(), args["format"] == "ninjs"
        run = BulkImport(ingest, args["extract"], current_actor(), config, ninjs=ninjs)
        run.check_size(raw)
        get_store().ping()  # a 503 now rather than a 503 on every line
        lines = (dump(result) for result in run.results(raw))
        return Response(stream_with_context(lines), mimetype=MEDIA_TYPE)
