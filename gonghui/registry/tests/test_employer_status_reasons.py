"""The employer list says why an employer whose union is named still counts as 未建."""

import pytest
from django.urls import reverse

from gonghui.core.models import OrgStatus
from gonghui.core.services.orgs import update_organisation
from gonghui.registry.choices import OperatingStatus
from gonghui.registry.models import Employer

pytestmark = pytest.mark.django_db


def row(body: str, name: str) -> str:
    start = body.index(name)
    return body[start : body.index("</tr>", start)]


def test_a_dormant_union_and_a_closed_employer_are_named(client, county, alice):
    update_organisation(actor=None, organisation=county.union_a, status=OrgStatus.DORMANT)
    Employer.objects.filter(pk=county.employer_a.pk).update(
        operating_status=OperatingStatus.DEREGISTERED
    )
    client.force_login(alice)
    body = client.get(reverse("registry:employer_list"), {"operating_status": ""}).content.decode()
    cells = row(body, "甲机械厂")
    assert "未建" in cells and "工会休眠" in cells and "单位注销" in cells
    assert "union-status-reason" not in row(body, "乙茶叶公司")  # an active union: no reason


def test_no_reason_without_a_named_union(county):
    Employer.objects.filter(pk=county.employer_b.pk).update(union=None)
    assert Employer.objects.get(pk=county.employer_b.pk).union_status_reasons == []
