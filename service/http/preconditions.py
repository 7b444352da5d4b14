"""If-Match as sent: a malformed precondition fails rather than being ignored."""

import re

from flask import request

# RFC 9110 section 8.8.3: entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE
ENTITY_TAG = r'(?:W/)?"[\x21\x23-\x7e\x80-\xff]*"'
IF_MATCH = re.compile(rf"^\s*(?:\*|{ENTITY_TAG}(?:\s*,\s*{ENTITY_TAG})*)\s*$")


def if_match_sent() -> bool:
    """Whether the request carries an If-Match header at all (even an empty one)."""
    return "If-Match" in request.headers


def if_match_well_formed() -> bool:
    """Whether the If-Match header is ``*`` or a list of quoted entity tags."""
    return IF_MATCH.match(request.headers.get("If-Match", "")) is not None
