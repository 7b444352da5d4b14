"""The OpenAPI document made fit for code generation: names, errors, headers and enums.

flask-smorest builds the document from the views and schemas; `finish` then gives every
operation an `operationId`, documents each error status an operation can answer (as a
problem+json response) and the headers the service sends, names every enum once in
`components/schemas`, writes nullable objects as `nullable` + `allOf` instead of `anyOf`
wrappers, and adds a `servers` entry. It works on a copy: apispec keeps its own state.
"""

import copy
import re
from http import HTTPStatus

from service.extraction.types import EVIDENCE_VIAS
from service.http.examples import add_examples
from service.http.paths import is_open

API_PREFIX = "/api/v1"
PROBLEM_JSON = "application/problem+json"
PROBLEM_REF = {"$ref": "#/components/schemas/Problem"}
WRITES = {"post", "put", "patch", "delete"}
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Operations whose name the path rule would get wrong.
OPERATION_IDS = {
    ("post", "/api/v1/extract"): "previewExtraction",
    ("post", "/api/v1/articles/{article_id}/extract"): "extractArticle",
    ("post", "/api/v1/articles/bulk"): "bulkCreateArticles",
    ("get", "/api/v1"): "getRoot",
    ("get", "/healthz"): "checkLiveness",
    ("get", "/readyz"): "checkReadiness",
}
ITEM_VERBS = {"get": "get", "patch": "update", "put": "replace", "delete": "delete"}
COLLECTION_VERBS = {"get": "list", "post": "create", "delete": "deleteAll", "put": "replaceAll"}
# Path segment (a collection) -> the resource's name in operation ids.
SINGULARS = {
    "articles": "Article",
    "claims": "Claim",
    "sides": "Side",
    "speakers": "Speaker",
    "keys": "Key",
    "webhooks": "Webhook",
    "deliveries": "Delivery",
    "changes": "Change",
}
# Value sets -> the one schema name each enum has, wherever it is used.
ENUM_NAMES = {
    frozenset({"direct", "indirect", "position"}): "ClaimKind",
    frozenset({"person", "organization", "place", "group", "unknown"}): "SpeakerType",
    frozenset({"unreviewed", "confirmed", "rejected"}): "ReviewStatus",
    frozenset({"extracted", "manual"}): "ClaimOrigin",
    frozenset({"manual", "auto"}): "SideOrigin",
    frozenset({"done", "failed", "skipped"}): "ExtractionStatus",
    frozenset({"reader", "editor", "admin"}): "KeyRole",
    frozenset(EVIDENCE_VIAS): "EvidenceVia",
    frozenset({"json", "ninjs"}): "ArticleInputFormat",
    frozenset({"person", "organization", "group", "place"}): "SpeakerKind",
    frozenset({"review", "manual", "extraction"}): "MembershipSource",
}
NINJS_DOCUMENT = {
    "type": "object",
    "description": "An IPTC ninjs 1.x or 2.x document (fields Claimdesk does not read are kept)",
    "required": ["uri"],
    "properties": {"uri": {"type": "string"}},
    "additionalProperties": True,
}
CHANGE_DOCUMENT = {
    "type": "object",
    "description": "The article, claim, side or speaker of a change as its GET answers it now",
    "additionalProperties": True,
}
# Free-form objects with a name of their own (fields point at them with `x-ref`).
NAMED_OBJECTS = {"NinjsDocument": NINJS_DOCUMENT, "ChangeDocument": CHANGE_DOCUMENT}
RATE_LIMIT_HEADERS = {
    "X-RateLimit-Limit": "Requests allowed in the current window",
    "X-RateLimit-Remaining": "Requests left in the current window",
    "X-RateLimit-Reset": "When the window resets (Unix time, seconds)",
}
HEADERS = {
    "LINK": ("Link", "RFC 8288 links to the first, prev, next and last pages"),
    "X_TOTAL_COUNT": ("X-Total-Count", "How many items match, over all pages"),
    "LOCATION": ("Location", "The address of the resource just created"),
    "RETRY_AFTER": ("Retry-After", "Seconds to wait before trying again"),
    **{re.sub(r"\W", "_", name).upper(): (name, text) for name, text in RATE_LIMIT_HEADERS.items()},
}


