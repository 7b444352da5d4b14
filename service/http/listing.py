"""Paged list responses: the envelope, the Link header (RFC 8288) and X-Total-Count."""

import math
from urllib.parse import urlencode

import marshmallow as ma
from flask import current_app, request

from service.http.fields import DictSchema


def page_schema(item_schema: type[ma.Schema], name: str) -> type[ma.Schema]:
    """The list envelope schema for one item schema."""
    return DictSchema.from_dict(
        {
            "items": ma.fields.List(ma.fields.Nested(item_schema), required=True),
            "page": ma.fields.Integer(required=True),
            "per_page": ma.fields.Integer(required=True),
            "total": ma.fields.Integer(required=True),
            "pages": ma.fields.Integer(required=True),
        },
        name=name,
    )


def _page_url(page: int) -> str:
    """This request's URL with another page number: under PUBLIC_BASE_URL, else relative.

    Never from the Host header, which the client chooses.
    """
    args = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    base = current_app.config.get("PUBLIC_BASE_URL") or ""
    return f"{base}{request.script_root}{request.path}?{urlencode(args, doseq=True)}"


def page_links(page: int, pages: int) -> str:
    """The Link header value with first, prev, next and last."""
    last = max(pages, 1)
    links = [("first", 1)]
    if page > 1:
        links.append(("prev", min(page - 1, last)))
    if page < pages:
        links.append(("next", page + 1))
    links.append(("last", last))
    return ", ".join(f'<{_page_url(number)}>; rel="{rel}"' for rel, number in links)


def paged(items: list, total: int, page: int, per_page: int):
    """The (body, status, headers) of one page of a list."""
    pages = math.ceil(total / per_page) if total else 0
    body = {"items": items, "page": page, "per_page": per_page, "total": total, "pages": pages}
    headers = {"Link": page_links(page, pages), "X-Total-Count": str(total)}
    return body, 200, headers
