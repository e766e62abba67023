"""The duty rota: slots added and removed by the point's clerks, counsel of the point's line of
the tree only and active only, a month copied from the one before weekday for weekday, the
month grid, its print page and its xlsx export, a lawyer's own duty days."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gonghui.core.sheets.readers import read_rows
from gonghui.rights.models import Counsel, DutySlot
from gonghui.rights.service import rota
from gonghui.rights.tests.service_helpers import counsel_of, point_a, point_b, seat

pytestmark = pytest.mark.django_db

D = datetime.date


def test_same_weekday_keeps_the_nth_weekday():
    # 2025-03-04 is the 1st Tuesday of March; April's 1st Tuesday is the 1st.
    assert rota.same_weekday(D(2025, 3, 4), D(2025, 4, 1)) == D(2025, 4, 1)
    # 2025-03-31 is the 5th Monday; April 2025 has no 5th Monday.
    assert rota.same_weekday(D(2025, 3, 31), D(2025, 4, 1)) is None
    # 2025-03-15 is the 3rd Saturday; April's is the 19th.
    assert rota.same_weekday(D(2025, 3, 15), D(2025, 4, 1)) == D(2025, 4, 19)


def test_a_county_lawyer_sits_at_a_town_point(county, bob, lena):
    slot = rota.add_slot(actor=bob, point=point_a(county), date=D(2025, 3, 4), session="am",
                         counsel=counsel_of(lena))  # fmt: skip
    assert slot.counsel.name == "郑律师"


def test_another_towns_counsel_and_a_retired_one_are_refused(county, alice, lena):
    other = Counsel.objects.create(organisation=county.town_b, name="水坪律师")
    with pytest.raises(ValidationError) as caught:
        rota.add_slot(actor=alice, point=point_a(county), date=D(2025, 3, 4), session="day",
                      counsel=other)  # fmt: skip
    assert "不能在该服务点值班" in caught.value.message_dict["counsel"][0]
    Counsel.objects.filter(user=lena).update(is_active=False)
    with pytest.raises(ValidationError) as caught:
        rota.add_slot(actor=alice, point=point_a(county), date=D(2025, 3, 4), session="day",
                      counsel=counsel_of(lena))  # fmt: skip
    assert "不在册" in caught.value.message_dict["counsel"][0]
    assert not DutySlot.objects.exists()


def test_the_same_slot_twice_and_a_bad_session(county, bob, lena):
    point = point_a(county)
    rota.add_slot(
        actor=bob, point=point, date=D(2025, 3, 4), session="day", counsel=counsel_of(lena)
    )
    with pytest.raises(ValidationError) as caught:
        rota.add_slot(actor=bob, point=point, date=D(2025, 3, 4), session="day",
                      counsel=counsel_of(lena))  # fmt: skip
    assert "已在该服务点值班" in caught.value.message_dict["counsel"][0]
    with pytest.raises(ValidationError) as caught:
        rota.add_slot(actor=bob, point=point, date=D(2025, 3, 4), session="night",
                      counsel=counsel_of(lena))  # fmt: skip
    assert "session" in caught.value.message_dict


def test_town_b_may_not_seat_or_remove(county, charlie, lena):
    point = point_a(county)
    with pytest.raises(PermissionDenied):
        rota.add_slot(actor=charlie, point=point, date=D(2025, 3, 4), session="day",
                      counsel=counsel_of(lena))  # fmt: skip
    slot = seat(point, counsel_of(lena), D(2025, 3, 4))
    with pytest.raises(PermissionDenied):
        rota.remove_slot(actor=charlie, slot=slot)


def test_copy_from_the_previous_month(county, bob, lena, luke):
    point = point_a(county)
    lena_c, luke_c = counsel_of(lena), counsel_of(luke)
    seat(point, lena_c, D(2025, 3, 4), "am")  # 1st Tue -> 2025-04-01
    seat(point, luke_c, D(2025, 3, 15))  # 3rd Sat -> 2025-04-19
    seat(point, lena_c, D(2025, 3, 31))  # 5th Mon -> none in April
    seat(point, lena_c, D(2025, 4, 1), "am")  # already there
    retired = Counsel.objects.create(organisation=county.county, name="退休律师", is_active=False)
    seat(point, retired, D(2025, 3, 5))
    result = rota.copy_previous_month(actor=bob, point=point, month=D(2025, 4, 1))
    assert result == {"copied": 1, "skipped": 3}
    april = set(
        DutySlot.objects.filter(date__month=4).values_list("date", "session", "counsel__name")
    )
    assert april == {(D(2025, 4, 1), "am", "郑律师"), (D(2025, 4, 19), "day", "陆律师")}
    assert rota.copy_previous_month(actor=bob, point=point, month=D(2025, 4, 1))["copied"] == 0


def test_the_month_page_add_remove_and_copy(client, county, bob, lena):
    point = point_a(county)
    client.force_login(bob)
    url = reverse("rights:rota", args=[point.pk]) + "?month=2025-03"
    page = client.get(url).content.decode()
    assert 'data-day="2025-03-31"' in page and "从上月复制" in page
    response = client.post(
        reverse("rights:rota_slot_add", args=[point.pk]),
        {"date": "2025-03-04", "session": "pm", "counsel": counsel_of(lena).pk, "month": "2025-03"},
    )
    assert response.status_code == 302
    slot = DutySlot.objects.get()
    assert "郑律师" in client.get(url).content.decode()
    response = client.post(reverse("rights:rota_copy", args=[point.pk]), {"month": "2025-04"})
    assert DutySlot.objects.count() == 2
    client.post(reverse("rights:rota_slot_remove", args=[slot.pk]))
    assert DutySlot.objects.count() == 1


def test_a_slot_for_another_towns_counsel_comes_back_on_the_form(client, county, alice):
    point = point_a(county)
    other = Counsel.objects.create(organisation=county.town_b, name="水坪律师")
    client.force_login(alice)
    response = client.post(
        reverse("rights:rota_slot_add", args=[point.pk]),
        {"date": "2025-03-04", "session": "pm", "counsel": other.pk},
    )
    assert response.status_code == 200 and not DutySlot.objects.exists()


def test_print_and_export(client, county, bob, lena, tmp_path):
    point = point_a(county)
    seat(point, counsel_of(lena), D(2025, 3, 4), "am")
    client.force_login(bob)
    printed = client.get(reverse("rights:rota_print", args=[point.pk]) + "?month=2025-03")
    body = printed.content.decode()
    assert "@media print" in body and "郑律师" in body and "navbar" not in body
    response = client.get(reverse("rights:rota_export", args=[point.pk]) + "?month=2025-03")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    path = tmp_path / "rota.xlsx"
    path.write_bytes(response.content)
    rows = read_rows(path)
    assert [str(v) for v in rows[2][2:5]] == ["上午", "郑律师", "明理律师事务所"]


def test_a_lawyer_sees_her_own_duty_days(client, county, lena, luke):
    import django.utils.timezone as tz

    today = tz.localdate()
    point = point_a(county)
    seat(point, counsel_of(lena), today)
    seat(point_b(county), counsel_of(luke), today)
    client.force_login(lena)
    page = client.get(reverse("rights:duty_mine")).content.decode()
    assert "城关镇保密工作站" in page and "水坪镇维权工作站" not in page
    listed = client.get("/api/rights/duty-slots/").json()["results"]
    assert [row["counsel_name"] for row in listed] == ["郑律师"]
