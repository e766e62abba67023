"""Receptions at the duty desks: logged by the point's clerks or the counsel on duty that day,
checked (date not in the future, 1..MAX_COUNT 人次, referred needs where), and a reception
that becomes a case opens it through the cases service in the same transaction."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from gonghui.rights.choices import CaseChannel, CaseStatus
from gonghui.rights.models import Case, Reception
from gonghui.rights.service import receptions
from gonghui.rights.service.checks import MAX_COUNT
from gonghui.rights.tests.service_helpers import counsel_of, point_a, point_b, seat

pytestmark = pytest.mark.django_db

CASE = {"complainant_name": "王甲骑", "phone": "13900000011", "employer_name": "甲机械厂",
        "facts": "三个月工资未发"}  # fmt: skip


def today():
    return timezone.localdate()


def test_a_clerk_logs_advice(county, bob):
    r = receptions.record_reception(actor=bob, point=point_a(county), date=today(), topic="wages",
                                    count=3)  # fmt: skip
    assert (r.count, r.outcome, r.case_id, r.recorded_by) == (3, "advice", None, bob)


def test_bad_input_names_each_field(county, bob):
    with pytest.raises(ValidationError) as caught:
        receptions.record_reception(
            actor=bob, point=point_a(county), date=today() + datetime.timedelta(days=1),
            topic="aliens", count=MAX_COUNT + 1, outcome="referred",
        )  # fmt: skip
    errors = caught.value.message_dict
    assert set(errors) == {"date", "topic", "count", "referred_to"}
    assert "不能晚于今天" in errors["date"][0]
    with pytest.raises(ValidationError) as caught:
        receptions.record_reception(actor=bob, point=point_a(county), date=today(),
                                    topic="wages", count=0)  # fmt: skip
    assert "不能小于 1" in caught.value.message_dict["count"][0]
    assert not Reception.objects.exists()


def test_referred_keeps_where(county, bob):
    r = receptions.record_reception(
        actor=bob, point=point_a(county), date=today(), topic="injury", outcome="referred",
        referred_to="县劳动人事争议仲裁院",
    )  # fmt: skip
    assert r.referred_to == "县劳动人事争议仲裁院"


def test_the_lawyer_on_duty_logs_her_own_and_not_on_other_days(county, lena):
    point = point_a(county)
    seat(point, counsel_of(lena), today())
    r = receptions.record_reception(actor=lena, point=point, date=today(), topic="contract")
    assert r.counsel == counsel_of(lena)
    with pytest.raises(PermissionDenied):
        receptions.record_reception(
            actor=lena, point=point, date=today() - datetime.timedelta(days=1), topic="contract"
        )


def test_town_b_may_not_log_at_town_a(county, charlie):
    with pytest.raises(PermissionDenied):
        receptions.record_reception(actor=charlie, point=point_a(county), date=today(),
                                    topic="wages")  # fmt: skip


def test_a_reception_becomes_a_case(county, bob):
    point = point_a(county)
    r = receptions.record_reception(
        actor=bob, point=point, date=today(), topic="wages", count=2, outcome="case", case=CASE
    )
    case = r.case
    assert case.channel == CaseChannel.VISIT and case.service_point == point
    assert case.union == county.town_a and case.status == CaseStatus.RECEIVED
    assert (case.kind, case.workers_involved, case.complainant_name) == ("wages", 2, "王甲骑")


def test_a_bad_case_writes_nothing(county, bob):
    with pytest.raises(ValidationError) as caught:
        receptions.record_reception(
            actor=bob, point=point_a(county), date=today(), topic="wages", outcome="case",
            case={**CASE, "complainant_name": ""},
        )  # fmt: skip
    assert "complainant_name" in caught.value.message_dict
    assert not Reception.objects.exists() and not Case.objects.exists()


def test_the_page_opens_the_case_and_lands_on_it(client, county, bob):
    point = point_a(county)
    client.force_login(bob)
    response = client.post(reverse("rights:reception_add"), {
        "point": point.pk, "date": today().isoformat(), "kind": "visit", "topic": "wages",
        "count": 1, "outcome": "case", "note": "欠薪三个月", **CASE,
    })  # fmt: skip
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("rights:case_detail", args=[case.pk])
    page = client.get(response["Location"]).content.decode()
    assert 'id="case-receptions"' in page and point.name in page


def test_the_page_shows_errors_on_the_fields(client, county, bob):
    client.force_login(bob)
    response = client.post(reverse("rights:reception_add"), {
        "point": point_a(county).pk, "date": today().isoformat(), "kind": "visit",
        "topic": "wages", "count": 1, "outcome": "case", "complainant_name": "王甲骑",
        "phone": "123", "employer_name": "甲机械厂", "facts": "x",
    })  # fmt: skip
    assert response.status_code == 200 and 'id="id_phone_error"' in response.content.decode()
    assert not Reception.objects.exists()


def test_the_log_filters_and_scopes(client, county, bob, charlie):
    a, b = point_a(county), point_b(county)
    Reception.objects.create(point=a, date=today(), kind="visit", topic="wages", count=4)
    Reception.objects.create(point=b, date=today(), kind="visit", topic="injury", count=2)
    client.force_login(bob)
    body = client.get(reverse("rights:reception_list"), {"topic": "wages"}).content.decode()
    assert a.name in body
    client.force_login(charlie)
    body = client.get(reverse("rights:reception_list")).content.decode()
    assert a.name not in body and b.name in body
