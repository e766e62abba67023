"""The labour-risk pages in the permission matrix (gonghui/tests/test_url_scoping.py)."""

import datetime

from django.utils import timezone

LIST_URLS = {
    "rights:grid_list": 200,
    "rights:grid_add": 200,
    "rights:report_list": 200,
    "rights:rule_list": 200,
    "rights:rule_add": 200,
    "rights:rule_defaults": 200,
    "rights:board": 200,
    "rights:board_employers": 200,
    # Running the whole county's evaluation now: the county's administrators only.
    "rights:risk_run": 403,
    "rights:warning_list": 200,
}

SECRET_GRID = "城关镇保密网格"
SECRET_MEMBER = "网格员甲秘"


def town_a_grid(county, user) -> int:
    from gonghui.rights.models import Grid, GridEmployer

    grid = Grid.objects.create(organisation=county.town_a, name=SECRET_GRID)
    GridEmployer.objects.create(grid=grid, employer=county.employer_a)
    return grid.pk


def town_a_membership(county, user) -> int:
    from gonghui.rights.models import GridEmployer

    town_a_grid(county, user)
    return GridEmployer.objects.get(employer=county.employer_a).pk


def town_a_member(county, user) -> int:
    from gonghui.rights.models import GridMember

    member = GridMember(grid_id=town_a_grid(county, user), name=SECRET_MEMBER, role="member")
    member.set_phone("")
    member.save()
    return member.pk


def town_a_point(county, user) -> int:
    from gonghui.rights.models import MonitoringPoint

    point = MonitoringPoint.objects.create(
        grid_id=town_a_grid(county, user), employer=county.employer_a, contact_name="甲厂信息员",
        established_on=datetime.date(2024, 1, 1),
    )  # fmt: skip
    return point.pk


def town_a_report(county, user) -> int:
    from gonghui.rights.models import MonthlyReport

    report = MonthlyReport.objects.create(
        point_id=town_a_point(county, user), month=datetime.date(2024, 3, 1),
        submitted_at=timezone.now(), wage_arrears=2,
    )  # fmt: skip
    return report.pk


def town_a_rule(county, user) -> int:
    from gonghui.rights.models import RiskRule

    return RiskRule.objects.create(
        organisation=county.town_a, name="城关镇欠薪规则", source="wage_arrears", threshold=1,
        level=1,
    ).pk  # fmt: skip


def town_a_warning(county, user) -> int:
    from gonghui.rights.models import RiskWarning

    now = timezone.now()
    return RiskWarning.objects.create(
        employer=county.employer_a, level=3, previous_level=0, reasons=["欠薪严重"],
        responsible=county.town_a, opened_at=now, due_at=now + datetime.timedelta(hours=24),
    ).pk  # fmt: skip


OBJECT_URLS = {
    "rights:grid_detail": ("GET", lambda c, u: {"pk": town_a_grid(c, u)}),
    "rights:grid_edit": ("GET", lambda c, u: {"pk": town_a_grid(c, u)}),
    "rights:grid_employer_add": ("GET", lambda c, u: {"pk": town_a_grid(c, u)}),
    "rights:grid_employer_remove": ("POST", lambda c, u: {"pk": town_a_membership(c, u)}),
    "rights:grid_member_add": ("GET", lambda c, u: {"pk": town_a_grid(c, u)}),
    "rights:grid_member_remove": ("POST", lambda c, u: {"pk": town_a_member(c, u)}),
    "rights:grid_point_add": ("GET", lambda c, u: {"pk": town_a_grid(c, u)}),
    "rights:grid_point_detail": ("GET", lambda c, u: {"pk": town_a_point(c, u)}),
    "rights:grid_point_edit": ("GET", lambda c, u: {"pk": town_a_point(c, u)}),
    "rights:report_file": ("GET", lambda c, u: {"pk": town_a_point(c, u)}),
    "rights:report_detail": ("GET", lambda c, u: {"pk": town_a_report(c, u)}),
    "rights:report_edit": ("GET", lambda c, u: {"pk": town_a_report(c, u)}),
    "rights:rule_edit": ("GET", lambda c, u: {"pk": town_a_rule(c, u)}),
    "rights:rule_delete": ("POST", lambda c, u: {"pk": town_a_rule(c, u)}),
    "rights:warning_detail": ("GET", lambda c, u: {"pk": town_a_warning(c, u)}),
    "rights:warning_acknowledge": ("POST", lambda c, u: {"pk": town_a_warning(c, u)}),
    "rights:warning_handle": ("GET", lambda c, u: {"pk": town_a_warning(c, u)}),
}

TOWN_A_SECRETS = [SECRET_GRID, SECRET_MEMBER, "城关镇欠薪规则"]


def town_a_level(county, user) -> int:
    from django.utils import timezone

    from gonghui.rights.models import EmployerRisk

    return EmployerRisk.objects.create(
        employer=county.employer_a, level=3, reasons=["欠薪严重"], evaluated_at=timezone.now()
    ).pk


# The risk API (gonghui/rights/risk/api.py).
LIST_URLS.update(
    {
        "rights-grid-list": 200,
        "rights-point-list": 200,
        "rights-report-list": 200,
        "rights-level-list": 200,
        "rights-warning-list": 200,
    }
)
OBJECT_URLS.update(
    {
        "rights-grid-detail": ("GET", lambda c, u: {"pk": town_a_grid(c, u)}),
        "rights-point-detail": ("GET", lambda c, u: {"pk": town_a_point(c, u)}),
        "rights-report-detail": ("GET", lambda c, u: {"pk": town_a_report(c, u)}),
        "rights-level-detail": ("GET", lambda c, u: {"pk": town_a_level(c, u)}),
        "rights-warning-detail": ("GET", lambda c, u: {"pk": town_a_warning(c, u)}),
        "rights-warning-acknowledge": ("POST", lambda c, u: {"pk": town_a_warning(c, u)}),
        "rights-warning-handle": ("POST", lambda c, u: {"pk": town_a_warning(c, u)}),
    }
)
POST_DATA = {}
POST_DATA.update({"rights-warning-handle": lambda c: {"handling": "已约谈企业"}})
