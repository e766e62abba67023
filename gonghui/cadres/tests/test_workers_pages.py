"""The pages of the growth file: who reaches what, filing a record through the pages, the
printable file."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.cadres.models import MonthlyRecord, SocialWorker
from gonghui.cadres.records import services as records
from gonghui.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_a_social_worker_lands_on_their_file_and_sees_no_other(client, county, sam, tina):
    client.force_login(sam.user)
    assert client.get(reverse("home"))["Location"] == reverse("cadres:worker_detail", args=[sam.pk])
    assert client.get(reverse("cadres:index"))["Location"] == sam.get_absolute_url()
    assert client.get(sam.get_absolute_url()).status_code == 200
    assert client.get(tina.get_absolute_url()).status_code == 404
    other = MonthlyRecord.objects.create(
        worker=tina, month=datetime.date(2025, 1, 1), work_done="x"
    )
    assert client.get(other.get_absolute_url()).status_code == 404
    listing = client.get(reverse("cadres:worker_list")).content.decode()
    assert sam.name in listing and tina.name not in listing
    assert client.get(reverse("cadres:worker_add")).status_code == 403
    assert client.get(reverse("cadres:weights_list")).status_code == 403


def test_others_without_a_role_here_get_403(client, county, lena):
    client.force_login(lena)
    assert client.get(reverse("cadres:worker_list")).status_code == 403


def test_the_worker_files_a_record_on_the_pages(client, county, sam):
    client.force_login(sam.user)
    month = timezone.localdate().strftime("%Y-%m")
    response = client.post(reverse("cadres:record_add"), {"month": month, "work_done": "走访 3 家"})
    record = MonthlyRecord.objects.get(worker=sam)
    assert response["Location"] == record.get_absolute_url()
    page = client.get(record.get_absolute_url()).content.decode()
    assert "新发展会员" in page and 'id="submit-record"' in page
    client.post(reverse("cadres:record_submit", args=[record.pk]))
    record.refresh_from_db()
    assert record.is_locked
    page = client.get(record.get_absolute_url()).content.decode()
    assert 'id="submit-record"' not in page
    response = client.post(reverse("cadres:record_edit", args=[record.pk]), {"work_done": "改"})
    record.refresh_from_db()
    assert record.work_done == "走访 3 家"


def test_the_host_union_registers_a_worker_with_login(client, county, alice):
    client.force_login(alice)
    response = client.post(
        reverse("cadres:worker_add"),
        {
            "organisation": county.town_a.pk,
            "name": "新社工",
            "post": "驻镇社工",
            "grade": "junior",
            "is_active": "on",
            "username": "xinsg",
            "password": PASSWORD,
        },
    )
    worker = SocialWorker.objects.get(name="新社工")
    assert response["Location"] == worker.get_absolute_url()
    assert worker.user.username == "xinsg"


def test_attendance_training_and_the_printable_file(client, county, bob, sam):
    client.force_login(bob)
    client.post(
        reverse("cadres:attendance_add", args=[sam.pk]),
        {"month": "2025-03", "days_signed_in": "21", "days_leave": "1"},
    )
    client.post(
        reverse("cadres:training_add", args=[sam.pk]),
        {
            "kind": "course",
            "title": "劳动法实务",
            "date": "2025-03-12",
            "hours": "4",
        },
    )
    records.create_record(actor=bob, worker=sam, month=datetime.date(2025, 3, 1), work_done="建会")
    page = client.get(reverse("cadres:worker_print", args=[sam.pk])).content.decode()
    assert "签到 21 天" in page and "劳动法实务" in page and "建会" in page
    assert "data-print" in page