def finish(document: dict, servers: list[dict] | None = None) -> dict:
    """A copy of a flask-smorest document, fit for code generators."""
    document = copy.deepcopy(document)
    document["servers"] = servers or [{"url": "/", "description": "This server"}]
    components = document.setdefault("components", {})
    for name, schema in NAMED_OBJECTS.items():
        components.setdefault("schemas", {}).setdefault(name, schema)
    _add_headers(components)
    for path, method, operation in operations(document):
        operation.setdefault("operationId", operation_id(method, path))
        _add_error_responses(components, path, method, operation)
        _add_success_headers(operation)
        add_examples(operation)
    _unwrap_nullable(document)
    _name_enums(document)
    return document


def operations(document: dict):
    """(path, method, operation) for every operation in the document."""
    for path, item in document.get("paths", {}).items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def operation_id(method: str, path: str) -> str:
    """`listClaims`, `getArticle`, `listArticleClaims`, `getArticleBalance`, ..."""
    if (method, path) in OPERATION_IDS:
        return OPERATION_IDS[(method, path)]
    relative = path.removeprefix(API_PREFIX)
    segments = [s for s in relative.split("/") if s]
    statics = [s for s in segments if not s.startswith("{")]
    if not statics:
        return method + "Root"
    parents = "".join(_singular(s) for s in statics[:-1])
    last = statics[-1]
    if segments[-1].startswith("{"):
        verb, noun = ITEM_VERBS.get(method, method), _singular(last)
    elif last in SINGULARS:
        verb = COLLECTION_VERBS.get(method, method)
        noun = _pascal(last) if method == "get" else _singular(last)
    elif method == "post":  # an action on its parent: /articles/{id}/extract
        verb, parents, noun = _camel(last), "", parents
    else:
        verb, noun = method, _pascal(last)
    return verb + parents + noun


def _singular(segment: str) -> str:
    """A collection segment's resource name (`claims` -> `Claim`)."""
    return SINGULARS.get(segment) or _pascal(segment.removesuffix("s"))


def _pascal(text: str) -> str:
    """`review_status` -> `ReviewStatus`."""
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[^0-9A-Za-z]+", text))


def _camel(text: str) -> str:
    """`review_status` -> `reviewStatus`."""
    pascal = _pascal(text)
    return pascal[:1].lower() + pascal[1:]


def _add_headers(components: dict) -> None:
    """Every response header the service documents, once, in components/headers."""
    headers = components.setdefault("headers", {})
    for key, (name, description) in HEADERS.items():
        schema = {"type": "integer"} if name in {"X-Total-Count"} else {"type": "string"}
        headers.setdefault(key, {"description": f"{name}: {description}", "schema": schema})


def _header_refs(*keys: str) -> dict:
    """`{Header-Name: {$ref}}` for header component keys."""
    return {HEADERS[key][0]: {"$ref": f"#/components/headers/{key}"} for key in keys}


RATE_LIMIT_REFS = tuple(re.sub(r"\W", "_", name).upper() for name in RATE_LIMIT_HEADERS)


def error_statuses(path: str, method: str, operation: dict) -> set[int]:
    """The error statuses an operation can answer, from what it takes and where it is."""
    statuses = {406}
    if path.startswith(API_PREFIX) and not is_open(path):
        statuses |= {401, 403, 429, 503}
    if "{" in path:
        statuses.add(404)
    takes_query = any(p.get("in") == "query" for p in operation.get("parameters", []))
    if takes_query or "requestBody" in operation:
        statuses.add(422)
    if "requestBody" in operation:
        statuses |= {400, 413, 415}
    if method in WRITES and path.startswith(API_PREFIX):
        statuses.add(409)
    if method in {"patch", "delete"} and "{" in path:
        statuses.add(412)
    return statuses


def _add_error_responses(components: dict, path: str, method: str, operation: dict) -> None:
    """Reference a problem+json response for every status the operation can answer."""
    responses = operation.setdefault("responses", {})
    shared = components.setdefault("responses", {})
    for status in sorted(error_statuses(path, method, operation)):
        name = HTTPStatus(status).name
        shared.setdefault(name, _problem_response(status))
        responses.setdefault(str(status), {"$ref": f"#/components/responses/{name}"})
    for status, response in responses.items():
        ref = response.get("$ref", "")
        name = ref.rsplit("/", 1)[-1]
        if ref.startswith("#/components/responses/") and name in HTTPStatus.__members__:
            # flask-smorest's lazy components are there only when it used them.
            shared.setdefault(name, _problem_response(HTTPStatus[name].value))
        elif not ref and status[:1] in {"4", "5"} and "content" not in response:
            # An error documented with a description alone (alt_response): a problem too.
            response.update({**_problem_response(int(status)), **response})


