"""The worker sees their own honours and studio on the phone, and nobody else's."""

import datetime

import pytest
from django.urls import reverse

from gonghui.portal.identity import sign_in
from gonghui.workforce.choices import Level
from gonghui.workforce.honours import nominations
from gonghui.workforce.models import Honour, Studio
from gonghui.workforce.tests.helpers import make_kind

pytestmark = pytest.mark.django_db


def signed_in(client, phone):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session = client.session
    sign_in(request, phone)
    request.session.save()
    client.cookies["sessionid"] = request.session.session_key


def test_worker_sees_own_honours_and_studio(client, county):
    kind = make_kind(county)
    h = nominations.honouree_for(county.member_a)
    Honour.objects.create(kind=kind, honouree=h, union=h.union, year=2023, certificate_no="LM-9",
                          awarded_on=datetime.date(2023, 4, 1), document_number="X")  # fmt: skip
    Studio.objects.create(name="张甲明工作室", level=Level.COUNTY, employer=county.employer_a,
                          union=county.union_a, leader_honouree=h,
                          named_on=datetime.date(2024, 1, 1))  # fmt: skip
    url = reverse("workforce_portal:home")
    assert client.get(url).status_code == 302  # sign in first
    signed_in(client, "13812345678")
    page = client.get(url).content.decode()
    assert "2023年县劳动模范" in page and "LM-9" in page and "张甲明工作室" in page
    client.cookies.clear()
    signed_in(client, "13987654321")  # 李乙华 of town B
    page = client.get(url).content.decode()
    assert "LM-9" not in page and "张甲明工作室" not in page
