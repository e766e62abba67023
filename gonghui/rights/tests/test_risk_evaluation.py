"""The risk rules raise warnings: reports, open cases and missed months become a level per
employer; a rise (and only a rise) opens a warning; custom rules change the outcome; bulk
evaluation costs a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gonghui.core.models import AuditEntry
from gonghui.registry.services import create_employer
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CaseKind, RiskLevel, RuleSource, WarningStatus
from gonghui.rights.models import EmployerRisk, RiskRule, RiskWarning
from gonghui.rights.risk import reports
from gonghui.rights.risk import services as risk
from gonghui.rights.tests.conftest import make_case
from gonghui.rights.tests.risk_helpers import (
    aware,
    grid_a,
    make_point,
    make_report,
    point_a,
    ratings,
)

pytestmark = pytest.mark.django_db

MAY = datetime.date(2025, 5, 1)
JUNE_5 = aware(2025, 6, 5, 9)  # May's report is due by 10 June


@pytest.fixture
def point(county):
    return point_a(county, established_on=MAY)


def file(point, bob, month=MAY, now=JUNE_5, **given):
    return reports.file_report(actor=bob, point=point, month=month, now=now, **ratings(**given))


def level_of(employer) -> int:
    return EmployerRisk.objects.get(employer=employer).level


def test_wage_arrears_rated_serious_opens_a_red_warning(county, point, bob):
    file(point, bob, wage_arrears=3)
    warning = RiskWarning.objects.get(employer=county.employer_a)
    assert (warning.level, warning.previous_level) == (RiskLevel.RED, RiskLevel.GREEN)
    assert warning.status == WarningStatus.OPEN
    assert warning.responsible == county.town_a
    assert warning.due_at == JUNE_5 + datetime.timedelta(hours=24)
    assert "欠薪严重" in warning.reasons and "欠薪较重" in warning.reasons
    assert level_of(county.employer_a) == RiskLevel.RED
    assert AuditEntry.objects.filter(object_id=str(warning.pk), action="create").exists()


def test_an_unchanged_or_lower_level_opens_no_warning(county, point, bob):
    file(point, bob, wage_arrears=2)  # orange
    assert RiskWarning.objects.count() == 1
    file(point, bob, month=datetime.date(2025, 6, 1), now=aware(2025, 6, 20, 9), wage_arrears=2)
    assert RiskWarning.objects.count() == 1  # still orange: nothing new
    file(point, bob, month=datetime.date(2025, 7, 1), now=aware(2025, 7, 20, 9), safety=2)
    assert RiskWarning.objects.count() == 1  # down to yellow
    assert level_of(county.employer_a) == RiskLevel.YELLOW
    file(point, bob, month=datetime.date(2025, 8, 1), now=aware(2025, 8, 20, 9), unrest=2)
    assert RiskWarning.objects.count() == 2  # up again: red
    assert RiskWarning.objects.first().previous_level == RiskLevel.YELLOW


def test_open_cases_raise_the_level(county, bob):
    assert risk.evaluate_employers(employer_ids=[county.employer_a.pk]) == []
    make_case(county)
    [warning] = risk.evaluate_employers(employer_ids=[county.employer_a.pk])
    assert warning.level == RiskLevel.YELLOW and warning.reasons == ["有未结维权案件"]
    make_case(county), make_case(county)
    [warning] = risk.evaluate_employers(employer_ids=[county.employer_a.pk])
    assert warning.level == RiskLevel.ORANGE
    assert not EmployerRisk.objects.filter(employer=county.employer_b).exists()


def test_a_case_opened_through_the_service_re_evaluates(county, bob):
    cases.receive_case(
        actor=bob, union=county.town_a, kind=CaseKind.WAGES, complainant_name="王骑手",
        phone="13900000012", facts="欠薪两个月", employer=county.employer_a,
    )  # fmt: skip
    warning = RiskWarning.objects.get(employer=county.employer_a)
    assert warning.level == RiskLevel.YELLOW


def test_closed_cases_do_not_count(county):
    make_case(county, status="closed")
    make_case(county, status="declined")
    assert risk.evaluate_employers(employer_ids=[county.employer_a.pk]) == []
    assert level_of(county.employer_a) == RiskLevel.GREEN


def test_an_old_report_no_longer_speaks(county, point):
    make_report(point, MAY, wage_arrears=3)
    assert risk.evaluate_employers(employer_ids=[county.employer_a.pk], now=JUNE_5)
    # In September May is more than two months back: the report no longer counts, but the
    # months since without a report do (June, July: two missed months).
    risk.evaluate_employers(employer_ids=[county.employer_a.pk], now=aware(2025, 9, 1, 9))
    row = EmployerRisk.objects.get(employer=county.employer_a)
    assert row.level == RiskLevel.YELLOW and row.reasons == ["月报逾期未报"]


def test_missed_months_raise_the_level(county):
    point = point_a(county, established_on=datetime.date(2025, 1, 1))
    make_report(point, datetime.date(2025, 1, 1))
    # 20 March: February's report (due 10 March) is missing.
    [warning] = risk.evaluate_employers(
        employer_ids=[county.employer_a.pk], now=aware(2025, 3, 20, 9)
    )
    assert warning.level == RiskLevel.YELLOW and warning.reasons == ["月报逾期未报"]
    # 20 May: February, March and April missing in a row.
    [warning] = risk.evaluate_employers(
        employer_ids=[county.employer_a.pk], now=aware(2025, 5, 20, 9)
    )
    assert warning.level == RiskLevel.ORANGE
    point.is_active = False  # a point switched off owes nothing
    point.save()
    risk.evaluate_employers(employer_ids=[county.employer_a.pk], now=aware(2025, 5, 20, 9))
    assert level_of(county.employer_a) == RiskLevel.GREEN


def test_custom_rules_change_the_outcome(county, point, bob):
    # Town A is stricter: any wage arrears is red. Its rules replace the defaults for its
    # employers; town B's employers keep the defaults.
    RiskRule.objects.create(
        organisation=county.town_a, name="城关镇：有欠薪即红色", source=RuleSource.WAGE_ARREARS,
        threshold=1, level=RiskLevel.RED,
    )  # fmt: skip
    file(point, bob, wage_arrears=1)
    assert level_of(county.employer_a) == RiskLevel.RED
    assert RiskWarning.objects.get().reasons == ["城关镇：有欠薪即红色"]
    make_case(county, employer=county.employer_b, union=county.town_b)
    risk.evaluate_employers(employer_ids=[county.employer_b.pk])
    assert level_of(county.employer_b) == RiskLevel.YELLOW  # the default open-case rule


def test_county_and_town_rules_apply_together(county, point, bob):
    RiskRule.objects.create(
        organisation=county.county, name="县：安全较重即橙色", source=RuleSource.SAFETY,
        threshold=2, level=RiskLevel.ORANGE,
    )  # fmt: skip
    RiskRule.objects.create(
        organisation=county.town_a, name="镇：裁员即黄色", source=RuleSource.LAYOFFS,
        threshold=1, level=RiskLevel.YELLOW,
    )  # fmt: skip
    file(point, bob, safety=2, layoffs=1, wage_arrears=3)
    row = EmployerRisk.objects.get(employer=county.employer_a)
    # No rule on wage arrears is configured in this tree: the defaults no longer apply.
    assert row.level == RiskLevel.ORANGE
    assert row.reasons == ["县：安全较重即橙色", "镇：裁员即黄色"]


def test_inactive_rules_do_not_apply(county, point, bob):
    RiskRule.objects.create(
        organisation=county.town_a, name="停用规则", source=RuleSource.OTHER, threshold=1,
        level=RiskLevel.RED, is_active=False,
    )  # fmt: skip
    file(point, bob, other=1, wage_arrears=3)
    row = EmployerRisk.objects.get(employer=county.employer_a)
    assert row.level == RiskLevel.RED and "停用规则" not in row.reasons  # defaults again


def test_judge_takes_the_highest_firing_rule():
    level, reasons = risk.judge(
        {RuleSource.OPEN_CASES: 3, RuleSource.UNREST: 0}, risk.DEFAULT_RULES
    )
    assert level == RiskLevel.ORANGE
    assert reasons == ["未结维权案件达 3 件", "有未结维权案件"]
    assert risk.judge({}, risk.DEFAULT_RULES) == (RiskLevel.GREEN, [])


def test_handle_hours_follow_the_level_and_settings(settings):
    assert [risk.handle_hours(level) for level in (1, 2, 3)] == [72, 48, 24]
    settings.GONGHUI_WARNING_HANDLE_HOURS = {RiskLevel.RED: 12}
    assert risk.handle_hours(RiskLevel.RED) == 12 and risk.handle_hours(RiskLevel.YELLOW) == 72


def test_level_changes_are_audited(county, point, bob):
    file(point, bob, wage_arrears=3)
    file(point, bob, month=datetime.date(2025, 6, 1), now=aware(2025, 6, 20, 9))
    row = EmployerRisk.objects.get(employer=county.employer_a)
    entries = AuditEntry.objects.filter(object_id=str(row.pk), content_type__model="employerrisk")
    assert entries.count() == 2  # created red, then down to green
    assert entries.filter(action="update").get().changes["level"] == ["红色", "绿色"]


# ---------------------------------------------------------------------------------------------
# Bulk
# ---------------------------------------------------------------------------------------------


def _employers(county, n: int, grid) -> list:
    from gonghui.rights.models import GridEmployer

    made = []
    for i in range(n):
        employer = create_employer(
            actor=None, credit_code=_credit_code(i), name=f"批量企业{i}", territory=county.town_a,
            union=None, ownership="non_public", headcount=30,
        )  # fmt: skip
        GridEmployer.objects.create(grid=grid, employer=employer)
        point = make_point(grid, employer, established_on=datetime.date(2025, 1, 1))
        make_report(point, MAY, wage_arrears=i % 4)
        make_case(county, employer=employer)
        made.append(employer)
    return made


def _credit_code(i: int) -> str:
    from gonghui.core.validators import credit_code_check_char

    body = f"91420324MA4G{i:05d}"
    return body + credit_code_check_char(body)


def _queries(ids) -> int:
    with CaptureQueriesContext(connection) as captured:
        risk.evaluate_employers(employer_ids=ids, now=JUNE_5)
    return len(captured)


def test_bulk_evaluation_costs_a_fixed_number_of_queries(county, django_assert_max_num_queries):
    grid = grid_a(county)
    employers = _employers(county, 30, grid)
    few = _queries([e.pk for e in employers[:3]])
    RiskWarning.objects.all().delete()
    EmployerRisk.objects.all().delete()
    many = _queries([e.pk for e in employers])
    assert many == few
    with django_assert_max_num_queries(16):
        opened = risk.evaluate_employers(employer_ids=[e.pk for e in employers], now=JUNE_5)
    assert opened == []  # already judged at this level
    assert EmployerRisk.objects.filter(level=RiskLevel.RED).count() == 7  # ratings 3 of 30


def test_evaluate_all_covers_monitored_employers_and_open_cases(county):
    grid_a(county)
    make_case(county, employer=county.employer_b, union=county.town_b)
    risk.evaluate_all(now=JUNE_5)
    assert set(EmployerRisk.objects.values_list("employer__name", flat=True)) == {
        "甲机械厂",
        "乙茶叶公司",
    }