def _problem_response(status: int) -> dict:
    """A documented problem+json response for one status, with its headers."""
    response = {
        "description": HTTPStatus(status).phrase,
        "content": {PROBLEM_JSON: {"schema": PROBLEM_REF}},
    }
    if status == 429:
        response["headers"] = _header_refs("RETRY_AFTER", *RATE_LIMIT_REFS)
    elif status == 503:
        response["headers"] = _header_refs("RETRY_AFTER")
    return response


def _add_success_headers(operation: dict) -> None:
    """Link and X-Total-Count on pages, Location on creations, rate limits on answers."""
    for status, response in operation.get("responses", {}).items():
        if "$ref" in response or not status.startswith("2"):
            continue
        headers = response.setdefault("headers", {})
        schema = response.get("content", {}).get("application/json", {}).get("schema", {})
        if schema.get("$ref", "").endswith("Page"):
            headers.update(_header_refs("LINK", "X_TOTAL_COUNT"))
        if status == "201":
            headers.update(_header_refs("LOCATION"))
        headers.update(_header_refs(*RATE_LIMIT_REFS))


def _walk(node, visit) -> None:
    """Call visit on every dict in a JSON tree, parents before children."""
    if isinstance(node, dict):
        visit(node)
        for value in list(node.values()):
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def _unwrap_nullable(document: dict) -> None:
    """`anyOf: [{type: object, nullable}, {$ref}]` -> `allOf: [{$ref}], nullable: true`.

    A field documented with `x-ref: Name` (a free-form object that is in fact a named
    schema) becomes that reference too.
    """

    def visit(schema: dict) -> None:
        if "x-ref" in schema:
            name = schema["x-ref"]
            kept = {k: schema[k] for k in ("description", "nullable") if k in schema}
            schema.clear()
            schema.update(allOf=[{"$ref": f"#/components/schemas/{name}"}], **kept)
            return
        options = schema.get("anyOf")
        if not isinstance(options, list) or len(options) != 2:
            return
        nulls = [o for o in options if o.get("nullable") and set(o) <= {"type", "nullable"}]
        refs = [o for o in options if set(o) == {"$ref"}]
        if len(nulls) == 1 and len(refs) == 1:
            del schema["anyOf"]
            schema.update(allOf=refs, nullable=True)

    _walk(document, visit)


def _name_enums(document: dict) -> None:
    """Replace each inline string enum with a reference to its one named schema."""
    schemas = document["components"].setdefault("schemas", {})
    names: dict[frozenset, str] = {}

    def name_for(values: frozenset, hint: str) -> str:
        if values not in names:
            name = ENUM_NAMES.get(values) or _pascal(hint) or "Enum"
            while name in schemas:
                name += "Value"
            names[values] = name
            schemas[name] = {"type": "string", "enum": sorted(values, key=str)}
        return names[values]

    def named(node, hint: str):
        """The node with its enums replaced; hint is the nearest property name."""
        if isinstance(node, list):
            return [named(item, hint) for item in node]
        if not isinstance(node, dict):
            return node
        if node.get("type") == "string" and isinstance(node.get("enum"), list):
            values = frozenset(v for v in node["enum"] if v is not None)
            return _ref_with(node, name_for(values, hint))
        result = {}
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                result[key] = {prop: named(schema, prop) for prop, schema in value.items()}
            elif key == "schema" and "name" in node:  # a parameter
                result[key] = named(value, node["name"])
            else:
                result[key] = named(value, hint)
        return result

    for name in [n for n, schema in schemas.items() if "enum" not in schema]:
        schemas[name] = named(schemas[name], name)
    for path, method, operation in list(operations(document)):
        document["paths"][path][method] = named(operation, operation.get("operationId", ""))


def _ref_with(schema: dict, name: str) -> dict:
    """A reference to a named enum keeping the use's description, default and nullability."""
    ref = {"$ref": f"#/components/schemas/{name}"}
    extra = {k: v for k, v in schema.items() if k in {"description", "default", "nullable"}}
    return {"allOf": [ref], **extra} if extra else ref
