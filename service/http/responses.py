"""The response class: Flask's, with the headers handed to the server made in one pass."""

import re

from flask import Response
from werkzeug.datastructures import Headers

# A path of these characters is what werkzeug's ``iri_to_uri`` gives back unchanged
# (it quotes anything else, and parses scheme, host and query): ours all look like this.
PLAIN_PATH = re.compile(r"/[A-Za-z0-9/_.~-]*\Z")
# Statuses whose headers werkzeug edits (Content-Length dropped, entity headers removed).
EDITED = (204, 304)


class ClaimdeskResponse(Response):
    """A Flask response whose ``get_wsgi_headers`` skips two per-response costs.

    werkzeug copies the headers through ``Headers(...)``, which checks every value again
    (each was checked when it was set), and re-encodes the Location header of every 201
    through ``iri_to_uri`` (a parse, a quote and a join). A response of the common shape
    (no Content-Location, at most one Location, a plain path, no rewritten status, no
    absolute-location correction) gets the same header list with a plain list copy;
    every other goes through werkzeug's own.
    """

    def get_wsgi_headers(self, environ) -> Headers:
        """The headers werkzeug's ``get_wsgi_headers`` would give, made in one pass."""
        status = self.status_code
        if self.autocorrect_location_header or status < 200 or status in EDITED:
            return super().get_wsgi_headers(environ)
        items = list(self.headers._list)
        location = content_length = None
        for index, (key, value) in enumerate(items):
            lowered = key.lower()
            if lowered == "location":
                if location is not None or not PLAIN_PATH.match(value):
                    return super().get_wsgi_headers(environ)
                location = value
                items[index] = ("Location", value)  # werkzeug sets it back under this name
            elif lowered == "content-location":
                return super().get_wsgi_headers(environ)
            elif lowered == "content-length":
                content_length = value
        headers = Headers()
        headers._list = items
        if self.automatically_set_content_length and self.is_sequence and content_length is None:
            headers["Content-Length"] = str(sum(len(x) for x in self.iter_encoded()))
        return headers
