"""Importing 会员: cells as people type them, personal data encrypted as the model does it, one
active membership per ID, scope, all errors at once, idempotence, and the command line."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection

from gonghui.core import audit
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.registry.choices import EmploymentForm, MemberSource, MemberStatus
from gonghui.registry.models import Member
from gonghui.registry.services import update_member
from gonghui.registry.tests.sheets import MEMBER_HEADERS, errors_of, ids, run, write_xlsx

pytestmark = pytest.mark.django_db

A_ID = "420324199003071231"  # member_a, union A
B_ID = "420324198502110026"  # member_b, union B (town B)


def member(name, id_number, union="甲机械厂工会", joined=datetime.date(2022, 1, 1), **extra):
    row = dict.fromkeys(MEMBER_HEADERS)
    row.update({"姓名": name, "公民身份号码": id_number, "所在工会": union, "入会日期": joined})
    row.update(extra)
    return [row[h] for h in MEMBER_HEADERS]


def test_every_kind_of_row_is_audited_as_the_model_snapshots_it(tmp_path, county):
    """The import writes the audit entries' JSON itself: rows without a phone or an employer,
    migrant workers, new-form workers and names that JSON escapes all read as audit.snapshot."""
    n = ids(4, seed=9)
    rows = [
        MEMBER_HEADERS,
        member("欧阳\\娜娜", n[0]),
        member('王"小"二', n[1], 手机号码="13912340001", 是否农民工="是"),
        member("李四", n[2], 工作单位信用代码="91420324MA4F00001L", 就业形态="快递员"),
        member("Ann 赵\t", n[3], joined=datetime.date(2020, 2, 29)),
    ]
    outcome = run(tmp_path, "members", rows)
    assert outcome.ok, outcome.errors
    imported = Member.objects.filter(source=MemberSource.IMPORT).select_related("union", "employer")
    assert imported.count() == 4
    for stored in imported:
        entry = AuditEntry.objects.for_object(stored).get()
        assert entry.changes == audit.diff({}, audit.snapshot(stored)), stored.name
        assert entry.object_repr == str(stored)


def test_cells_as_people_type_them(tmp_path, county):
    n = ids(6)
    x_id = "11010519491231002x"  # a real-format number ending in a lower-case x
    rows = [
        MEMBER_HEADERS,
        member(" 王小明 ", n[0], joined=datetime.date(2021, 3, 5), 手机号码=13812340001),
        member("李华", n[1], joined="2021-03-05", 手机号码="138 1234 0002", 是否农民工="是"),
        member("赵敏", n[2], joined="2021/3/5", 工作单位信用代码="91420324MA4F00001L"),
        member("钱多", n[3], joined="2021.3.5", 就业形态="快递员"),
        member("孙丽", n[4], joined="2021年3月5日", 就业形态=" 外卖骑手 "),
        member("周一", x_id, joined=" 2021-3-5 "),
    ]
    outcome = run(tmp_path, "members", rows)
    assert outcome.ok, outcome.errors
    assert outcome.created == 6
    imported = Member.objects.filter(source=MemberSource.IMPORT)
    assert set(imported.values_list("joined_on", flat=True)) == {datetime.date(2021, 3, 5)}
    wang = imported.get(name="王小明")
    assert wang.id_number == n[0] and wang.phone == "13812340001"
    assert wang.name_initials == "WXM" and wang.status == MemberStatus.ACTIVE
    assert imported.get(name="李华").is_migrant_worker
    assert imported.get(name="赵敏").employer == county.employer_a
    assert imported.get(name="钱多").employment_form == EmploymentForm.COURIER
    assert imported.get(name="孙丽").employment_form == EmploymentForm.DELIVERY_RIDER
    zhou = imported.get(name="周一")
    assert zhou.id_number == x_id.upper() and zhou.gender == "F" and zhou.birth_year == 1949


def test_rows_hold_what_the_model_would_derive_and_audit(tmp_path, county):
    (number,) = ids(1, seed=5)
    rows = [MEMBER_HEADERS, member("王五", number, 手机号码="13912345678",
                                   工作单位信用代码="91420324MA4F00001L")]  # fmt: skip
    run(tmp_path, "members", rows)
    stored = Member.objects.select_related("union", "employer").get(name="王五")
    model = Member(name="王五")
    model.set_id_number(number)
    model.set_phone("13912345678")
    for name in ("id_hash", "id_masked", "id_last4", "gender", "birth_year", "phone_hash",
                 "phone_masked"):  # fmt: skip
        assert getattr(stored, name) == getattr(model, name), name
    entry = AuditEntry.objects.for_object(stored).get()
    assert entry.action == AuditAction.CREATE
    assert entry.changes == audit.diff({}, audit.snapshot(stored))
    assert entry.org_path == county.union_a.path and entry.object_repr == str(stored)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM registry_member WHERE id = %s", [stored.pk])
        dump = repr(cursor.fetchall())
    assert number not in dump and "13912345678" not in dump


def test_the_same_person_twice_in_one_file(tmp_path, county):
    number = "11010519491231002X"
    rows = [
        MEMBER_HEADERS,
        member("周一", number),
        member("周一", number.lower(), union="甲机械厂工会"),
    ]
    outcome = run(tmp_path, "members", rows)
    assert [str(e) for e in outcome.errors] == [
        "第3行 公民身份号码：与第2行是同一人（身份号码相同）"
    ]
    assert not Member.objects.filter(name="周一").exists()


def test_an_id_typed_as_a_number_has_lost_its_digits(tmp_path, county):
    rows = [MEMBER_HEADERS, member("周一", 420324199003071231)]
    (error,) = run(tmp_path, "members", rows).errors
    assert error.column == "公民身份号码" and "文本" in error.reason


def test_active_elsewhere_needs_a_transfer(tmp_path, county, alice, bob):
    rows = [MEMBER_HEADERS, member("李乙华", B_ID)]
    (error,) = run(tmp_path, "members", rows, actor=bob).errors
    # bob cannot see union B, so he is not told where the person is.
    assert str(error) == "第2行 公民身份号码：该身份号码已在其他工会有在会会籍，请办理转会"
    (error,) = run(tmp_path, "members", rows, actor=alice).errors
    assert error.reason == "该身份号码已是乙茶叶公司工会的在会会员"


def test_same_id_same_union_updates_in_place(tmp_path, county, alice):
    rows = [MEMBER_HEADERS, member("张甲明", A_ID, joined=datetime.date(2024, 5, 1),
                                   手机号码="138-1234-5678", 工作单位信用代码="91420324MA4F00001L",
                                   就业形态="快递员")]  # fmt: skip
    outcome = run(tmp_path, "members", rows, actor=alice)
    assert (outcome.created, outcome.updated) == (0, 1)
    updated = Member.objects.get(pk=county.member_a.pk)
    assert updated.employment_form == EmploymentForm.COURIER
    entry = AuditEntry.objects.for_object(updated).filter(action=AuditAction.UPDATE).get()
    assert entry.changes == {"employment_form": ["标准", "快递员"]}
    assert Member.objects.with_id_number(A_ID).count() == 1


def test_reimporting_the_same_file_changes_nothing(tmp_path, county, alice):
    numbers = ids(30, seed=21)
    rows = [MEMBER_HEADERS] + [
        member(f"会员{i}", n, 手机号码=f"1390000{i:04d}", 是否农民工="否")
        for i, n in enumerate(numbers)
    ]
    first = run(tmp_path, "members", rows, actor=alice)
    assert first.created == 30
    log = AuditEntry.objects.count()
    stamps = dict(Member.objects.values_list("pk", "updated_at"))
    again = run(tmp_path, "members", rows, actor=alice)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 30)
    assert AuditEntry.objects.count() == log
    assert dict(Member.objects.values_list("pk", "updated_at")) == stamps


def test_a_former_member_rejoins_as_a_new_membership(tmp_path, county, alice):
    update_member(actor=None, member=county.member_a, status=MemberStatus.LEFT,
                  left_on=datetime.date(2025, 1, 1))  # fmt: skip
    outcome = run(tmp_path, "members", [MEMBER_HEADERS, member("张甲明", A_ID)], actor=alice)
    assert outcome.created == 1
    statuses = sorted(Member.objects.with_id_number(A_ID).values_list("status", flat=True))
    assert statuses == [MemberStatus.ACTIVE, MemberStatus.LEFT]


def test_employer_and_union_references(tmp_path, county, bob):
    n = ids(4, seed=8)
    rows = [
        MEMBER_HEADERS,
        member("甲", n[0], 工作单位信用代码="91420324MA4F00003T"),  # town B's employer
        member("乙", n[1], 工作单位信用代码="91420324MA4F0000ZZ"),
        member("丙", n[2], union="城关镇总工会"),
        member("丁", n[3], union="乙茶叶公司工会"),
    ]
    reasons = {
        (e.row, e.column): e.reason for e in run(tmp_path, "members", rows, actor=bob).errors
    }
    assert reasons[(2, "工作单位信用代码")] == "该信用代码的单位未登记，或不在您的管理范围内"
    assert "统一社会信用代码" in reasons[(3, "工作单位信用代码")]
    assert reasons[(4, "所在工会")].startswith("城关镇总工会未开展兜底入会")
    assert reasons[(5, "所在工会")] == "“乙茶叶公司工会”不存在或不在您的管理范围内"


def test_a_file_of_many_bad_rows_reports_every_one_and_writes_nothing(tmp_path, county):
    numbers = ids(120, seed=33)
    rows = [MEMBER_HEADERS]
    for i, number in enumerate(numbers):
        if i % 3 == 0:
            rows.append(member(f"会员{i}", number[:-1] + ("0" if number[-1] != "0" else "1")))
        elif i % 3 == 1:
            rows.append(
                member(f"会员{i}", number, joined=datetime.date(2999, 1, 1), 手机号码="12345")
            )
        else:
            rows.append(member(f"会员{i}", number))  # good rows: still not written
    before = (Member.objects.count(), AuditEntry.objects.count())
    outcome = run(tmp_path, "members", rows)
    expected = []
    for i in range(120):
        row = i + 2
        if i % 3 == 0:
            expected.append((row, "公民身份号码"))
        elif i % 3 == 1:
            expected += [(row, "手机号码"), (row, "入会日期")]
    assert errors_of(outcome) == expected
    assert all(str(e).startswith(f"第{e.row}行 ") for e in outcome.errors)
    assert (Member.objects.count(), AuditEntry.objects.count()) == before


def test_missing_required_and_unknown_columns(tmp_path, county):
    rows = [["姓名", "身份证号", "所在工会"], ["王五", ids(1)[0], "甲机械厂工会"]]
    reasons = {(e.row, e.column): e.reason for e in run(tmp_path, "members", rows).errors}
    assert reasons[(1, "身份证号")].startswith("未知的列")
    assert reasons[(1, "公民身份号码")] == "缺少必填的列"
    assert reasons[(1, "入会日期")] == "缺少必填的列"


def test_required_cells(tmp_path, county):
    rows = [MEMBER_HEADERS, member("", ids(1)[0], union=" ", joined=None)]
    assert errors_of(run(tmp_path, "members", rows)) == [
        (2, "姓名"),
        (2, "所在工会"),
        (2, "入会日期"),
    ]


# ---------------------------------------------------------------------------------------------
# gonghui import
# ---------------------------------------------------------------------------------------------


def cli(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_cli_success_prints_one_line(tmp_path, county):
    path = write_xlsx(tmp_path / "m.xlsx", [MEMBER_HEADERS, member("王五", ids(1)[0])])
    code, out, err = cli("members", str(path), "--dry-run")
    assert code == 0 and err == ""
    assert out.strip() == "会员校验通过（试运行，未写入）：共 1 行，将新增 1，更新 0，未变 0"
    assert not Member.objects.filter(name="王五").exists()
    code, out, _err = cli("members", str(path))
    assert out.strip() == "会员导入完成：共 1 行，新增 1，更新 0，未变 0"
    assert len(out.strip().splitlines()) == 1
    assert Member.objects.get(name="王五").source == MemberSource.IMPORT


def test_cli_errors_go_to_stderr_one_per_line_with_the_row(tmp_path, county):
    good, bad = ids(2, seed=3)
    rows = [MEMBER_HEADERS, member("王五", good), member("", bad[:-1] + "0", joined="2021-02-30")]
    path = write_xlsx(tmp_path / "m.xlsx", rows)
    code, out, err = cli("members", str(path))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert lines[0] == "第3行 姓名：必填"
    assert lines[1].startswith("第3行 公民身份号码：")
    assert lines[2] == "第3行 入会日期：不是真实的日期"
    assert len(lines) == 3
    assert not Member.objects.filter(name="王五").exists()


def test_cli_user_limits_the_scope(tmp_path, county, bob):
    path = write_xlsx(
        tmp_path / "m.xlsx", [MEMBER_HEADERS, member("王五", ids(1)[0], union="乙茶叶公司工会")]
    )
    code, _out, err = cli("members", str(path), "--user", "bob")
    assert code == 1
    assert err.strip() == "第2行 所在工会：“乙茶叶公司工会”不存在或不在您的管理范围内"
    assert cli("members", str(path))[0] == 0  # the system may
