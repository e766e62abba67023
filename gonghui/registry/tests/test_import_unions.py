"""Importing 工会组织 (the organisation tree): kinds and parents, parents later in the same file,
names unique within the county, union credit codes, no moves, scope, idempotence."""

import datetime

import pytest

from gonghui.core.models import AuditAction, AuditEntry, Organisation, OrgKind, OrgStatus
from gonghui.core.models.orgs import path_segment
from gonghui.registry.tests.sheets import UNION_HEADERS, errors_of, run, union_code

pytestmark = pytest.mark.django_db


def org(name, kind, parent, **extra):
    row = dict.fromkeys(UNION_HEADERS)
    row.update({"工会名称": name, "组织类型": kind, "上级工会": parent}, **extra)
    return [row[h] for h in UNION_HEADERS]


def test_a_tree_with_parents_anywhere_in_the_file(tmp_path, county, alice):
    code = union_code()
    rows = [
        UNION_HEADERS,
        org("车间一组", "工会小组", "新材料公司工会"),
        org("新材料公司工会", "基层工会", "城南园区工会", 工会统一社会信用代码=code,
            工会主席="刘芳", 成立日期="2018/6/1", 本届任期届满日期=datetime.date(2028, 5, 31)),
        org("城南园区工会", "园区工会", "测试县总工会"),
        org("城关镇建筑业联合工会", "联合基层工会", "城关镇总工会", 状态="休眠"),
    ]  # fmt: skip
    outcome = run(tmp_path, "unions", rows, actor=alice)
    assert outcome.ok, outcome.errors
    assert (outcome.created, outcome.updated) == (4, 0)
    park = Organisation.objects.get(name="城南园区工会")
    company = Organisation.objects.get(name="新材料公司工会")
    group = Organisation.objects.get(name="车间一组")
    assert park.parent == county.county and park.kind == OrgKind.PARK_UNION
    assert company.parent == park and company.credit_code == code and company.chair == "刘芳"
    assert company.founded_on == datetime.date(2018, 6, 1)
    assert company.term_ends_on == datetime.date(2028, 5, 31)
    assert group.path == company.path + path_segment(group.pk)
    assert group.county == county.county and group.depth == 3
    joint = Organisation.objects.get(name="城关镇建筑业联合工会")
    assert joint.status == OrgStatus.DORMANT and joint.kind == OrgKind.JOINT_UNION
    created = AuditEntry.objects.filter(action=AuditAction.CREATE, actor=alice)
    assert created.filter(object_repr__in=[park.name, company.name, group.name]).count() == 3


def test_reimport_is_idempotent_and_updates_are_audited(tmp_path, county, alice):
    rows = [UNION_HEADERS, org("城南园区工会", "园区工会", "测试县总工会", 工会主席="王强")]
    run(tmp_path, "unions", rows, actor=alice)
    log = AuditEntry.objects.count()
    again = run(tmp_path, "unions", rows, actor=alice)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert AuditEntry.objects.count() == log
    rows[1] = org("城南园区工会", "园区工会", "测试县总工会", 工会主席="李明")
    changed = run(tmp_path, "unions", rows, actor=alice)
    assert changed.updated == 1
    park = Organisation.objects.get(name="城南园区工会")
    entry = AuditEntry.objects.for_object(park).filter(action=AuditAction.UPDATE).get()
    assert entry.changes == {"chair": ["王强", "李明"]}


def test_kind_and_parent_rules(tmp_path, county, alice):
    rows = [
        UNION_HEADERS,
        org("小组甲", "工会小组", "城关镇总工会"),
        org("园区乙", "园区工会", "城关镇总工会"),
        org("无上级工会", "基层工会", None),
        org("总工会下的县总", "县总工会", "测试县总工会"),
        org("不存在的上级", "基层工会", "某某镇总工会"),
        org("类型错", "企业工会", "城关镇总工会"),
    ]
    outcome = run(tmp_path, "unions", rows, actor=alice)
    reasons = {(e.row, e.column): e.reason for e in outcome.errors}
    assert reasons == {
        (2, "组织类型"): "城关镇总工会（乡镇(街道)总工会）下不能设立工会小组",
        (3, "组织类型"): "城关镇总工会（乡镇(街道)总工会）下不能设立园区工会",
        (4, "上级工会"): "请填写上级工会",
        (5, "上级工会"): "县总工会不填上级工会",
        (6, "上级工会"): "“某某镇总工会”不存在或不在您的管理范围内",
        (7, "组织类型"): reasons[(7, "组织类型")],
    }
    assert reasons[(7, "组织类型")].startswith("应为以下之一：县总工会、乡镇(街道)总工会")
    assert Organisation.objects.count() == 5


