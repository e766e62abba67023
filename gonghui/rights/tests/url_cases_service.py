"""The service area's pages, its API and the worker's page of points in the permission matrix
(gonghui/tests/test_url_scoping.py): town B (charlie) gets 404 on town A's point, rota slot and
outreach, alice reaches them; the portal page is public. That a lawyer gets 403 on the staff pages
is tested in test_service_points.py (STAFF_PAGES below)."""

import datetime

LIST_URLS = {
    "rights:point_list": 200,
    "rights:point_add": 200,
    "rights:duty_mine": 200,
    "rights:reception_list": 200,
    "rights:reception_add": 200,
    "rights:outreach_list": 200,
    "rights:outreach_add": 200,
    "rights-service-point-list": 200,
    "rights-duty-slot-list": 200,
    "rights-reception-list": 200,
    "rights-outreach-list": 200,
}
PUBLIC_URLS = {"rights_portal:points"}
SECRET_OUTREACH = "城关镇保密普法讲座"
TOWN_A_SECRETS = ["城关镇保密工作站", SECRET_OUTREACH]


def town_a_point(county, user) -> int:
    from gonghui.rights.tests.service_helpers import point_a

    return point_a(county).pk


def town_a_slot(county, user) -> int:
    from gonghui.rights.models import Counsel
    from gonghui.rights.tests.service_helpers import point_a, seat

    counsel = Counsel.objects.create(organisation=county.town_a, name="城关镇驻点律师")
    return seat(point_a(county), counsel, datetime.date.today()).pk


def town_a_reception(county, user) -> int:
    from gonghui.rights.models import Reception
    from gonghui.rights.tests.service_helpers import point_a

    return Reception.objects.create(
        point=point_a(county), date=datetime.date.today(), kind="visit", topic="wages", count=2
    ).pk


def town_a_outreach(county, user) -> int:
    from gonghui.rights.models import Outreach

    return Outreach.objects.create(
        organisation=county.town_a, kind="lecture", title=SECRET_OUTREACH,
        date=datetime.date.today(), attendees=40,
    ).pk  # fmt: skip


def _on(make, method="GET"):
    return (method, lambda c, u: {"pk": make(c, u)})


OBJECT_URLS = {
    "rights:point_detail": _on(town_a_point),
    "rights:point_edit": _on(town_a_point),
    "rights:point_deactivate": _on(town_a_point, "POST"),
    "rights:rota": _on(town_a_point),
    "rights:rota_slot_add": _on(town_a_point, "POST"),
    "rights:rota_copy": _on(town_a_point, "POST"),
    "rights:rota_print": _on(town_a_point),
    "rights:rota_export": _on(town_a_point),
    "rights:rota_slot_remove": _on(town_a_slot, "POST"),
    "rights:outreach_edit": _on(town_a_outreach),
    "rights-service-point-detail": _on(town_a_point),
    "rights-duty-slot-detail": _on(town_a_slot),
    "rights-reception-detail": _on(town_a_reception),
    "rights-outreach-detail": _on(town_a_outreach),
}

# Staff pages a lawyer (lena) must get 403 on: name -> (method, kwargs maker or None).
STAFF_PAGES = {
    "rights:point_list": None,
    "rights:point_add": None,
    "rights:outreach_list": None,
    "rights:outreach_add": None,
    **{name: case for name, case in OBJECT_URLS.items() if name.startswith("rights:")},
}
