"""Importing 单位 (employers): every rule of the template, all errors at once, nothing written
when anything is wrong, idempotent re-import, scope."""

import datetime

import pytest

from gonghui.core.models import AuditAction, AuditEntry
from gonghui.registry.choices import OperatingStatus, Ownership
from gonghui.registry.imports import import_file
from gonghui.registry.models import Employer
from gonghui.registry.tests.sheets import UNIT_HEADERS, codes, errors_of, run, write_csv

pytestmark = pytest.mark.django_db

A_CODE = "91420324MA4F00001L"  # employer_a, town A
B_CODE = "91420324MA4F00003T"  # employer_b, town B


def unit(code, name="新单位", territory="城关镇总工会", union="", **extra):
    row = {
        "统一社会信用代码": code,
        "单位名称": name,
        "属地工会": territory,
        "所在工会": union,
        "行业": "C",
        "经济类型": "非公",
        "职工人数": 30,
        "是否有党组织": "否",
        "成立日期": datetime.date(2015, 6, 1),
        "经营状态": "正常",
    }
    row.update(extra)
    return [row[h] for h in UNIT_HEADERS]


def test_creates_employers_with_cells_as_people_type_them(tmp_path, county):
    c1, c2, c3 = codes(3)
    rows = [
        UNIT_HEADERS,
        unit(f"  {c1.lower()} ", " 竹溪县新材料有限公司 ", 行业="C 制造业", 职工人数="1,200"),
        unit(
            c2,
            "竹溪县茶业公司",
            union="甲机械厂工会",
            行业="批发和零售业",
            是否有党组织="是",
            成立日期="2019年3月5日",
            经营状态="",
        ),  # fmt: skip
        unit(c3, "竹溪县物流公司", 行业="", 职工人数=25.0, 成立日期="2020.1.2", 经济类型="外资"),
    ]
    outcome = run(tmp_path, "units", rows)
    assert outcome.ok, outcome.errors
    assert (outcome.created, outcome.updated, outcome.unchanged) == (3, 0, 0)
    first = Employer.objects.get(credit_code=c1)
    assert first.name == "竹溪县新材料有限公司"
    assert first.industry == "C" and first.headcount == 1200
    assert first.territory == county.town_a and first.union is None
    assert first.name_initials == "ZXXXCLYXGS"
    second = Employer.objects.get(credit_code=c2)
    assert second.union == county.union_a and second.industry == "F"
    assert second.has_party_branch and second.founded_on == datetime.date(2019, 3, 5)
    assert second.operating_status == OperatingStatus.OPERATING
    third = Employer.objects.get(credit_code=c3)
    assert third.industry == "" and third.headcount == 25 and third.ownership == Ownership.FOREIGN
    assert third.founded_on == datetime.date(2020, 1, 2)
    entry = AuditEntry.objects.for_object(first).get()
    assert entry.action == AuditAction.CREATE
    assert entry.changes["name"] == [None, "竹溪县新材料有限公司"]


