"""The objects behind Flask's ``request`` and ``g`` proxies, for hooks that read them often.

Each attribute read through a proxy looks its object up again (about four Python calls);
the hooks that run on every request read a dozen attributes, so they look it up once.
"""

from flask import Request, g, request
from flask.ctx import _AppCtxGlobals


def current_request() -> Request:
    """The request being served (what ``flask.request`` stands for)."""
    return request._get_current_object()  # type: ignore[attr-defined]


def current_g() -> _AppCtxGlobals:
    """The app context's ``g`` (what ``flask.g`` stands for)."""
    return g._get_current_object()