def test_only_the_system_creates_a_county(tmp_path, county, alice):
    rows = [
        UNION_HEADERS,
        org("竹山县总工会", "县总工会", None),
        org("某镇总工会", "乡镇(街道)总工会", "竹山县总工会"),
    ]
    outcome = run(tmp_path, "unions", rows, actor=alice)
    assert errors_of(outcome) == [(2, "组织类型")]
    assert outcome.errors[0].reason == "只有系统管理员可以新建县总工会"
    system = run(tmp_path, "unions", rows, actor=None)
    assert system.ok and system.created == 2
    new_county = Organisation.objects.get(name="竹山县总工会")
    assert new_county.parent is None and new_county.county == new_county
    assert Organisation.objects.get(name="某镇总工会").county == new_county


def test_union_credit_codes_start_with_81(tmp_path, county, alice):
    rows = [
        UNION_HEADERS,
        org("甲", "基层工会", "城关镇总工会", 工会统一社会信用代码="91420324MA4F00001L"),
        org("乙", "基层工会", "城关镇总工会", 工会统一社会信用代码="81420324MA4F0000XX"),
    ]
    reasons = {(e.row, e.column): e.reason for e in run(tmp_path, "unions", rows).errors}
    assert reasons[(2, "工会统一社会信用代码")] == "工会统一社会信用代码应以81开头"
    assert "校验位错误" in reasons[(3, "工会统一社会信用代码")]


def test_names_are_unique_in_the_file_and_in_the_county(tmp_path, county, bob):
    rows = [
        UNION_HEADERS,
        org("新工会", "基层工会", "城关镇总工会"),
        org("新工会", "联合基层工会", "城关镇总工会"),
        org("乙茶叶公司工会", "基层工会", "城关镇总工会"),  # town B's, which bob cannot edit
    ]
    reasons = {(e.row, e.column): e.reason for e in run(tmp_path, "unions", rows, actor=bob).errors}
    assert reasons == {
        (3, "工会名称"): "与第2行的工会名称重复",
        (4, "工会名称"): "本县已有同名工会组织，且不在您的管理范围内",
    }
    assert not Organisation.objects.filter(name="新工会").exists()


def test_importing_never_moves_an_organisation(tmp_path, county, alice):
    rows = [UNION_HEADERS, org("甲机械厂工会", "基层工会", "水坪镇总工会")]
    outcome = run(tmp_path, "unions", rows, actor=alice)
    assert errors_of(outcome) == [(2, "上级工会")]
    assert "上级工会是“城关镇总工会”" in outcome.errors[0].reason
    county.union_a.refresh_from_db()
    assert county.union_a.parent == county.town_a


def test_parents_naming_each_other_are_a_cycle(tmp_path, county, alice):
    rows = [UNION_HEADERS, org("甲会", "联合基层工会", "乙会"), org("乙会", "联合基层工会", "甲会")]
    outcome = run(tmp_path, "unions", rows, actor=alice)
    # (The kinds cannot nest either way; the cycle is reported on its own all the same.)
    cycle = [(e.row, e.column) for e in outcome.errors if e.reason == "上级工会关系形成循环"]
    assert sorted(cycle) == [(2, "上级工会"), (3, "上级工会")]
    assert not Organisation.objects.filter(name__in=["甲会", "乙会"]).exists()


def test_a_town_clerk_imports_only_below_their_town(tmp_path, county, bob):
    rows = [
        UNION_HEADERS,
        org("城关新工会", "基层工会", "城关镇总工会"),
        org("水坪新工会", "基层工会", "水坪镇总工会"),
    ]
    outcome = run(tmp_path, "unions", rows, actor=bob)
    assert [str(e) for e in outcome.errors] == [
        "第3行 上级工会：“水坪镇总工会”不存在或不在您的管理范围内"
    ]
    assert not Organisation.objects.filter(name="城关新工会").exists()


def test_the_exported_rows_of_a_town_reimport_although_its_parent_is_out_of_scope(
    tmp_path, county, bob
):
    rows = [UNION_HEADERS, org("城关镇总工会", "乡镇(街道)总工会", "测试县总工会")]
    outcome = run(tmp_path, "unions", rows, actor=bob)
    assert outcome.ok and outcome.unchanged == 1


def test_a_service_refusal_while_writing_rolls_everything_back(tmp_path, county, alice):
    # A union with members and employers cannot become an industry union: the tree's guards say
    # so while writing; the new row before it must not stay.
    rows = [
        UNION_HEADERS,
        org("新建工会", "基层工会", "城关镇总工会"),
        org("甲机械厂工会", "产业(行业)工会", "城关镇总工会", 本届任期届满日期="2030-01-01"),
    ]
    outcome = run(tmp_path, "unions", rows, actor=alice)
    assert errors_of(outcome) == [(3, "组织类型")]
    assert "该组织是单位的所在工会" in outcome.errors[0].reason
    assert not Organisation.objects.filter(name="新建工会").exists()
    assert Organisation.objects.get(name="甲机械厂工会").kind == OrgKind.GRASSROOTS


def test_term_end_before_founding(tmp_path, county, alice):
    rows = [UNION_HEADERS, org("甲", "基层工会", "城关镇总工会", 成立日期="2020-01-01",
                               本届任期届满日期="2019-12-31")]  # fmt: skip
    assert errors_of(run(tmp_path, "unions", rows, actor=alice)) == [(2, "本届任期届满日期")]
