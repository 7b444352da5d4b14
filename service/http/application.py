"""The Flask application class: Flask without three costs it pays on every request."""

import hashlib
from collections.abc import Callable
from inspect import iscoroutinefunction
from types import MethodType
from typing import Any

import orjson
from flask import Flask
from flask.json.provider import DefaultJSONProvider

from service.http.responses import ClaimdeskResponse

COMPACT = (",", ":")
# datetimes, dataclasses and str/int subclasses go to Flask's own ``default``, as with json.
PASSTHROUGH = (
    orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)


class OrjsonProvider(DefaultJSONProvider):
    """Flask's JSON, with the compact documents of responses written by orjson (the same
    JSON, non-ASCII text as UTF-8 rather than escapes); what orjson refuses (an int
    beyond 64 bits, a non-string key) is left to json."""

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        """``json.dumps`` of ``obj``; compact ones (what ``response`` asks for) by orjson."""
        if kwargs.get("separators") == COMPACT and set(kwargs) <= {"separators", "sort_keys"}:
            sort = kwargs.get("sort_keys", self.sort_keys)
            written = fast_json(obj, self.default, sort)
            if written is not None:
                return written.decode("utf-8")
        return super().dumps(obj, **kwargs)


def fast_json(obj: Any, default: Callable, sort_keys: bool) -> bytes | None:
    """``obj`` as compact JSON by orjson; None when orjson refuses it (json writes it).
    A float NaN or infinity, which json would write as invalid JSON, is written null."""
    option = PASSTHROUGH | (orjson.OPT_SORT_KEYS if sort_keys else 0)
    try:
        return orjson.dumps(obj, default=default, option=option)
    except (orjson.JSONEncodeError, TypeError):
        return None


def etag_of(data: Any, default: Callable) -> str | None:
    """flask-smorest's ETag of ``data`` (sha1 of its JSON with sorted keys), or None when
    orjson cannot write it."""
    written = fast_json(data, default, sort_keys=True)
    return None if written is None else hashlib.sha1(written).hexdigest()


class ClaimdeskFlask(Flask):
    """Flask answering JSON through orjson and deciding once per hook whether it is async.

    Flask asks ``inspect.iscoroutinefunction`` of every before/after/teardown hook and
    view on every request (about 20 times a request here); a function's answer never
    changes.
    """

    json_provider_class = OrjsonProvider
    response_class = ClaimdeskResponse

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._sync: dict[Callable, Callable] = {}
        self._async_functions: dict[Callable, bool] = {}

    def ensure_sync(self, func: Callable) -> Callable:
        """The function to call for ``func``, decided on its first call (for a method,
        on the first call of the function it binds)."""
        if func.__class__ is MethodType:
            # A view's method, bound anew to each request's view: remembering the bound
            # method would keep every request's view (and grow without end).
            plain = func.__func__
            is_async = self._async_functions.get(plain)
            if is_async is None:
                is_async = self._async_functions[plain] = iscoroutinefunction(plain)
            return super().ensure_sync(func) if is_async else func
        try:
            return self._sync[func]
        except KeyError:
            sync = self._sync[func] = super().ensure_sync(func)
            return sync
        except TypeError:  # an unhashable callable: ask every time
            return super().ensure_sync(func)
