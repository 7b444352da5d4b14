"""Property-based run of the service against its own OpenAPI document (schemathesis).

Every generated request, valid or not, must get a documented status code, media type,
headers and body schema, and never a server error (full-text `q` included: the in-memory
store matches text in process).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.core.mutations import OperatorKind
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.app import create_app
from service.auth.repository import KeyRepository
from service.db import get_db

MAX_EXAMPLES = 30


@pytest.fixture(scope="module")
def conformance_app(mongo_client):
    """One app with auth and extraction on, and an admin key, for the whole run."""
    app = create_app(
        {
            "TESTING": True,
            "LOAD_SEEDS": False,
            "AUTH": "required",
            "RATE_LIMIT_ENABLED": False,
            "MONGO_DB": "claimdesk_conformance",
        },
        mongo_client=mongo_client,
    )
    with app.app_context():
        app.config["TEST_ADMIN_KEY"] = KeyRepository(get_db()).create("fuzz", "admin")[1]
    yield app
    mongo_client.drop_database("claimdesk_conformance")


@pytest.fixture(scope="module")
def conformance_schema(conformance_app):
    """The service's OpenAPI document, loaded through WSGI."""
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", conformance_app)


schema = schemathesis.pytest.from_fixture("conformance_schema")


def no_server_error():
    """A check: no 5xx."""

    def check(ctx, response, case):
        if response.status_code < 500:
            return None
        raise AssertionError(f"server error {response.status_code}: {response.text[:300]}")

    return check


def free_text_list(case, name: str | None) -> bool:
    """Whether a query parameter is a list of plain strings (no enum, no pattern)."""
    parameter = case.operation.get_parameter_set(ParameterLocation.QUERY).get(name)
    schema = (getattr(parameter, "definition", None) or {}).get("schema") or {}
    items = schema.get("items") or {}
    plain = items.get("type") == "string" and not {"enum", "pattern"} & set(items)
    return schema.get("type") == "array" and plain


def valid_on_the_wire(case) -> bool:
    """Whether the case is negative only by a free-text list filter turned into another
    type (null, a number, ...), which a query string sends as text, a valid value of that
    filter, and by the Authorization header this test sends itself."""
    data = case.meta.phase.data if case.meta is not None else None
    mutations = getattr(data, "mutations", None) or []
    retyped = [
        m
        for m in mutations
        if m.parameter_location == ParameterLocation.QUERY
        and m.operator == OperatorKind.CHANGE_TYPE
        and free_text_list(case, m.parameter)
    ]
    ours = [
        m
        for m in mutations
        if m.parameter_location == ParameterLocation.HEADER and m.parameter == "Authorization"
    ]
    return bool(retyped) and len(retyped) + len(ours) == len(mutations)


def rejects_negative_data(ctx, response, case):
    """schemathesis' negative-data check, counting 413 (over MAX_BODY_BYTES) as a rejection."""
    if response.status_code == 413 or valid_on_the_wire(case):
        return None
    return negative_data_rejection(ctx, response, case)


CHECKS = [
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    rejects_negative_data,
]


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_openapi_document(case, conformance_app):
    key = conformance_app.config["TEST_ADMIN_KEY"]
    case.call_and_validate(
        headers={"Authorization": f"Bearer {key}"},
        checks=[*CHECKS, no_server_error()],
    )
