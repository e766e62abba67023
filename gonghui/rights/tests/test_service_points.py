"""Service points: created, edited and deactivated through gonghui.rights.service.points by the
union's clerks (and those above), errors keyed by field; a lawyer gets 403 on every staff page of
the service area; town B sees nothing of town A's point."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gonghui.core.models import AuditEntry
from gonghui.rights.choices import PointKind
from gonghui.rights.models import ServicePoint
from gonghui.rights.service import points
from gonghui.rights.tests import url_cases_service
from gonghui.rights.tests.service_helpers import SECRET_POINT, point_a

pytestmark = pytest.mark.django_db


def test_a_town_clerk_creates_edits_and_deactivates_a_point(county, bob):
    point = points.create_point(
        actor=bob, organisation=county.town_a, name=" 城关镇维权工作站 ", kind=PointKind.TOWN,
        address="城关镇人民路 1 号", hours="工作日 9:00—17:00",
    )  # fmt: skip
    assert point.name == "城关镇维权工作站" and point.is_active
    points.update_point(actor=bob, point=point, phone="0719-1234567")
    points.deactivate_point(actor=bob, point=point)
    point.refresh_from_db()
    assert point.phone == "0719-1234567" and not point.is_active
    assert AuditEntry.objects.for_object(point).count() == 3


def test_errors_name_each_field_and_nothing_is_written(county, bob):
    with pytest.raises(ValidationError) as caught:
        points.create_point(
            actor=bob, organisation=county.town_a, name="", kind="moon", hours="x" * 101
        )
    errors = caught.value.message_dict
    assert set(errors) == {"name", "kind", "hours"}
    assert "接待时间" in errors["hours"][0] and "100" in errors["hours"][0]
    assert not ServicePoint.objects.exists()


def test_the_same_name_twice_in_one_union_is_refused(county, bob):
    point_a(county)
    with pytest.raises(ValidationError) as caught:
        points.create_point(actor=bob, organisation=county.town_a, name=SECRET_POINT,
                            kind=PointKind.TOWN)  # fmt: skip
    assert "已有名为" in caught.value.message_dict["name"][0]


def test_another_town_may_not_create_or_edit(county, charlie):
    with pytest.raises(ValidationError) as caught:
        points.create_point(actor=charlie, organisation=county.town_a, name="x", kind="town")
    assert "organisation" in caught.value.message_dict
    with pytest.raises(PermissionDenied):
        points.update_point(actor=charlie, point=point_a(county), name="改名")


def test_the_union_stays(county, alice):
    point = point_a(county)
    with pytest.raises(ValidationError) as caught:
        points.update_point(actor=alice, point=point, organisation=county.town_b)
    assert "organisation" in caught.value.message_dict


def test_pages_add_edit_and_deactivate(client, county, bob):
    client.force_login(bob)
    response = client.post(reverse("rights:point_add"), {
        "organisation": county.town_a.pk, "name": "城关镇维权工作站", "kind": "town",
        "address": "人民路 1 号", "phone": "", "hours": "周一至周五", "is_active": "on",
    })  # fmt: skip
    point = ServicePoint.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "rights:point_detail", args=[point.pk]
    )
    page = client.get(reverse("rights:point_detail", args=[point.pk])).content.decode()
    assert "人民路 1 号" in page and "周一至周五" in page
    response = client.post(reverse("rights:point_edit", args=[point.pk]), {
        "name": "", "kind": "town", "address": "", "phone": "", "hours": "",
    })  # fmt: skip
    assert response.status_code == 200 and "请填写服务点名称" in response.content.decode()
    client.post(reverse("rights:point_deactivate", args=[point.pk]))
    point.refresh_from_db()
    assert not point.is_active


def test_town_b_sees_nothing_of_town_a(client, county, charlie):
    point = point_a(county)
    client.force_login(charlie)
    assert SECRET_POINT not in client.get(reverse("rights:point_list")).content.decode()
    assert client.get(reverse("rights:point_detail", args=[point.pk])).status_code == 404
    assert client.get("/api/rights/service-points/").json()["results"] == []


@pytest.mark.parametrize("name", sorted(url_cases_service.STAFF_PAGES))
def test_a_lawyer_gets_403_on_the_staff_pages(client, county, bob, lena, name):
    case = url_cases_service.STAFF_PAGES[name]
    method, kwargs = case if case else ("GET", lambda c, u: {})
    client.force_login(lena)
    url = reverse(name, kwargs=kwargs(county, bob))
    response = client.get(url) if method == "GET" else client.post(url)
    assert response.status_code == 403


def test_a_lawyer_gets_403_on_the_points_and_outreach_api(client, lena):
    client.force_login(lena)
    assert client.get("/api/rights/service-points/").status_code == 403
    assert client.get("/api/rights/outreach/").status_code == 403
