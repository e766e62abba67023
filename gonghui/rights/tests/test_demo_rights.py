"""`gonghui demo` fills the rights module through its services: cases at every status, grids with
reports and warnings, contracts, congresses and open affairs; the dashboard's figures are not
zero, and --reset removes it all."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from gonghui.core.models import User
from gonghui.reports.figures import compute
from gonghui.rights import demo as rights_demo
from gonghui.rights.choices import CaseStatus, WarningStatus
from gonghui.rights.models import (
    Case,
    CaseEvent,
    CollectiveContract,
    Democracy,
    Grid,
    GridMember,
    MonitoringPoint,
    MonthlyReport,
    RiskWarning,
    RoundOffer,
)

pytestmark = pytest.mark.django_db


def _run(**extra):
    out = io.StringIO()
    call_command("demo", members=600, employers=60, seed=3, stdout=out, **extra)
    return out.getvalue()


def test_demo_has_rights_work_of_a_year_and_resets():
    out = _run()
    assert "维权案件" in out and "风险监测" in out and "集体合同" in out

    today = timezone.localdate()
    statuses = set(Case.objects.values_list("status", flat=True))
    assert set(CaseStatus.values) <= statuses
    assert Case.objects.filter(reopen_count__gt=0, status=CaseStatus.ACCEPTED).exists()
    assert Case.objects.filter(reopen_count__gt=0, status=CaseStatus.RECEIVED).exists() or (
        Case.objects.filter(reopen_count__gt=0).count() >= 2
    )
    assert Case.objects.overdue(today).exists()
    # The year looks lived: receipts spread over months, steps after receipts, numbers by year.
    first = Case.objects.order_by("received_at").first()
    assert (today - timezone.localdate(first.received_at)).days > 120
    assert not CaseEvent.objects.filter(at__gt=timezone.now()).exists()
    for case in Case.objects.filter(status=CaseStatus.CLOSED)[:20]:
        assert case.received_at <= case.accepted_at <= case.closed_at
        assert case.number.startswith(f"WQ{case.received_at:%Y}-")
    lawyer = User.objects.get(username="lawyer")
    assert Case.objects.open().filter(counsel__user=lawyer).count() >= 3

    assert Grid.objects.count() >= 2 and GridMember.objects.exists()
    assert MonitoringPoint.objects.exists()
    assert MonthlyReport.objects.filter(is_late=True).exists()
    assert MonthlyReport.objects.filter(is_late=False).exists()
    warnings = set(RiskWarning.objects.values_list("status", flat=True))
    assert {WarningStatus.OPEN, WarningStatus.HANDLED} <= warnings
    assert RiskWarning.objects.unhandled().count() < MonitoringPoint.objects.count()

    assert CollectiveContract.objects.values("scope").distinct().count() == 3
    assert CollectiveContract.objects.expiring(today, 90).exists()
    assert RoundOffer.objects.values("response").distinct().count() >= 4
    assert Democracy.objects.filter(congress_established=True).exists()

    values = compute(date_from=today - datetime.timedelta(days=364), date_to=today)
    for key in ("cases", "cases_closed", "risk_points", "warnings_open"):
        assert values[key] > 0, key
    assert values["wages_recovered"] > 0
    for key in ("contract_rate", "congress_rate", "open_affairs_rate"):
        assert 0.3 <= values[key] <= 0.8, (key, values[key])

    counts = [m.objects.count() for m in (Case, Grid, MonitoringPoint, CollectiveContract)]
    _run(reset=True)  # the same county again, nothing of the first left over
    assert [m.objects.count() for m in (Case, Grid, MonitoringPoint, CollectiveContract)] == counts
    rights_demo.reset()
    for model in (Case, CaseEvent, Grid, MonthlyReport, RiskWarning, CollectiveContract, Democracy):
        assert not model.objects.exists(), model


def test_without_counsel_cases_wait_at_accepted(monkeypatch):
    if "counsel" in rights_demo.PARTS:
        monkeypatch.setattr(
            rights_demo, "PARTS", tuple(p for p in rights_demo.PARTS if p != "counsel")
        )
    _run()
    assert Case.objects.exists()
    assert not Case.objects.filter(counsel__isnull=False).exists()
    assert not Case.objects.filter(
        status__in=(CaseStatus.ASSIGNED, CaseStatus.MEDIATING, CaseStatus.AGREEMENT)
    ).exists()
    assert Case.objects.filter(status=CaseStatus.ACCEPTED).exists()
