"""`gonghui demo` fills this year's returns through the services: signed ones, one sent back
with a note, the county's opened and summed; `gonghui returns seed` seeds a year."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from gonghui.returns.choices import Origin
from gonghui.returns.choices import ReturnStatus as Status
from gonghui.returns.models import Catalogue, Return

pytestmark = pytest.mark.django_db


def test_demo_has_returns_signed_sent_back_and_summed():
    out = io.StringIO()
    call_command("demo", members=600, employers=60, seed=3, stdout=out)
    assert "统计年报" in out.getvalue()
    year = timezone.localdate().year
    assert Catalogue.objects.filter(year__in=[year - 1, year]).count() == 2
    returns = Return.objects.filter(catalogue__year=year)
    assert returns.filter(status=Status.SIGNED).count() >= 2
    sent_back = returns.get(status=Status.RETURNED)
    assert "G20" in sent_back.return_note
    county = returns.get(union__parent__isnull=True)
    assert county.values.filter(origin=Origin.SUMMED).exists()
    call_command("returns", "seed", "--year", "2020", stdout=out)
    assert Catalogue.objects.filter(year=2020).exists()