def test_reimporting_the_same_file_changes_nothing(tmp_path, county, alice):
    rows = [UNIT_HEADERS, *[unit(c, f"单位{i}") for i, c in enumerate(codes(4))]]
    assert run(tmp_path, "units", rows, actor=alice).created == 4
    log = AuditEntry.objects.count()
    stamps = list(Employer.objects.order_by("pk").values_list("updated_at", flat=True))
    again = run(tmp_path, "units", rows, actor=alice)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 4)
    assert AuditEntry.objects.count() == log
    assert list(Employer.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps


def test_existing_employers_update_in_place_and_are_audited(tmp_path, county, alice):
    rows = [UNIT_HEADERS, unit(A_CODE, "甲机械厂（更名）", union="甲机械厂工会", 职工人数=150)]
    outcome = run(tmp_path, "units", rows, actor=alice)
    assert (outcome.created, outcome.updated) == (0, 1)
    employer = Employer.objects.get(credit_code=A_CODE)
    assert employer.name == "甲机械厂（更名）" and employer.headcount == 150
    entry = AuditEntry.objects.for_object(employer).filter(action=AuditAction.UPDATE).get()
    assert entry.changes["name"] == ["甲机械厂", "甲机械厂（更名）"]
    assert entry.changes["headcount"] == [120, 150]
    assert entry.actor == alice


def test_an_empty_union_cell_means_no_union_and_a_missing_column_keeps_it(tmp_path, county):
    headers = ["统一社会信用代码", "单位名称", "属地工会", "经济类型", "职工人数"]
    outcome = run(tmp_path, "units", [headers, [A_CODE, "甲机械厂", "城关镇总工会", "非公", 120]])
    assert outcome.unchanged == 1  # 所在工会 is not in the file: kept
    assert Employer.objects.get(credit_code=A_CODE).union == county.union_a
    run(
        tmp_path,
        "units",
        [[*headers, "所在工会"], [A_CODE, "甲机械厂", "城关镇总工会", "非公", 120, ""]],
    )
    assert Employer.objects.get(credit_code=A_CODE).union is None


def test_territory_and_union_must_be_of_the_right_kind(tmp_path, county):
    c1, c2 = codes(2)
    rows = [
        UNIT_HEADERS,
        unit(c1, territory="甲机械厂工会"),
        unit(c2, union="城关镇总工会"),
    ]
    outcome = run(tmp_path, "units", rows)
    reasons = {(e.row, e.column): e.reason for e in outcome.errors}
    assert reasons == {
        (2, "属地工会"): "属地工会须为乡镇(街道)总工会或园区工会",
        (3, "所在工会"): "所在工会须为基层工会或联合基层工会",
    }
    assert not Employer.objects.filter(credit_code__in=[c1, c2]).exists()


def test_a_town_clerk_cannot_import_into_another_town(tmp_path, county, bob):
    (code,) = codes(1)
    rows = [
        UNIT_HEADERS,
        unit(code, territory="水坪镇总工会", union="乙茶叶公司工会"),
        unit(B_CODE, "乙茶叶公司"),
        unit(A_CODE, "甲机械厂", union="甲机械厂工会", 职工人数=120),
    ]
    outcome = run(tmp_path, "units", rows, actor=bob)
    reasons = {(e.row, e.column): e.reason for e in outcome.errors}
    # Named like a name that does not exist: nothing tells bob what town B holds.
    assert reasons[(2, "属地工会")] == "“水坪镇总工会”不存在或不在您的管理范围内"
    assert reasons[(2, "所在工会")] == "“乙茶叶公司工会”不存在或不在您的管理范围内"
    assert reasons[(3, "统一社会信用代码")] == "统一社会信用代码已由其他乡镇登记"
    assert (4, "统一社会信用代码") not in reasons
    assert Employer.objects.get(credit_code=B_CODE).name == "乙茶叶公司"


def test_every_bad_row_is_reported_and_nothing_is_written(tmp_path, county):
    good = codes(5)
    rows = [UNIT_HEADERS]
    rows += [unit(c, f"好单位{i}") for i, c in enumerate(good)]
    rows += [
        unit("91420324MA4F0000XX", "校验位错"),
        unit(good[0], "重复"),
        unit(codes(1, seed=99)[0], "", 经济类型="国营", 职工人数=-3),
        unit(codes(1, seed=98)[0], "未来", 成立日期=datetime.date(2999, 1, 1), 行业="Z"),
        unit(codes(1, seed=97)[0], "行业不符", 行业="C 建筑业", 是否有党组织="有", 经营状态="倒闭"),
        unit(codes(1, seed=96)[0], "日期错", 成立日期="2021-02-30", 属地工会=""),
    ]
    before = (Employer.objects.count(), AuditEntry.objects.count())
    outcome = run(tmp_path, "units", rows)
    assert errors_of(outcome) == [
        (7, "统一社会信用代码"),
        (8, "统一社会信用代码"),
        (9, "单位名称"),
        (9, "经济类型"),
        (9, "职工人数"),
        (10, "行业"),
        (10, "成立日期"),
        (11, "行业"),
        (11, "是否有党组织"),
        (11, "经营状态"),
        (12, "属地工会"),
        (12, "成立日期"),
    ]
    reasons = {(e.row, e.column): e.reason for e in outcome.errors}
    assert reasons[(8, "统一社会信用代码")] == "与第2行的统一社会信用代码重复"
    assert reasons[(9, "单位名称")] == "必填"
    assert reasons[(10, "成立日期")] == "成立日期不能晚于今天"
    assert "“制造业”" in reasons[(11, "行业")]
    assert str(outcome.errors[0]).startswith("第7行 统一社会信用代码：")
    assert (Employer.objects.count(), AuditEntry.objects.count()) == before


def test_unknown_and_missing_columns_are_refused_by_name(tmp_path, county):
    rows = [
        ["统一社会信用代码", "单位名称", "属地工会", "职工人数", "备注"],
        [codes(1)[0], "单位", "城关镇总工会", 3, "x"],
    ]
    outcome = run(tmp_path, "units", rows)
    reasons = {(e.row, e.column): e.reason for e in outcome.errors}
    assert reasons[(1, "备注")].startswith("未知的列")
    assert reasons[(1, "经济类型")] == "缺少必填的列"
    assert not Employer.objects.filter(name="单位").exists()


def test_gbk_csv_as_excel_saves_it(tmp_path, county):
    (code,) = codes(1)
    path = write_csv(tmp_path / "gbk.csv", [UNIT_HEADERS, unit(code, "竹溪县蔬菜合作社")], "gbk")
    outcome = import_file(template="units", path=path, actor=None)
    assert outcome.ok, outcome.errors
    assert Employer.objects.get(credit_code=code).name == "竹溪县蔬菜合作社"
