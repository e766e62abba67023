"""The REST API's permission matrix: alice (county admin), bob (clerk, town A), charlie (clerk,
town B), a read-only leader and an anonymous caller, over list, detail, create, update and move
of organisations, employers and members. Every call authenticates with a token, as an
integration would; personal data must never leave in clear."""

import base64
import datetime
import json
import random

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from gonghui.conftest import make_user
from gonghui.core.models import AuditAction, AuditEntry, Organisation
from gonghui.core.roles import Role
from gonghui.core.validators import make_credit_code, make_resident_id
from gonghui.registry.models import Employer, Member

pytestmark = pytest.mark.django_db

OUT_OF_REACH = "不存在或不在您的管理范围内"
CLEAR_ID_A, CLEAR_PHONE_A = "420324199003071231", "13812345678"
CLEAR_ID_B, CLEAR_PHONE_B = "420324198502110026", "13987654321"
RNG = random.Random(20260101)


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def url(resource: str, pk=None, action: str | None = None) -> str:
    if action:
        return reverse(f"{resource}-{action}", args=[pk])
    if pk is None:
        return reverse(f"{resource}-list")
    return reverse(f"{resource}-detail", args=[pk])


def ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def audited(obj, action: str, actor) -> bool:
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        action=action,
        actor=actor,
    ).exists()


@pytest.fixture
def vera(county):
    """A leader of the county: reads everything, writes nothing."""
    return make_user("vera", Role.VIEWER, county.county)


def member_payload(union, **extra) -> dict:
    return {
        "name": "王新",
        "id_number": make_resident_id(RNG),
        "phone": "13700001111",
        "union": union.pk,
        "joined_on": "2025-01-02",
        **extra,
    }


def employer_payload(territory, union=None, **extra) -> dict:
    return {
        "credit_code": make_credit_code(RNG),
        "name": "新丰农业合作社",
        "territory": territory.pk,
        "union": union.pk if union else None,
        "ownership": "collective",
        "headcount": 12,
        **extra,
    }


# --- lists ----------------------------------------------------------------------------------


def test_lists_are_scoped(county, alice, bob, charlie):
    c = county
    assert ids(api(alice).get(url("organisation"))) == {
        c.county.pk,
        c.town_a.pk,
        c.town_b.pk,
        c.union_a.pk,
        c.union_b.pk,
    }
    assert ids(api(bob).get(url("organisation"))) == {c.town_a.pk, c.union_a.pk}
    assert ids(api(charlie).get(url("organisation"))) == {c.town_b.pk, c.union_b.pk}
    assert ids(api(alice).get(url("employer"))) == {c.employer_a.pk, c.employer_b.pk}
    assert ids(api(bob).get(url("employer"))) == {c.employer_a.pk}
    assert ids(api(charlie).get(url("employer"))) == {c.employer_b.pk}
    assert ids(api(alice).get(url("member"))) == {c.member_a.pk, c.member_b.pk}
    assert ids(api(bob).get(url("member"))) == {c.member_a.pk}
    assert ids(api(charlie).get(url("member"))) == {c.member_b.pk}


def test_town_b_lists_say_nothing_of_town_a(county, charlie):
    client = api(charlie)
    for resource in ("organisation", "employer", "member"):
        body = client.get(url(resource), {"status": "all"}).content.decode()
        for secret in ("城关镇", "甲机械厂", "张甲明", "91420324MA4F00001L", "1231"):
            assert secret not in body, (resource, secret)


