"""Responses written by orjson say what json would; hooks are asked once whether async."""

import dataclasses
import datetime as dt
import json
import uuid
from decimal import Decimal
from types import MethodType

import pytest
from flask import Flask
from flask.views import MethodView

from service.http.application import ClaimdeskFlask, etag_of, fast_json

DOCUMENTS = [
    {"b": 1, "a": [1.5, None, True, "\u00e9 \u2013 \u00fc", {"z": "x", "y": []}]},
    {"at": dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC), "day": dt.date(2026, 1, 2)},
    {"id": uuid.UUID(int=5), "price": Decimal("1.10")},
    [1, 2**63 - 1, -(2**63)],
    ("a", ("b", 1)),
    {"text": "</script>\u2028\x00"},
]


@dataclasses.dataclass
class Point:
    """A dataclass: Flask's JSON writes its fields."""

    x: int


@pytest.fixture(name="app")
def fixture_app():
    return ClaimdeskFlask(__name__)


@pytest.mark.parametrize("document", [*DOCUMENTS, {"p": Point(3)}])
@pytest.mark.parametrize("sort_keys", [True, False])
def test_compact_documents_say_what_json_says(app, document, sort_keys):
    plain = Flask(__name__)
    kwargs = {"separators": (",", ":"), "sort_keys": sort_keys}
    written = app.json.dumps(document, **kwargs)
    assert json.loads(written) == json.loads(plain.json.dumps(document, **kwargs))
    if sort_keys and isinstance(document, dict):
        assert list(json.loads(written)) == sorted(document)


@pytest.mark.parametrize("document", [[2**64], {1: "a"}, {"n": 10**30}, {"x": object()}])
def test_what_orjson_refuses_is_written_by_json(app, document):
    assert fast_json(document, app.json.default, sort_keys=False) is None
    kwargs = {"separators": (",", ":")}
    try:
        expected = Flask(__name__).json.dumps(document, **kwargs)
    except TypeError:
        with pytest.raises(TypeError):
            app.json.dumps(document, **kwargs)
        return
    assert app.json.dumps(document, **kwargs) == expected


def test_other_dumps_stay_json_and_responses_are_compact_utf8(app):
    expected = Flask(__name__).json.dumps({"b": 1, "a": "é"}, indent=2)
    assert app.json.dumps({"b": 1, "a": "é"}, indent=2) == expected
    with app.app_context():
        body = app.json.response({"a": "é", "n": [1]}).get_data()
    assert body == '{"a":"é","n":[1]}\n'.encode()


def test_etags_are_stable_and_tell_documents_apart(app):
    first = etag_of({"b": [1, 2], "a": "x"}, app.json.default)
    assert first == etag_of({"a": "x", "b": [1, 2]}, app.json.default)
    assert first != etag_of({"a": "x", "b": [2, 1]}, app.json.default)
    assert len(first or "") == 40
    assert etag_of({1: "x"}, app.json.default) is None


def test_each_hook_is_asked_once_whether_it_is_async(app, monkeypatch):
    asked = []
    real = Flask.ensure_sync
    monkeypatch.setattr(Flask, "ensure_sync", lambda self, f: asked.append(f) or real(self, f))

    def hook():
        return None

    assert app.ensure_sync(hook) is hook
    assert app.ensure_sync(hook) is hook
    assert asked == [hook]

    class Unhashable:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self):
            return None

    odd = Unhashable()
    assert app.ensure_sync(odd) is odd
    assert app.ensure_sync(odd) is odd
    assert asked == [hook, odd, odd]


def test_views_bound_anew_each_request_are_not_kept(app):
    """A MethodView is made per request: its bound methods must not pile up."""

    class Items(MethodView):
        def get(self):
            return "items"

        def post(self):
            return "made", 201

    app.add_url_rule("/items", view_func=Items.as_view("items"))
    client = app.test_client()
    client.get("/items")
    kept = len(app._sync)
    for _ in range(20):
        assert client.get("/items").status_code == 200
        assert client.post("/items").status_code == 201
    assert len(app._sync) == kept
    assert not any(isinstance(f, MethodType) for f in app._sync)


def test_an_async_method_is_still_run_through_async_to_sync(app, monkeypatch):
    monkeypatch.setattr(app, "async_to_sync", lambda func: ("made sync", func))

    class View:
        async def get(self):
            return "done"

        def post(self):
            return "posted"

    view = View()
    assert app.ensure_sync(view.get) == ("made sync", view.get)
    assert app.ensure_sync(view.post) == view.post
    assert app.ensure_sync(view.post)() == "posted"
