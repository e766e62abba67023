"""Schemathesis over the API's own schema: generated requests to every operation, as the county
administrator (who may write everywhere, so creates, updates and moves really run). Whatever
is sent, the answer is never a server error.

In-process through the Django WSGI application, inside the test's transaction. To stay well
under a minute: a few random examples per operation, and the coverage phase (boundary values)
sends invalid values in query parameters but only valid ones in bodies. A longer hunt:
SCHEMATHESIS_EXAMPLES=200 SCHEMATHESIS_FULL=1 pytest gonghui/tests/test_api_schemathesis.py
"""

import json
import os
import random

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from gonghui.aid.models import AidApplication, Payment, PaymentBatch, Programme, ProgrammeKind
from gonghui.aid.tests.conftest import make_programme
from gonghui.core.models import Organisation
from gonghui.core.models.orgs import COVERING_KINDS, TERRITORIAL_KINDS
from gonghui.core.validators import make_credit_code, make_mobile, make_resident_id
from gonghui.registry.models import Employer, Member
from gonghui.rights.models import BargainingRound, Case, CollectiveContract, Democracy

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "10"))
QUICK = {
    "phases": {"coverage": {"generation": {"mode": "positive"}}},
    "operations": [
        {"include-method": "GET", "phases": {"coverage": {"generation": {"mode": "all"}}}}
    ],
}
CONFIG = schemathesis.config.SchemathesisConfig.from_dict(
    {} if os.environ.get("SCHEMATHESIS_FULL") else QUICK
)


@pytest.fixture
def in_process_wsgi():
    """Like Django's test client: requests must not close the test's database connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def aid_records(county, alice):
    """A programme and an application approved and past its notice, so the aid endpoints' ids
    point at something and payments really run."""
    import datetime
    from decimal import Decimal

    programme = make_programme(county)
    application = AidApplication.objects.create(
        programme=programme, member=county.member_a, union=county.union_a, channel="staff",
        status="approved", amount_requested=Decimal("1000.00"), amount_approved=Decimal("1000.00"),
        approved_on=datetime.date(2025, 1, 1), notice_ends_on=datetime.date(2025, 1, 5),
    )  # fmt: skip
    application.set_bank_account("6222020200112233445")
    application.save()
    return county


@pytest.fixture
def token_headers(alice):
    token, _ = Token.objects.get_or_create(user=alice)
    return {"Authorization": f"Token {token.key}"}


def generated_schema() -> dict:
    """The schema /api/schema/ serves, generated at collection (no request, no database)."""
    return json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))


# Loaded at import rather than through schemathesis' lazy fixture loader, which does not run
# under pytest 9.
schema = schemathesis.openapi.from_dict(generated_schema(), config=CONFIG)


def test_the_fuzzed_schema_is_the_served_one(client, county, token_headers):
    response = client.get(
        "/api/schema/?format=json", HTTP_AUTHORIZATION=token_headers["Authorization"]
    )
    assert response.status_code == 200
    served = json.loads(response.content)
    assert served["paths"].keys() == generated_schema()["paths"].keys()
    assert len(served["paths"]) >= 6


# Not only "no 5xx": every answer is one the schema documents, with the body it documents.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=not os.environ.get("SCHEMATHESIS_FULL"),  # a hunt draws new cases each run
    database=None,
)
def test_api_answers_only_what_its_schema_says(case, aid_records, in_process_wsgi, token_headers):
    aim_at_existing_records(case)
    case.call_and_validate(app=in_process_wsgi, headers=token_headers, checks=CHECKS)


MODULES = ("aid", "rights")  # /api/<module>/<resource>/…: the resource names the model
MODELS = {
    "organisations": Organisation,
    "employers": Employer,
    "members": Member,
    "programmes": Programme,
    "applications": AidApplication,
    "payments": Payment,
    "payment-batches": PaymentBatch,
    "cases": Case,
    "contracts": CollectiveContract,
    "bargaining-rounds": BargainingRound,
    "democracy": Democracy,
}
# Related ids in bodies, and the records they are aimed at.
RELATIONS = {
    "parent": lambda: Organisation.objects.all(),
    "new_parent": lambda: Organisation.objects.all(),
    "territory": lambda: Organisation.objects.filter(kind__in=TERRITORIAL_KINDS),
    "union": lambda: Organisation.objects.filter(kind__in=COVERING_KINDS),
    "employer": lambda: Employer.objects.all(),
    "organisation": lambda: Organisation.objects.all(),
    "member": lambda: Member.objects.all(),
    "programme": lambda: Programme.objects.all(),
    "kind": lambda: ProgrammeKind.objects.all(),
    "application": lambda: AidApplication.objects.all(),
}
# Checked codes, which random text almost never passes: half are made valid.
VALID = {"id_number": make_resident_id, "credit_code": make_credit_code, "phone": make_mobile}


def whole_number(value) -> bool:
    if isinstance(value, str):
        return value.isascii() and value.isdigit()
    return isinstance(value, int) and not isinstance(value, bool)


def existing(queryset, seed) -> int:
    pks = sorted(queryset.values_list("pk", flat=True))
    return pks[int(seed) % len(pks)] if pks else int(seed)


def aim_at_existing_records(case) -> None:
    """Random ids are nearly always 404 and random ID numbers nearly always invalid, which would
    leave the update, move and service paths untested: whole-number ids are turned into ids of
    existing records, half of the checked codes into valid ones. Values of other shapes are left
    as generated."""
    params = case.path_parameters or {}
    if whole_number(params.get("id")):
        # /api/<resource>/{id}/ or /api/<module>/<resource>/{id}/
        resource = [part for part in case.path.split("/")[2:] if part not in MODULES][0]
        if resource in MODELS:  # others keep the generated id (mostly a 404)
            params["id"] = existing(MODELS[resource].objects.all(), params["id"])
    if isinstance(case.body, dict):
        for name, queryset in RELATIONS.items():
            if whole_number(case.body.get(name)):
                case.body[name] = existing(queryset(), case.body[name])
        for name, make in VALID.items():
            value = case.body.get(name)
            if isinstance(value, str) and len(value) % 2 == 0:
                case.body[name] = make(random.Random(value))
