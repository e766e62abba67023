"""Leaving the union from the portal."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.core import sms
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member

pytestmark = pytest.mark.django_db


def leave_path(county) -> str:
    return reverse("portal:leave", args=[county.member_a.pk])


def test_a_member_leaves(member_a_client, county, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        response = member_a_client.post(
            leave_path(county), {"reason": "退休", "left_on": today.isoformat(), "confirm": "on"}
        )
    assert response["Location"] == reverse("portal:home")
    member = Member.objects.get(pk=county.member_a.pk)
    assert member.status == MemberStatus.LEFT
    assert member.left_on == today and member.leave_reason == "退休"
    assert "退出甲机械厂工会" in sms.outbox[-1].text
    # History kept: the spell is still listed, no longer with a card.
    body = member_a_client.get(reverse("portal:home")).content.decode()
    assert "已退会" in body and 'id="no-membership"' in body
    assert member_a_client.get(leave_path(county)).status_code == 404


def test_leaving_needs_the_confirmation(member_a_client, county):
    today = timezone.localdate().isoformat()
    response = member_a_client.post(leave_path(county), {"reason": "退休", "left_on": today})
    assert "请勾选确认退会" in response.content.decode()
    assert Member.objects.get(pk=county.member_a.pk).status == MemberStatus.ACTIVE


def test_reason_and_date_are_checked(member_a_client, county):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = member_a_client.post(
        leave_path(county), {"reason": "", "left_on": tomorrow.isoformat(), "confirm": "on"}
    )
    body = response.content.decode()
    assert 'id="id_reason_error"' in body and "请填写退会原因" in body
    assert 'id="id_left_on_error"' in body and "退会日期不能晚于今天" in body
    assert Member.objects.get(pk=county.member_a.pk).status == MemberStatus.ACTIVE


def test_only_ones_own_spell(member_a_client, county):
    response = member_a_client.post(
        reverse("portal:leave", args=[county.member_b.pk]),
        {"reason": "x", "left_on": timezone.localdate().isoformat(), "confirm": "on"},
    )
    assert response.status_code == 404
    assert Member.objects.get(pk=county.member_b.pk).status == MemberStatus.ACTIVE
