"""The permission matrix over every URL the project serves, found by walking the URLconf.

A new URL pattern fails `test_every_url_has_a_scoping_case` until it is added below, so no page or
endpoint ships without a check that town B sees nothing of town A.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from gonghui.core.models import RoleAssignment
from gonghui.core.roles import Role

pytestmark = pytest.mark.django_db

# Names a town-B user must never see anywhere.
TOWN_A_SECRETS = ["甲机械厂", "张甲明", "城关镇总工会", "91420324MA4F00001L", "420324********1231"]

# Pages and endpoints without an object in the URL: every persona may open them, and what they
# list is scoped. Value: the status charlie (clerk + admin of town B) gets.
LIST_URLS = {
    "home": 200,
    "password_change": 200,
    "core:org_list": 200,
    "core:org_tree": 200,
    "core:org_pick": 200,
    "core:org_add": 200,
    "core:user_list": 200,
    "core:user_add": 200,
    "core:audit_list": 200,
    "registry:employer_list": 200,
    "registry:employer_add": 200,
    "registry:member_list": 200,
    "registry:member_add": 200,
    "registry:application_list": 200,
    "registry:founding_list": 200,
    "api-root": 200,
    "organisation-list": 200,
    "employer-list": 200,
    "member-list": 200,
    "schema": 200,
    "workbench": 200,
    "imports:index": 200,
    "imports:unions": 200,
    "imports:units": 200,
    "imports:members": 200,
    "reports:dashboard": 200,
    "reports:figure_records": 200,  # the index; a figure's records: reports/tests
    "reports:figure_years": 200,
    "stats": 200,
    "stats-records-list": 200,  # the traced figures; a figure's records: reports/tests
    "stats-years-list": 200,
    "api-docs": 200,
    # Member-card verification: any staff role; without a scanned token it only asks for one.
    "portal:verify": 200,
}
# Open to anyone (login/logout). The worker portal is public to staff auth: a worker proves their
# phone instead and sees only their own records (gonghui/portal/tests).
# Look-ups posted with what they look for in the body (a whole ID number never in a URL,
# gonghui/core/sealed_search.py): town B gets an answer with nothing of town A in it, the county
# admin finds town A's record. Value: the body, from the county.
SEARCH_URLS = {
    "member-search": lambda c: {"q": "420324199003071231"},  # 张甲明 of town A
}

PUBLIC_URLS = {
    "login",
    "logout",
    "portal:home",
    "portal:signin",
    "portal:signin_code",
    "portal:signout",
    "portal:application",
    "portal:application_withdraw",
    "portal:join",
    "portal:employer_search",
    "portal:join_qr_png",
    "portal:join_qr_svg",
    "portal:join_poster",
    "portal:transfer_unions",
    "portal:transfer",
    "portal:card",
    "portal:leave",
}


def bob_import(county, bob) -> int:
    """An import of bob's (town A): its pages are his and his administrators' only."""
    from gonghui.core.models import Job

    params = {"template": "members", "filename": "会员.xlsx", "file": "0.xlsx", "dry_run": True}
    job = Job.objects.create(
        kind="import", task="x", owner=bob, org_path=county.town_a.path, params=params
    )
    return job.pk


def bob_export(county, bob) -> int:
    """A finished export of bob's (town A), its file stored: his and his administrators'."""
    from gonghui.core import exports, private_files
    from gonghui.core.models import Job, JobStatus

    params = {"fmt": "csv", "filename": "会员.csv", "total": 1, "reveal": False}
    job = Job.objects.create(kind=exports.KIND, task=exports.TASK, owner=bob, params=params,
                             org_path=county.town_a.path, status=JobStatus.DONE,
                             result={"rows": 1, "filename": "会员.csv"})  # fmt: skip
    private_files.store_bytes(exports.file_name(job), "张甲明\n".encode())
    return job.pk


def town_a_contact(county, bob) -> int:
    """A founding-drive contact record with a town-A employer."""
    import datetime

    from gonghui.registry.models import FoundingContact

    contact = FoundingContact.objects.create(
        employer=county.employer_a, contacted_on=datetime.date(2025, 3, 1), method="visit",
        outcome="considering", contact_person="甲机械厂办公室", recorded_by=bob,
    )  # fmt: skip
    return contact.pk


def town_a_application(county, user) -> int:
    """A worker's pending application to join union_a (town A)."""
    from gonghui.registry import membership

    application = membership.submit_join(
        union=county.union_a,
        name="孙甲新",
        id_number="420324199201150010",
        phone="13700000001",
        employer=county.employer_a,
        employment_form="standard",
        is_migrant_worker=False,
        consent_version="2025-1",
    )
    return application.pk