def test_filters_work_as_on_the_pages(county, alice, bob, charlie):
    c = county
    assert ids(api(alice).get(url("organisation"), {"within": c.town_a.pk})) == {
        c.town_a.pk,
        c.union_a.pk,
    }
    assert ids(api(alice).get(url("organisation"), {"kind": "grassroots"})) == {
        c.union_a.pk,
        c.union_b.pk,
    }
    assert ids(api(alice).get(url("employer"), {"within": c.town_b.pk})) == {c.employer_b.pk}
    assert ids(api(alice).get(url("employer"), {"q": "甲机械"})) == {c.employer_a.pk}
    assert ids(api(alice).get(url("member"), {"q": "1231"})) == {c.member_a.pk}
    assert ids(api(alice).get(url("member"), {"employment_form": "courier"})) == {c.member_b.pk}
    # A filter naming an organisation out of scope is refused like an unknown one.
    for within in (c.town_a.pk, 999_999):
        response = api(charlie).get(url("employer"), {"within": within})
        assert response.status_code == 400 and "within" in response.json()
    assert api(bob).get(url("member"), {"status": "nonsense"}).status_code == 400
    # Ids no database integer holds are refused (SQLite used to overflow: a 500).
    for employer in ("1e30", "99999999999999999999999", "1.5"):
        assert api(bob).get(url("member"), {"employer": employer}).status_code == 400
    assert ids(api(bob).get(url("member"), {"employer": c.employer_a.pk})) == {c.member_a.pk}


def test_members_list_active_by_default_and_all_on_request(county, bob):
    client = api(bob)
    response = client.patch(
        url("member", county.member_a.pk), {"status": "left", "left_on": "2025-06-30"}
    )
    assert response.status_code == 200, response.content
    assert ids(client.get(url("member"))) == set()
    assert ids(client.get(url("member"), {"status": "left"})) == {county.member_a.pk}
    assert ids(client.get(url("member"), {"status": "all"})) == {county.member_a.pk}


def test_keyset_pagination(county, alice):
    client = api(alice)
    first = client.get(url("organisation"), {"page_size": 2}).json()
    assert len(first["results"]) == 2 and first["next"]
    seen = [row["id"] for row in first["results"]]
    page = first
    while page["next"]:
        page = client.get(page["next"]).json()
        seen += [row["id"] for row in page["results"]]
    assert seen == sorted(seen, reverse=True) and len(seen) == 5
    assert client.get(url("organisation"), {"cursor": "garbage"}).status_code == 404
    # A well-formed cursor whose position is no primary key (found by schemathesis: was a 500).
    forged = base64.b64encode(b"p=abc").decode()
    assert client.get(url("member"), {"cursor": forged}).status_code == 404


# --- details --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("resource", "attr"),
    [
        ("organisation", "town_a"),
        ("organisation", "union_a"),
        ("employer", "employer_a"),
        ("member", "member_a"),
    ],
)
def test_town_a_objects_are_404_to_town_b(county, alice, bob, charlie, resource, attr):
    obj = getattr(county, attr)
    assert api(alice).get(url(resource, obj.pk)).status_code == 200
    assert api(bob).get(url(resource, obj.pk)).status_code == 200
    client = api(charlie)
    missing = client.get(url(resource, 999_999))
    for method in ("get", "put", "patch"):
        response = getattr(client, method)(url(resource, obj.pk), {})
        assert response.status_code == 404, (method, response.content)
        assert response.json() == missing.json()
    if resource == "organisation":
        response = client.post(url(resource, obj.pk, "move"), {"new_parent": county.town_b.pk})
        assert response.status_code == 404
        assert Organisation.objects.get(pk=obj.pk).path == obj.path


# --- organisations --------------------------------------------------------------------------


