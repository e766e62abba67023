"""Monthly reports filed after the due day are flagged late; a warning is acknowledged and
handled by the responsible union; unhandled past its time it escalates up the tree, step by step,
to the county; `gonghui rights_risk` does both for cron."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone

from gonghui.rights.choices import RiskLevel, WarningStatus
from gonghui.rights.models import RiskWarning, WarningEscalation
from gonghui.rights.risk import reports, warnings
from gonghui.rights.tests.risk_helpers import aware, make_warning, point_a, ratings

pytestmark = pytest.mark.django_db

MAY = datetime.date(2025, 5, 1)


def test_a_report_after_the_due_day_is_flagged_late(county, bob):
    point = point_a(county, due_day=10)
    on_time = reports.file_report(
        actor=bob, point=point, month=MAY, now=aware(2025, 6, 10, 17), **ratings()
    )
    assert not on_time.is_late
    late = reports.file_report(
        actor=bob,
        point=point,
        month=datetime.date(2025, 6, 1),
        now=aware(2025, 7, 11, 9),
        **ratings(),
    )
    assert late.is_late


def test_a_second_report_for_the_same_month_is_refused(county, bob):
    point = point_a(county)
    reports.file_report(actor=bob, point=point, month=MAY, now=aware(2025, 6, 5, 9), **ratings())
    with pytest.raises(ValidationError) as error:
        reports.file_report(
            actor=bob, point=point, month=MAY, now=aware(2025, 6, 6, 9), **ratings()
        )
    assert "month" in error.value.message_dict


def test_town_b_cannot_file_for_town_a(county, charlie):
    point = point_a(county)
    with pytest.raises(PermissionDenied):
        reports.file_report(
            actor=charlie, point=point, month=MAY, now=aware(2025, 6, 5, 9), **ratings()
        )


def test_the_responsible_union_acknowledges_and_handles(county, bob, charlie):
    warning = make_warning(county)
    with pytest.raises(PermissionDenied):
        warnings.acknowledge(actor=charlie, warning=warning)
    warnings.acknowledge(actor=bob, warning=warning)
    with pytest.raises(ValidationError):
        warnings.handle(actor=bob, warning=warning, handling="  ")
    warnings.handle(actor=bob, warning=warning, handling="约谈企业负责人，已补发工资")
    warning.refresh_from_db()
    assert warning.status == WarningStatus.HANDLED
    assert warning.acknowledged_by == bob and warning.handled_by == bob


def test_an_unhandled_warning_escalates_up_the_tree_to_the_county(county):
    now = timezone.now()
    warning = make_warning(county, level=RiskLevel.RED, due_at=now - datetime.timedelta(hours=1))
    assert warnings.escalate_overdue(now=now) == [warning]
    warning.refresh_from_db()
    assert warning.responsible == county.county and warning.escalations == 1
    assert warning.due_at == now + datetime.timedelta(hours=24)
    # At the county there is nowhere further up: it stays, flagged overdue.
    later = now + datetime.timedelta(hours=25)
    assert warnings.escalate_overdue(now=later) == []
    assert warnings.is_overdue(RiskWarning.objects.get(pk=warning.pk), later)
    step = WarningEscalation.objects.get()
    assert (step.from_org, step.to_org) == (county.town_a, county.county)


def test_a_handled_or_timely_warning_does_not_escalate(county, bob):
    now = timezone.now()
    timely = make_warning(county, due_at=now + datetime.timedelta(hours=3))
    handled = make_warning(county, due_at=now - datetime.timedelta(hours=3))
    warnings.handle(actor=bob, warning=handled, handling="已处置")
    assert warnings.escalate_overdue(now=now) == []
    timely.refresh_from_db()
    assert timely.responsible == county.town_a


def test_the_cron_command_evaluates_and_escalates(county, capsys):
    make_warning(county, due_at=timezone.now() - datetime.timedelta(hours=1))
    call_command("rights_risk")
    assert "escalated: 1" in capsys.readouterr().out