# URLs naming one object: which town-A object to use, and the method.
OBJECT_URLS = {
    "core:org_detail": ("GET", lambda c, u: {"pk": c.union_a.pk}),
    "core:org_edit": ("GET", lambda c, u: {"pk": c.union_a.pk}),
    "core:org_move": ("GET", lambda c, u: {"pk": c.union_a.pk}),
    "core:org_tree_children": ("GET", lambda c, u: {"pk": c.town_a.pk}),
    "core:user_detail": ("GET", lambda c, u: {"pk": u.pk}),
    "core:user_set_active": ("POST", lambda c, u: {"pk": u.pk}),
    "core:user_revoke": (
        "POST",
        lambda c, u: {"pk": u.pk, "assignment_pk": u.role_assignments.first().pk},
    ),
    "registry:employer_detail": ("GET", lambda c, u: {"pk": c.employer_a.pk}),
    "registry:employer_edit": ("GET", lambda c, u: {"pk": c.employer_a.pk}),
    "registry:member_detail": ("GET", lambda c, u: {"pk": c.member_a.pk}),
    "registry:member_edit": ("GET", lambda c, u: {"pk": c.member_a.pk}),
    "registry:member_reveal": ("POST", lambda c, u: {"pk": c.member_a.pk, "field": "id_number"}),
    "registry:member_transfer": ("GET", lambda c, u: {"pk": c.member_a.pk}),
    "registry:member_leave": ("GET", lambda c, u: {"pk": c.member_a.pk}),
    "registry:application_detail": ("GET", lambda c, u: {"pk": town_a_application(c, u)}),
    "registry:application_approve": ("POST", lambda c, u: {"pk": town_a_application(c, u)}),
    "registry:application_refuse": ("POST", lambda c, u: {"pk": town_a_application(c, u)}),
    "registry:founding_contact_add": ("POST", lambda c, u: {"pk": c.employer_a.pk}),
    "registry:founding_contact_delete": ("POST", lambda c, u: {"pk": town_a_contact(c, u)}),
    "organisation-detail": ("GET", lambda c, u: {"pk": c.union_a.pk}),
    "employer-detail": ("GET", lambda c, u: {"pk": c.employer_a.pk}),
    "member-detail": ("GET", lambda c, u: {"pk": c.member_a.pk}),
    "organisation-move": ("POST", lambda c, u: {"pk": c.union_a.pk}),
    "imports:detail": ("GET", lambda c, u: {"pk": bob_import(c, u)}),
    "imports:progress": ("GET", lambda c, u: {"pk": bob_import(c, u)}),
    "imports:errors": ("GET", lambda c, u: {"pk": bob_import(c, u)}),
    "imports:confirm": ("POST", lambda c, u: {"pk": bob_import(c, u)}),
    "exports:detail": ("GET", lambda c, u: {"pk": bob_export(c, u)}),
    "exports:progress": ("GET", lambda c, u: {"pk": bob_export(c, u)}),
    "exports:file": ("GET", lambda c, u: {"pk": bob_export(c, u)}),
}

# Bodies of POSTs that need one (the API's move needs a new parent; town A's own is a no-op).
POST_DATA = {
    "organisation-move": lambda c: {"new_parent": c.town_a.pk},
    "registry:application_refuse": lambda c: {"reason": "材料不全"},
}


def _merge_module_cases() -> None:
    """Later modules keep their cases next to their code, in `gonghui/<app>/tests/url_cases*.py`
    (any of LIST_URLS, OBJECT_URLS, PUBLIC_URLS, POST_DATA, TOWN_A_SECRETS), merged here so that
    the matrix below stays one test over every URL."""
    import importlib
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for path in sorted(root.glob("*/tests/url_cases*.py")):
        module = importlib.import_module(f"gonghui.{path.parent.parent.name}.tests.{path.stem}")
        LIST_URLS.update(getattr(module, "LIST_URLS", {}))
        OBJECT_URLS.update(getattr(module, "OBJECT_URLS", {}))
        PUBLIC_URLS.update(getattr(module, "PUBLIC_URLS", set()))
        POST_DATA.update(getattr(module, "POST_DATA", {}))
        TOWN_A_SECRETS.extend(getattr(module, "TOWN_A_SECRETS", []))