def test_clerk_creates_updates_and_moves_organisations_in_own_town(county, bob):
    client = api(bob)
    response = client.post(
        url("organisation"),
        {"name": "城关镇建筑行业工会", "kind": "industry_union", "parent": county.town_a.pk},
    )
    assert response.status_code == 201, response.content
    industry = Organisation.objects.get(pk=response.json()["id"])
    assert industry.parent == county.town_a and response.json()["depth"] == 2
    assert audited(industry, AuditAction.CREATE, bob)

    response = client.patch(url("organisation", county.union_a.pk), {"chair": "周主席"})
    assert response.status_code == 200 and response.json()["chair"] == "周主席"
    assert audited(county.union_a, AuditAction.UPDATE, bob)

    body = client.get(url("organisation", county.union_a.pk)).json()
    body.update(chair="吴主席", status="dormant")
    response = client.put(url("organisation", county.union_a.pk), body, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "dormant"

    response = client.post(
        url("organisation", county.union_a.pk, "move"), {"new_parent": industry.pk}
    )
    assert response.status_code == 200, response.content
    assert response.json()["parent"] == industry.pk and response.json()["depth"] == 3
    assert Organisation.objects.get(pk=county.union_a.pk).path.startswith(industry.path)
    assert audited(county.union_a, AuditAction.MOVE, bob)


def test_organisation_relations_out_of_reach_are_refused_alike(county, bob, charlie):
    payload = {"name": "某工会", "kind": "grassroots"}
    answers = []
    for parent in (county.town_a.pk, 999_999):
        response = api(charlie).post(url("organisation"), {**payload, "parent": parent})
        assert response.status_code == 400
        answers.append(response.json())
    assert answers[0] == answers[1] == {"parent": [OUT_OF_REACH]}
    # Moving into another town, or a town B union into town A.
    response = api(bob).post(
        url("organisation", county.union_a.pk, "move"), {"new_parent": county.town_b.pk}
    )
    assert response.status_code == 400 and response.json() == {"new_parent": [OUT_OF_REACH]}
    response = api(charlie).post(
        url("organisation", county.union_b.pk, "move"), {"new_parent": county.town_a.pk}
    )
    assert response.status_code == 400 and response.json() == {"new_parent": [OUT_OF_REACH]}
    assert Organisation.objects.get(pk=county.union_b.pk).parent == county.town_b


def test_organisation_service_errors_answer_400_with_the_service_message(county, alice, bob):
    client = api(bob)
    # A town federation under a town federation: the service's tree rule.
    response = client.post(
        url("organisation"),
        {"name": "城关镇二工会", "kind": "town_federation", "parent": county.town_a.pk},
    )
    assert response.status_code == 400 and "下不能设立" in response.json()["parent"][0]
    # A name taken in the county.
    response = client.post(
        url("organisation"),
        {"name": "甲机械厂工会", "kind": "grassroots", "parent": county.town_a.pk},
    )
    assert response.status_code == 400 and "name" in response.json()
    # Moving into its own subtree.
    response = api(alice).post(
        url("organisation", county.town_a.pk, "move"), {"new_parent": county.union_a.pk}
    )
    assert response.status_code == 400 and "new_parent" in response.json()
    # Changing the parent is a move, not an edit.
    response = api(alice).patch(
        url("organisation", county.union_a.pk), {"parent": county.town_b.pk}
    )
    assert response.status_code == 400 and "move" in response.json()["parent"][0]
    response = client.patch(url("organisation", county.union_a.pk), {"parent": county.town_b.pk})
    assert response.status_code == 400 and response.json() == {"parent": [OUT_OF_REACH]}
    # A root needs a parent unless the caller is a superuser.
    response = api(alice).post(url("organisation"), {"name": "新县", "kind": "county_federation"})
    assert response.status_code == 400 and "parent" in response.json()
    # Unknown fields are refused, not dropped.
    response = client.patch(url("organisation", county.union_a.pk), {"chairman": "x"})
    assert response.status_code == 400 and "chairman" in response.json()


# --- employers ------------------------------------------------------------------------------


def test_clerk_creates_and_updates_employers_in_own_town(county, bob):
    client = api(bob)
    response = client.post(
        url("employer"), employer_payload(county.town_a, county.union_a), format="json"
    )
    assert response.status_code == 201, response.content
    employer = Employer.objects.get(pk=response.json()["id"])
    assert response.json()["union_status"] == "unionized"
    assert audited(employer, AuditAction.CREATE, bob)

    response = client.patch(url("employer", employer.pk), {"operating_status": "deregistered"})
    assert response.status_code == 200 and response.json()["union_status"] == "not_operating"
    assert audited(employer, AuditAction.UPDATE, bob)

    body = client.get(url("employer", county.employer_a.pk)).json()
    body["headcount"] = 130
    response = client.put(url("employer", county.employer_a.pk), body, format="json")
    assert response.status_code == 200 and response.json()["headcount"] == 130
    assert audited(county.employer_a, AuditAction.UPDATE, bob)


def test_employer_relations_and_codes_out_of_reach(county, bob, charlie):
    client = api(charlie)
    response = client.post(url("employer"), employer_payload(county.town_a), format="json")
    assert response.status_code == 400 and response.json() == {"territory": [OUT_OF_REACH]}
    response = client.post(
        url("employer"), employer_payload(county.town_b, county.union_a), format="json"
    )
    assert response.status_code == 400 and response.json() == {"union": [OUT_OF_REACH]}
    # Town A's credit code: refused without naming town A's employer.
    response = client.post(
        url("employer"),
        employer_payload(county.town_b, credit_code=county.employer_a.credit_code),
        format="json",
    )
    assert response.status_code == 400 and "credit_code" in response.json()
    assert "甲机械厂" not in response.content.decode()
    response = api(bob).patch(url("employer", county.employer_a.pk), {"union": county.union_b.pk})
    assert response.status_code == 400 and response.json() == {"union": [OUT_OF_REACH]}
    assert Employer.objects.get(pk=county.employer_a.pk).union == county.union_a


def test_an_edit_keeps_a_relation_it_cannot_show(county, alice, bob):
    """A town A employer covered by a town B union: bob may edit it and keep that union."""
    employer = Employer.objects.get(pk=county.employer_a.pk)
    response = api(alice).patch(url("employer", employer.pk), {"union": county.union_b.pk})
    assert response.status_code == 200, response.content
    body = api(bob).get(url("employer", employer.pk)).json()
    body["name"] = "甲机械厂（改名）"
    response = api(bob).put(url("employer", employer.pk), body, format="json")
    assert response.status_code == 200, response.content
    assert Employer.objects.get(pk=employer.pk).union == county.union_b


# --- members --------------------------------------------------------------------------------


def test_clerk_creates_and_updates_members_in_own_union(county, bob):
    client = api(bob)
    payload = member_payload(county.union_a, employer=county.employer_a.pk)
    response = client.post(url("member"), payload, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    member = Member.objects.get(pk=body["id"])
    assert member.id_number == payload["id_number"]
    assert body["id_number_masked"] == member.id_masked and "id_number" not in body
    assert body["phone_masked"] == "137****1111" and "phone" not in body
    assert body["status"] == "active" and body["source"] == "manual"
    assert payload["id_number"] not in response.content.decode()
    assert payload["phone"] not in response.content.decode()
    assert audited(member, AuditAction.CREATE, bob)

    # PUT back what GET gave (masked values are read-only): the stored number is kept.
    body = client.get(url("member", member.pk)).json()
    body["name"] = "王新民"
    response = client.put(url("member", member.pk), body, format="json")
    assert response.status_code == 200, response.content
    assert Member.objects.get(pk=member.pk).id_number == payload["id_number"]

    response = client.patch(url("member", member.pk), {"phone": "13900002222"})
    assert response.status_code == 200 and response.json()["phone_masked"] == "139****2222"
    assert "13900002222" not in response.content.decode()
    assert Member.objects.get(pk=member.pk).phone == "13900002222"

    response = client.patch(url("member", member.pk), {"status": "left", "left_on": "2025-06-01"})
    assert response.status_code == 200 and response.json()["status"] == "left"
    assert audited(member, AuditAction.UPDATE, bob)


def test_member_in_town_a_union_is_refused_to_town_b(county, charlie):
    response = api(charlie).post(url("member"), member_payload(county.union_a), format="json")
    assert response.status_code == 400
    assert response.json() == {"union": [OUT_OF_REACH]}
    response = api(charlie).post(
        url("member"),
        member_payload(county.union_b, employer=county.employer_a.pk),
        format="json",
    )
    assert response.status_code == 400 and response.json() == {"employer": [OUT_OF_REACH]}


def test_member_validation_messages(county, bob, charlie):
    client = api(bob)
    response = client.post(
        url("member"), member_payload(county.union_a, id_number="420324199003071232")
    )
    assert response.status_code == 400 and "id_number" in response.json()
    # Town A's member's number entered in town B: refused without naming town A's union.
    response = api(charlie).post(
        url("member"), member_payload(county.union_b, id_number=CLEAR_ID_A), format="json"
    )
    assert response.status_code == 400 and "id_number" in response.json()
    assert "甲机械厂" not in response.content.decode()
    response = client.post(url("member"), member_payload(county.town_a), format="json")
    assert response.status_code == 400 and "union" in response.json()
    response = client.patch(url("member", county.member_a.pk), {"status": "left"})
    assert response.status_code == 400 and "left_on" in response.json()
    response = client.patch(url("member", county.member_a.pk), {"status": "transferred_out"})
    assert response.status_code == 400 and "status" in response.json()
    response = client.post(
        url("member"), member_payload(county.union_a, status="left"), format="json"
    )
    assert response.status_code == 400 and "status" in response.json()
    response = client.patch(url("member", county.member_a.pk), {"gender": "F", "id_masked": "x"})
    assert response.status_code == 400 and "id_masked" in response.json()


def test_no_response_carries_clear_personal_data(county, alice, bob):
    secrets = [CLEAR_ID_A, CLEAR_PHONE_A, CLEAR_ID_B, CLEAR_PHONE_B, "19900307", "1990-03-07"]
    client = api(alice)
    bodies = [
        client.get(url("member"), {"status": "all"}),
        client.get(url("member", county.member_a.pk)),
        client.get(url("member", county.member_b.pk)),
        client.patch(url("member", county.member_a.pk), {"phone": CLEAR_PHONE_A}),
        client.put(
            url("member", county.member_b.pk),
            member_payload(county.union_b, id_number=CLEAR_ID_B, phone=CLEAR_PHONE_B),
            format="json",
        ),
        # Exact look-ups go in the body (core/sealed_search.py): never in a URL.
        api(bob).post(url("member") + "search/", {"q": CLEAR_ID_A}, format="json"),
        api(bob).post(url("member") + "search/", {"q": CLEAR_PHONE_A}, format="json"),
        client.get(reverse("schema")),
        # What a browser is answered (JSON: there are no browsable API pages to fill).
        client.get(url("member", county.member_a.pk), HTTP_ACCEPT="text/html,*/*;q=0.8"),
    ]
    for response in bodies:
        assert response.status_code == 200, response.content
        raw = response.content.decode()
        for secret in secrets:
            assert secret not in raw
    assert json.loads(bodies[1].content)["id_number_masked"] == "420324********1231"
    assert json.loads(bodies[1].content)["phone_masked"] == "138****5678"


# --- who may write --------------------------------------------------------------------------


def test_viewer_reads_but_may_not_write(county, vera):
    client = api(vera)
    assert len(ids(client.get(url("member")))) == 2
    assert client.get(url("employer", county.employer_a.pk)).status_code == 200
    writes = [
        client.post(url("organisation"), {"name": "x", "kind": "grassroots"}),
        client.post(url("employer"), employer_payload(county.town_a), format="json"),
        client.post(url("member"), member_payload(county.union_a), format="json"),
        client.patch(url("organisation", county.union_a.pk), {"chair": "x"}),
        client.put(url("employer", county.employer_a.pk), {}),
        client.patch(url("member", county.member_a.pk), {"name": "x"}),
        client.post(url("organisation", county.union_a.pk, "move"), {"new_parent": 1}),
    ]
    assert [r.status_code for r in writes] == [403] * len(writes)
    assert not AuditEntry.objects.filter(actor=vera).exists()


def test_viewer_at_county_and_clerk_in_town_b_writes_in_town_b_only(county, charlie):
    charlie.role_assignments.create(role=Role.VIEWER, organisation=county.county)
    client = api(charlie)
    assert client.get(url("member", county.member_a.pk)).status_code == 200
    assert client.patch(url("member", county.member_a.pk), {"name": "x"}).status_code == 403
    assert client.patch(url("member", county.member_b.pk), {"name": "李乙"}).status_code == 200
    response = client.post(url("member"), member_payload(county.union_a), format="json")
    assert response.status_code == 400 and response.json() == {"union": [OUT_OF_REACH]}


def test_no_delete(county, alice):
    client = api(alice)
    for resource, obj in (
        ("organisation", county.union_b),
        ("employer", county.employer_b),
        ("member", county.member_b),
    ):
        assert client.delete(url(resource, obj.pk)).status_code == 405
        assert type(obj).objects.filter(pk=obj.pk).exists()


# --- authentication -------------------------------------------------------------------------


def test_anonymous_gets_401(county):
    client = api()
    calls = [
        client.get(url("member")),
        client.get(url("member", county.member_a.pk)),
        client.post(url("organisation"), {"name": "x"}),
        client.patch(url("employer", county.employer_a.pk), {"name": "x"}),
        client.post(url("organisation", county.union_a.pk, "move"), {"new_parent": 1}),
        client.get(reverse("schema")),
    ]
    assert [r.status_code for r in calls] == [401] * len(calls)
    assert calls[0]["WWW-Authenticate"] == "Token"


def test_tokens_wrong_or_expired_are_refused(county, bob):
    assert APIClient(HTTP_AUTHORIZATION="Token nonsense").get(url("member")).status_code == 401
    client = api(bob)
    assert client.get(url("member")).status_code == 200
    Token.objects.filter(user=bob).update(created=timezone.now() - datetime.timedelta(days=91))
    response = client.get(url("member"))
    assert response.status_code == 401 and "过期" in response.json()["detail"]
    with override_settings(GONGHUI_API_TOKEN_DAYS=0):
        assert client.get(url("member")).status_code == 200
    with override_settings(GONGHUI_API_TOKEN_DAYS=365):
        assert client.get(url("member")).status_code == 200
    bob.is_active = False
    bob.save()
    assert client.get(url("member")).status_code == 401


def test_session_authentication_needs_csrf_for_writes(county, bob):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(bob)
    assert client.get(url("member")).status_code == 200
    response = client.patch(url("member", county.member_a.pk), {"name": "x"})
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]


def test_created_token_command(county, bob):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("drf_create_token", "bob", stdout=out)
    key = Token.objects.get(user=bob).key
    assert key in out.getvalue()
    client = APIClient(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(url("organisation")).status_code == 200


# --- schema and docs ------------------------------------------------------------------------


def test_schema_documents_every_operation(county, alice):
    response = api(alice).get(reverse("schema"), {"format": "json"})
    assert response.status_code == 200
    schema = json.loads(response.content)
    operations = [
        (path, method, op)
        for path, item in schema["paths"].items()
        for method, op in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]
    for path, method, op in operations:
        assert op.get("tags") and op.get("summary"), (path, method)
        assert method != "delete", path
    member = schema["components"]["schemas"]["Member"]["properties"]
    assert member["id_number"]["writeOnly"] and member["phone"]["writeOnly"]
    assert member["id_number_masked"]["readOnly"] and member["phone_masked"]["readOnly"]
    assert "/api/organisations/{id}/move/" in schema["paths"]


def test_docs_page_needs_a_login_and_loads_no_cdn(client, county, bob):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(bob)
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assets = [
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-standalone-preset.js",
    ]
    for asset in assets:
        assert f'"{asset}"' in html
        served = client.get(asset)
        assert served.status_code == 200, asset
        b"".join(served.streaming_content if served.streaming else [served.content])
    # The start-up script is a file of its own: the Content-Security-Policy allows no inline one.
    assert "<script>" not in html and "<style>" not in html
    script = client.get(reverse("api-docs"), {"script": ""})
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
    script = script.content.decode()
    assert reverse("schema") in script and '"validatorUrl": null' in script
