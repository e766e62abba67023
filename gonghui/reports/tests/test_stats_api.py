"""`GET /api/stats/`: the same figures, scoped to the caller."""

import pytest
from django.urls import reverse

from gonghui.conftest import make_user
from gonghui.core.roles import Role
from gonghui.reports.tests.test_figures import COUNTY, KEYS, TOWN_A, TOWN_B, as_json

pytestmark = pytest.mark.django_db

YEAR_2025 = {"from": "2025-01-01", "to": "2025-12-31"}


def get(client, user, **params):
    if user is not None:
        client.force_login(user)
    return client.get(reverse("stats"), {**YEAR_2025, **params})


@pytest.mark.parametrize(
    "persona,expected", [("alice", COUNTY), ("bob", TOWN_A), ("charlie", TOWN_B)]
)
def test_each_persona_gets_their_scope(client, fig, request, persona, expected):
    response = get(client, request.getfixturevalue(persona))
    assert response.status_code == 200
    assert list(response.json()) == KEYS
    assert response.json() == as_json(expected)


def test_town_b_sees_nothing_of_town_a(client, fig, charlie):
    values = get(client, charlie).json()
    # Every town-A-only quantity is absent: A's 6 employers, 7 members, its overdue union.
    assert values["employers"] == 1 and values["members"] == 2
    assert values["unions_term_overdue"] == 0
    assert values["orgs_by_kind"]["grassroots"] == 1
    assert values != TOWN_A


def test_org_narrows_the_scope(client, fig, alice):
    assert get(client, alice, org=fig.base.town_a.pk).json() == as_json(TOWN_A)


@pytest.mark.parametrize(
    "persona,where",
    [("charlie", "town_a"), ("charlie", "union_a"), ("bob", "town_b"), ("bob", "county")],
)
def test_org_out_of_scope_is_404(client, fig, request, persona, where):
    response = get(client, request.getfixturevalue(persona), org=getattr(fig.base, where).pk)
    assert response.status_code == 404
    assert "城关镇" not in response.content.decode()


def test_unknown_org_is_404(client, fig, alice):
    assert get(client, alice, org=999999).status_code == 404


@pytest.mark.parametrize(
    "params,field",
    [
        ({"from": "2025-13-01"}, "from"),
        ({"to": "soon"}, "to"),
        ({"org": "abc"}, "org"),
        ({"org": "0"}, "org"),
        ({"from": "2025-02-01", "to": "2025-01-31"}, "from"),
    ],
)
def test_bad_parameters_are_400_by_field(client, fig, alice, params, field):
    response = get(client, alice, **params)
    assert response.status_code == 400
    assert field in response.json()


def test_anonymous_is_refused(client, fig):
    assert get(client, None).status_code in (401, 403)


def test_token_authentication(client, fig, bob):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=bob)
    response = client.get(reverse("stats"), YEAR_2025, HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.json() == as_json(TOWN_A)


def test_without_a_registry_role_is_403(client, fig, county):
    lawyer = make_user("lawyer", Role.LAWYER, county.county)
    assert get(client, lawyer).status_code == 403


def test_schema_describes_the_endpoint(client, alice):
    client.force_login(alice)
    schema = client.get(reverse("schema"), {"format": "json"}).json()
    operation = schema["paths"]["/api/stats/"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"org", "from", "to", "as_of"}
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    component = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert list(component["properties"]) == KEYS