_merge_module_cases()


def walk(patterns=None, prefix="", namespace=""):
    """(qualified name, route) of every named URL pattern."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern) and p.name:
            yield (f"{namespace}:{p.name}" if namespace else p.name), prefix + str(p.pattern)


def build(name: str, kwargs: dict) -> str:
    from django.urls import reverse

    return reverse(name, kwargs=kwargs)


def test_every_url_has_a_scoping_case():
    names = {name for name, route in walk() if "format" not in route}
    unknown = names - set(LIST_URLS) - set(OBJECT_URLS) - set(SEARCH_URLS) - PUBLIC_URLS
    assert not unknown, f"URL patterns without a scoping case in this file: {sorted(unknown)}"


@pytest.fixture
def charlie_admin(charlie, county):
    """charlie at his strongest: clerk and administrator of town B."""
    RoleAssignment.objects.create(user=charlie, role=Role.ADMIN, organisation=county.town_b)
    return charlie


@pytest.mark.parametrize("name", sorted(LIST_URLS))
def test_lists_show_town_b_nothing_of_town_a(client, county, charlie_admin, name):
    client.force_login(charlie_admin)
    response = client.get(build(name, {}))
    assert response.status_code == LIST_URLS[name]
    body = response.content.decode()
    for secret in TOWN_A_SECRETS:
        assert secret not in body, f"{name} shows {secret} to town B"


@pytest.mark.parametrize("name", sorted(SEARCH_URLS))
def test_look_ups_find_town_b_nothing_of_town_a(client, county, alice, charlie_admin, name):
    body = SEARCH_URLS[name](county)
    client.force_login(charlie_admin)
    response = client.post(build(name, {}), body, content_type="application/json")
    assert response.status_code == 200
    for secret in TOWN_A_SECRETS:
        assert secret not in response.content.decode(), f"{name} shows {secret} to town B"
    client.force_login(alice)
    found = client.post(build(name, {}), body, content_type="application/json")
    assert "张甲明" in found.content.decode()


@pytest.mark.parametrize("name", sorted(set(LIST_URLS) - {"schema", "api-root"}))
def test_lists_show_the_county_admin_town_a(client, county, alice, bob, name):
    client.force_login(alice)
    response = client.get(build(name, {}))
    assert response.status_code == 200


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_town_a_objects_answer_404_to_town_b(client, county, bob, charlie_admin, name):
    method, kwargs = OBJECT_URLS[name]
    client.force_login(charlie_admin)
    url = build(name, kwargs(county, bob))
    data = POST_DATA.get(name, lambda c: {})(county)
    response = client.get(url) if method == "GET" else client.post(url, data)
    assert response.status_code == 404, f"{name} answered {response.status_code}"
    for secret in TOWN_A_SECRETS:
        assert secret not in response.content.decode()


@pytest.mark.parametrize("name", sorted(OBJECT_URLS))
def test_county_admin_reaches_town_a_objects(client, county, alice, bob, name):
    method, kwargs = OBJECT_URLS[name]
    client.force_login(alice)
    url = build(name, kwargs(county, bob))
    data = POST_DATA.get(name, lambda c: {})(county)
    response = client.get(url) if method == "GET" else client.post(url, data)
    # 201: an API action that writes a new record (e.g. a payment's reversal).
    assert response.status_code in (200, 201, 302), f"{name} answered {response.status_code}"


@pytest.mark.parametrize(
    "name",
    [
        n
        for n in sorted(OBJECT_URLS)
        if n.startswith(("registry:", "core:org")) or n.endswith("-detail")
    ],
)
def test_town_a_clerk_reaches_own_objects(client, county, bob, name):
    method, kwargs = OBJECT_URLS[name]
    client.force_login(bob)
    url = build(name, kwargs(county, bob))
    data = POST_DATA.get(name, lambda c: {})(county)
    response = client.get(url) if method == "GET" else client.post(url, data)
    # org_move of a union under a town is allowed for the town's clerk; all answer, none 404.
    assert response.status_code in (200, 302), f"{name} answered {response.status_code}"


def test_anonymous_is_sent_to_login(client, county):
    for name in LIST_URLS:
        response = client.get(build(name, {}))
        if name in (
            "api-root",
            "organisation-list",
            "employer-list",
            "member-list",
            "schema",
            "stats",
            "workbench",
        ) or name.endswith("-list"):
            assert response.status_code in (401, 403)
        else:
            assert response.status_code == 302 and "/login/" in response["Location"]
