"""The service area's demo: points for the county and every town, a year of receptions (some
become cases through the service), about 20 lectures, 100 campaigns and 30,000 handbooks."""

import pytest
from django.db.models import Sum

from gonghui.rights.choices import CaseChannel, OutreachKind, PointKind
from gonghui.rights.models import Outreach, Reception, ServicePoint

pytestmark = pytest.mark.django_db


def test_the_demo_builds_the_service_year():
    from gonghui.registry.tests.test_demo import run_demo

    output = run_demo()
    assert "接访咨询" in output
    kinds = set(ServicePoint.objects.values_list("kind", flat=True))
    assert {PointKind.CENTRE, PointKind.COURT, PointKind.HR_BUREAU, PointKind.TOWN} <= kinds
    assert Reception.objects.aggregate(n=Sum("count"))["n"] >= 60
    linked = Reception.objects.filter(case__isnull=False)
    assert all(r.case.channel == CaseChannel.VISIT for r in linked)
    # Each reception that became a case has a case of its own (the cases part adds other visits).
    assert linked.values("case").distinct().count() == linked.count() > 0
    assert Outreach.objects.filter(kind=OutreachKind.LECTURE).count() == 20
    assert Outreach.objects.filter(kind=OutreachKind.CAMPAIGN).count() == 100
    assert 20_000 <= Outreach.objects.aggregate(n=Sum("handbooks"))["n"] <= 40_000
