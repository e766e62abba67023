"""The labour-risk pages as a town clerk uses them: a grid with its employers, members and a
monitoring point; the monthly reports (filed on time or late, corrected, the missing ones listed);
the warnings signed for and handled; the rules page. Town B's clerk sees none of town A."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.rights.choices import RiskLevel, WarningStatus
from gonghui.rights.models import (
    Grid,
    GridEmployer,
    GridMember,
    MonitoringPoint,
    MonthlyReport,
    RiskRule,
    RiskWarning,
)
from gonghui.rights.risk.queries import add_months, month_start
from gonghui.rights.tests.risk_helpers import (
    GRID_A,
    grid_a,
    make_report,
    make_warning,
    point_a,
    ratings,
)

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return response.content.decode()


def this_month() -> datetime.date:
    return month_start(timezone.localdate())


def report_data(month: datetime.date, **given) -> dict:
    data = {"month": month.isoformat(), **{k: str(v) for k, v in ratings().items()},
            "arrears_amount": "", "arrears_workers": "", "remarks": "本月稳定"}  # fmt: skip
    data.update({k: str(v) for k, v in given.items()})
    return data


def test_a_clerk_sets_up_a_grid_with_employers_members_and_a_point(client, county, bob):
    client.force_login(bob)
    add = reverse("rights:grid_add")
    assert client.get(add).status_code == 200
    data = {"organisation": county.town_a.pk, "name": GRID_A, "code": "WG01", "is_active": "on"}
    response = client.post(add, data, follow=True)
    grid = Grid.objects.get()
    assert f"已保存：{grid}" in page(response) and GRID_A in page(response)
    same = client.post(add, data)
    assert "已有名为“城关镇一号网格”的网格" in page(same) and Grid.objects.count() == 1

    employer_url = reverse("rights:grid_employer_add", args=[grid.pk])
    form = page(client.get(employer_url))
    assert "甲机械厂" in form and "乙茶叶公司" not in form
    response = client.post(employer_url, {"employer": county.employer_a.pk}, follow=True)
    assert "甲机械厂" in page(response)
    assert GridEmployer.objects.filter(grid=grid, employer=county.employer_a).exists()

    member_url = reverse("rights:grid_member_add", args=[grid.pk])
    bad = client.post(member_url, {"name": "", "role": "", "phone": "123"})
    text = page(bad)
    assert "请填写姓名" in text and "请选择网格职务" in text and not GridMember.objects.exists()
    response = client.post(
        member_url, {"name": "周网格", "role": "leader", "phone": "13900001111"}, follow=True
    )
    assert "已添加网格员：" in page(response) and "周网格" in page(response)
    member = GridMember.objects.get()
    assert member.phone_masked and member.phone_masked != "13900001111"

    point_url = reverse("rights:grid_point_add", args=[grid.pk])
    bad = client.post(point_url, {"employer": county.employer_a.pk, "contact_name": "",
                                  "established_on": "", "report_due_day": "31"})  # fmt: skip
    text = page(bad)
    assert "请填写信息员姓名" in text and "月报截止日须为次月 1 日至 28 日之间" in text
    assert not MonitoringPoint.objects.exists()
    data = {"employer": county.employer_a.pk, "contact_name": "钱多多",
            "established_on": "2024-01-01", "report_due_day": "10", "is_active": "on"}  # fmt: skip
    response = client.post(point_url, data, follow=True)
    point = MonitoringPoint.objects.get()
    assert "已设立监测点" in page(response) and "钱多多" in page(response)

    membership = GridEmployer.objects.get()
    response = client.post(
        reverse("rights:grid_employer_remove", args=[membership.pk]), follow=True
    )
    assert "设有启用中的监测点，请先停用监测点再移出网格" in page(response)
    assert GridEmployer.objects.exists()

    edit = reverse("rights:grid_point_edit", args=[point.pk])
    client.post(edit, {"contact_name": "钱多多", "established_on": "2024-01-01",
                       "report_due_day": "15"})  # fmt: skip
    point.refresh_from_db()
    assert point.report_due_day == 15 and not point.is_active

    response = client.post(reverse("rights:grid_member_remove", args=[member.pk]), follow=True)
    assert "已移除网格员：周网格" in page(response) and not GridMember.objects.exists()


def test_a_report_filed_in_time_and_one_filed_late(client, county, bob):
    point = point_a(county)
    client.force_login(bob)
    url = reverse("rights:report_file", args=[point.pk])
    form = page(client.get(url))
    assert f"{this_month().year}年{this_month().month}月" in form

    response = client.post(url, report_data(this_month()), follow=True)
    assert "月报已报送：" in page(response) and "逾期" not in page(response).split("月报已报送")[0]
    on_time = MonthlyReport.objects.get()
    assert not on_time.is_late and on_time.submitted_by == bob

    old = add_months(this_month(), -3)
    response = client.post(url, report_data(old), follow=True)
    assert "已过截止日，记为逾期报送" in page(response)
    late = MonthlyReport.objects.get(month=old)
    assert late.is_late
    listing = page(client.get(reverse("rights:report_list")))
    assert listing.count("data-late") == 1

    again = client.post(url, report_data(old))
    assert again.status_code == 200 and MonthlyReport.objects.count() == 2


def test_bad_ratings_are_named_and_nothing_is_written(client, county, bob):
    point = point_a(county)
    client.force_login(bob)
    url = reverse("rights:report_file", args=[point.pk])
    response = client.post(url, report_data(this_month(), arrears_amount="5000"))
    assert "填写了欠薪金额，欠薪评级不能为“无”" in page(response)
    response = client.post(url, report_data(this_month(), arrears_amount="12.345",
                                            wage_arrears=2))  # fmt: skip
    assert "欠薪金额最多保留两位小数" in page(response)
    assert not MonthlyReport.objects.exists()


def test_a_correction_keeps_the_late_flag_and_a_bad_report_opens_a_warning(client, county, bob):
    point = point_a(county)
    report = make_report(point, add_months(this_month(), -1), is_late=True)
    client.force_login(bob)
    url = reverse("rights:report_edit", args=[report.pk])
    assert client.get(url).status_code == 200
    data = report_data(this_month(), wage_arrears=3, arrears_amount="86000.00",
                       arrears_workers=12, remarks="停产欠薪")  # fmt: skip
    del data["month"]
    response = client.post(url, data, follow=True)
    assert "月报已更正" in page(response)
    report.refresh_from_db()
    assert report.wage_arrears == 3 and report.is_late
    warning = RiskWarning.objects.get()
    assert warning.level == RiskLevel.RED and warning.responsible == county.town_a
    assert "甲机械厂" in page(client.get(reverse("rights:warning_list")))


def test_the_report_list_shows_the_points_that_have_not_reported(client, county, bob):
    point_a(county)
    client.force_login(bob)
    listing = page(client.get(reverse("rights:report_list")))
    assert "逾期未报（最近一个已过截止日的月份）" in listing and "甲机械厂" in listing


def test_a_warning_is_signed_for_then_handled(client, county, bob):
    warning = make_warning(county)
    client.force_login(bob)
    detail = reverse("rights:warning_detail", args=[warning.pk])
    assert "甲机械厂" in page(client.get(detail))

    response = client.post(reverse("rights:warning_acknowledge", args=[warning.pk]), follow=True)
    assert "已签收预警" in page(response)
    warning.refresh_from_db()
    assert warning.status == WarningStatus.ACKNOWLEDGED and warning.acknowledged_by == bob
    again = client.post(reverse("rights:warning_acknowledge", args=[warning.pk]), follow=True)
    assert "不能签收" in page(again)

    handle = reverse("rights:warning_handle", args=[warning.pk])
    assert client.get(handle).status_code == 200
    empty = client.post(handle, {"handling": " "})
    assert empty.status_code == 200
    warning.refresh_from_db()
    assert warning.status == WarningStatus.ACKNOWLEDGED
    response = client.post(handle, {"handling": "约谈企业，工资已补发"}, follow=True)
    assert "已登记处置" in page(response) and "约谈企业，工资已补发" in page(response)
    warning.refresh_from_db()
    assert warning.status == WarningStatus.HANDLED and warning.handled_by == bob
    open_only = page(client.get(reverse("rights:warning_list"), {"status": "open"}))
    assert f'href="{detail}"' not in open_only


def test_the_rules_page_defaults_add_edit_and_delete(client, county, bob):
    client.force_login(bob)
    assert client.get(reverse("rights:rule_list")).status_code == 200
    response = client.post(reverse("rights:rule_defaults"), {"organisation": county.town_a.pk},
                           follow=True)  # fmt: skip
    assert "已创建 14 条默认规则" in page(response) and "欠薪严重" in page(response)
    twice = client.post(reverse("rights:rule_defaults"), {"organisation": county.town_a.pk})
    assert "已有研判规则，未重复创建默认规则" in page(twice)
    assert RiskRule.objects.count() == 14

    add = reverse("rights:rule_add")
    data = {"organisation": county.town_a.pk, "name": "欠薪即预警", "source": "wage_arrears",
            "threshold": "5", "level": "3", "is_active": "on"}  # fmt: skip
    assert "阈值不能超过 3" in page(client.post(add, data))
    data["threshold"] = "1"
    response = client.post(add, data, follow=True)
    assert "已保存规则：" in page(response) and "欠薪即预警" in page(response)
    rule = RiskRule.objects.get(name="欠薪即预警")

    data["name"] = "轻微欠薪即预警"
    client.post(reverse("rights:rule_edit", args=[rule.pk]), data)
    rule.refresh_from_db()
    assert rule.name == "轻微欠薪即预警"
    response = client.post(reverse("rights:rule_delete", args=[rule.pk]), follow=True)
    assert "已删除规则：轻微欠薪即预警" in page(response)
    assert RiskRule.objects.count() == 14


def test_town_b_sees_no_grid_point_report_or_warning_of_town_a(client, county, charlie):
    grid = grid_a(county)
    point = point_a(county)
    report = make_report(point, add_months(this_month(), -1))
    warning = make_warning(county)
    client.force_login(charlie)
    for name in ("rights:grid_list", "rights:report_list", "rights:warning_list"):
        assert "甲机械厂" not in page(client.get(reverse(name))), name
    assert GRID_A not in page(client.get(reverse("rights:grid_list")))
    for name, pk in (("rights:grid_detail", grid.pk), ("rights:grid_point_detail", point.pk),
                     ("rights:report_detail", report.pk), ("rights:warning_detail", warning.pk),
                     ("rights:report_file", point.pk)):  # fmt: skip
        assert client.get(reverse(name, args=[pk])).status_code in (403, 404), name
    client.post(reverse("rights:warning_acknowledge", args=[warning.pk]))
    client.post(reverse("rights:warning_handle", args=[warning.pk]), {"handling": "越权"})
    warning.refresh_from_db()
    assert warning.status == WarningStatus.OPEN
