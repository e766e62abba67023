"""The cadres figures (registered with core.figures) and the dashboard's 工会社工 section."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gonghui.cadres.choices import AssessmentStatus, Grade, RecordStatus
from gonghui.cadres.models import AnnualAssessment, Course, Enrolment, MonthlyRecord
from gonghui.core.figures import FigureScope, compute_all

pytestmark = pytest.mark.django_db

YEAR = 2025


def scope(*paths):
    return FigureScope(
        paths=paths or None,
        date_from=datetime.date(YEAR, 1, 1),
        date_to=datetime.date(YEAR, 12, 31),
        today=datetime.date(YEAR, 12, 31),
    )


@pytest.fixture
def year_of_work(county, sam, tina, ursula):
    for worker, status in (
        (sam, RecordStatus.SUBMITTED),
        (tina, RecordStatus.DRAFT),
        (ursula, RecordStatus.SUBMITTED),
    ):
        MonthlyRecord.objects.create(
            worker=worker, month=datetime.date(YEAR, 3, 1), work_done="x", status=status
        )
    MonthlyRecord.objects.create(
        worker=sam,
        month=datetime.date(YEAR - 1, 3, 1),
        work_done="x",
        status=RecordStatus.SUBMITTED,
    )
    for worker, grade in ((sam, Grade.EXCELLENT), (ursula, Grade.COMPETENT)):
        AnnualAssessment.objects.create(
            worker=worker, year=YEAR, grade=grade, status=AssessmentStatus.SIGNED_OFF
        )
    AnnualAssessment.objects.create(worker=tina, year=YEAR)  # not signed off
    course = Course.objects.create(
        organisation=county.county,
        title="t",
        kind="post",
        starts_on=datetime.date(YEAR, 5, 1),
        ends_on=datetime.date(YEAR, 5, 2),
        hours=Decimal(8),
    )
    other = Course.objects.create(
        organisation=county.county,
        title="u",
        kind="post",
        starts_on=datetime.date(YEAR, 6, 1),
        ends_on=datetime.date(YEAR, 6, 1),
        hours=Decimal(4),
    )
    for crs, union, name, hours, status in (
        (course, county.union_a, "甲", "6", "completed"),
        (other, county.union_a, "甲", "2.5", "completed"),
        (course, county.union_b, "乙", "4", "completed"),
        (course, county.union_b, "丙", "1", "absent"),
    ):
        Enrolment.objects.create(
            course=crs, union=union, name=name, hours_attended=Decimal(hours), status=status
        )
    tina.is_active = False
    tina.save()


def test_county_and_town_figures(county, year_of_work):
    values = compute_all(scope())
    assert values["social_workers"] == 2
    assert values["monthly_records"] == 2
    assert values["assessments"] == {"优秀": 1, "称职": 1, "基本称职": 0, "不称职": 0}
    assert values["cadres_trained"] == 2
    assert values["training_hours"] == Decimal("12.5")
    town = compute_all(scope(county.town_a.path))
    assert town["monthly_records"] == 1 and town["training_hours"] == Decimal("8.5")
    assert town["assessments"]["称职"] == 0


def test_the_dashboard_shows_the_section(client, county, alice, year_of_work):
    client.force_login(alice)
    page = client.get(reverse("reports:dashboard"), {"year": YEAR}).content.decode()
    assert 'id="cadres-figures"' in page and 'data-figure="social_workers"' in page
