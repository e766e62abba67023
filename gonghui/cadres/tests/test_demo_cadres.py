"""`gonghui demo` fills the cadres module through its services, and --reset removes it."""

import io

import pytest
from django.core.management import call_command

from gonghui.cadres.choices import AppealStatus, AssessmentStatus, RecordStatus
from gonghui.cadres.models import (
    AnnualAssessment,
    Enrolment,
    ModelHome,
    MonthlyRecord,
    OrgRating,
    SocialWorker,
)

pytestmark = pytest.mark.django_db


def test_demo_has_social_workers_at_work_and_resets():
    out = io.StringIO()
    call_command("demo", members=300, employers=30, seed=5, stdout=out)
    text = out.getvalue()
    assert "工会社工" in text and "socialworker" in text
    worker = SocialWorker.objects.get(user__username="socialworker")
    assert worker.monthly_records.filter(status=RecordStatus.SUBMITTED).count() == 5
    assert worker.monthly_records.filter(status=RecordStatus.DRAFT).count() == 1
    assert SocialWorker.objects.count() == 3
    assert MonthlyRecord.objects.count() == 18
    signed = AnnualAssessment.objects.filter(status=AssessmentStatus.SIGNED_OFF)
    assert signed.count() == 3 and all(a.grade for a in signed)
    assert signed.filter(appeal_status=AppealStatus.DISMISSED).count() == 1
    assert Enrolment.objects.completed().filter(worker=worker).count() == 2
    assert "干部培训" in text and "星级工会评定" in text
    assert OrgRating.objects.count() >= 2 and ModelHome.objects.exists()
    call_command("demo", members=300, employers=30, seed=5, reset=True, stdout=io.StringIO())
    assert SocialWorker.objects.count() == 3  # regenerated once, not doubled
