"""Outreach: recorded and corrected by a union's clerks, counted events with their numbers,
scoped by organisation."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from gonghui.rights.models import Outreach
from gonghui.rights.service import outreach
from gonghui.rights.tests.url_cases_service import SECRET_OUTREACH, town_a_outreach

pytestmark = pytest.mark.django_db


def test_a_clerk_records_and_corrects_a_campaign(county, bob):
    event = outreach.create_outreach(
        actor=bob, organisation=county.town_a, kind="campaign", title="法律进企业",
        date=timezone.localdate(), place="甲机械厂", employers_reached=12, attendees=80,
        handbooks=300,
    )  # fmt: skip
    outreach.update_outreach(actor=bob, outreach=event, attendees=95)
    event.refresh_from_db()
    assert (event.attendees, event.handbooks, event.recorded_by) == (95, 300, bob)


def test_bad_input_names_each_field(county, bob):
    with pytest.raises(ValidationError) as caught:
        outreach.create_outreach(
            actor=bob, organisation=county.town_a, kind="handbook", title="",
            date=timezone.localdate() + datetime.timedelta(days=3), attendees="一百",
        )  # fmt: skip
    assert set(caught.value.message_dict) == {"title", "date", "attendees", "handbooks"}
    assert not Outreach.objects.exists()


def test_another_town_may_not(county, bob, charlie):
    with pytest.raises(ValidationError):
        outreach.create_outreach(actor=charlie, organisation=county.town_a, kind="lecture",
                                 title="x", date=timezone.localdate())  # fmt: skip
    event = Outreach.objects.get(pk=town_a_outreach(county, bob))
    with pytest.raises(PermissionDenied):
        outreach.update_outreach(actor=charlie, outreach=event, title="改")


def test_pages(client, county, bob, charlie):
    client.force_login(bob)
    response = client.post(reverse("rights:outreach_add"), {
        "organisation": county.town_a.pk, "kind": "lecture", "title": SECRET_OUTREACH,
        "date": timezone.localdate().isoformat(), "place": "城关镇文化站", "attendees": "60",
    })  # fmt: skip
    assert response.status_code == 302
    body = client.get(reverse("rights:outreach_list")).content.decode()
    assert SECRET_OUTREACH in body and 'data-total="attendees">60<' in body
    client.force_login(charlie)
    body = client.get(reverse("rights:outreach_list")).content.decode()
    assert SECRET_OUTREACH not in body
    event = Outreach.objects.get()
    assert client.get(reverse("rights:outreach_edit", args=[event.pk])).status_code == 404
