"""The three spreadsheet templates (工会组织, 单位, 会员), one declarative spec each.

Import and export share these specs: a column's `parse` turns a cell as people type it into a
value, its `render` turns a record back into a cell, so every export imports again unchanged.
Parsers see a cleaned cell (see `clean`), never an empty one, and raise `CellError` with a reason
a clerk can act on.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.models import OrgKind, OrgStatus
from gonghui.core.sheets.cells import (
    CellError,
    Column,
    Template,
    as_text,
    attr,
    choice,
    choice_labels,
    count,
    credit_code,
    date,
    fold,
    label,
    mobile,
    plain_name,
    related_name,
    resident_id,
    text,
    yes_no,
    yes_no_of,
)
from gonghui.core.validators import (
    mask_mobile,
    mask_resident_id,
)
from gonghui.registry.choices import EmploymentForm, Industry, OperatingStatus, Ownership

_INDUSTRY_BY_NAME = {fold(str(label)): value for value, label in Industry.choices}
_INDUSTRY_CODE = re.compile(r"^([A-Ta-t])(?:[\s\-—:：.、]*(.*))?$")


def industry(value) -> str:
    """A GB/T 4754 section by letter (C), name (制造业) or both (C 制造业)."""
    folded = fold(as_text(value))
    by_name = _INDUSTRY_BY_NAME.get(folded)
    if by_name:
        return by_name
    match = _INDUSTRY_CODE.match(folded)
    if match:
        letter, name = match.group(1).upper(), (match.group(2) or "").strip()
        label = fold(str(Industry(letter).label))
        if name and name != label:
            raise CellError(
                _("门类 %(letter)s 是“%(label)s”，与“%(name)s”不符")
                % {"letter": letter, "label": label, "name": name}
            )
        return letter
    raise CellError(_("应为 GB/T 4754 门类字母（A–T）或名称，如“C 制造业”"))


def industry_of(obj) -> str:
    return f"{obj.industry} {obj.get_industry_display()}" if obj.industry else ""


def employer_code_of(obj) -> str:
    return obj.employer.credit_code if obj.employer_id else ""


UNIONS = Template(
    key="unions",
    title=gettext_lazy("工会组织"),
    columns=(
        Column("工会名称", "name", text(100), attr("name"), required=True, width=28, repeats=False,
               help=gettext_lazy("本县内不重复；已有的同名组织按本行更新")),
        Column("组织类型", "kind", choice(OrgKind), label("kind"), required=True,
               options=choice_labels(OrgKind), width=18),
        Column("上级工会", "parent", text(100), related_name("parent"), width=28,
               help=gettext_lazy("县总工会不填，其余必填；可以是本文件中的另一行")),
        Column("工会统一社会信用代码", "credit_code", credit_code, attr("credit_code"),
               default="", as_text=True, width=22, help=gettext_lazy("以81开头的18位代码")),
        Column("工会主席", "chair", plain_name(50), attr("chair"), default=""),
        Column("成立日期", "founded_on", date, attr("founded_on"), width=12),
        Column("本届任期届满日期", "term_ends_on", date, attr("term_ends_on"), width=12),
        Column("状态", "status", choice(OrgStatus), label("status"), default=OrgStatus.ACTIVE,
               options=choice_labels(OrgStatus), width=8, help=gettext_lazy("不填为“正常”")),
    ),
    notes=(
        gettext_lazy("上级工会须先于下级存在：或已在系统中，或在本文件中（顺序不限）。"),
        gettext_lazy("导入不会移动已有组织：上级工会与系统中不同时报错，请在组织页面使用“移动”。"),
    ),
)  # fmt: skip

UNITS = Template(
    key="units",
    title=gettext_lazy("单位"),
    columns=(
        Column("统一社会信用代码", "credit_code", credit_code, attr("credit_code"),
               required=True, as_text=True, width=22, repeats=False,
               help=gettext_lazy("18位；已登记的单位按本行更新")),
        Column("单位名称", "name", plain_name(200), attr("name"), required=True, width=30,
               repeats=False),
        Column("属地工会", "territory", text(100), related_name("territory"), required=True,
               width=22, help=gettext_lazy("所在乡镇(街道)总工会或园区工会的名称")),
        Column("所在工会", "union", text(100), related_name("union"), width=24,
               help=gettext_lazy("覆盖该单位的基层工会或联合基层工会；不填表示未建会")),
        Column("行业", "industry", industry, industry_of, default="", width=24,
               options=tuple(f"{v} {label}" for v, label in Industry.choices),
               help=gettext_lazy("GB/T 4754 门类：字母、名称或两者，如“C 制造业”")),
        Column("经济类型", "ownership", choice(Ownership), label("ownership"), required=True,
               options=choice_labels(Ownership), width=10),
        Column("职工人数", "headcount", count, attr("headcount"), required=True, width=10),
        Column("是否有党组织", "has_party_branch", yes_no, yes_no_of("has_party_branch"),
               default=False, options=("是", "否"), width=10, help=gettext_lazy("不填为“否”")),
        Column("成立日期", "founded_on", date, attr("founded_on"), width=12),
        Column("经营状态", "operating_status", choice(OperatingStatus),
               label("operating_status"), default=OperatingStatus.OPERATING,
               options=choice_labels(OperatingStatus), width=10, help=gettext_lazy("不填为“正常”")),
    ),
)  # fmt: skip

MEMBERS = Template(
    key="members",
    title=gettext_lazy("会员"),
    columns=(
        Column("姓名", "name", plain_name(50), attr("name"), required=True, width=10,
               repeats=False),
        Column("公民身份号码", "id_number", resident_id, attr("id_masked"), required=True,
               as_text=True, width=22, render_clear=attr("id_number"), repeats=False,
               mask=mask_resident_id,
               help=gettext_lazy("18位，末位 x 大小写均可；同一人在一个文件中只能出现一次")),
        Column("手机号码", "phone", mobile, attr("phone_masked"), default="", as_text=True,
               width=14, render_clear=attr("phone"), repeats=False, mask=mask_mobile),
        Column("所在工会", "union", text(100), related_name("union"), required=True, width=24,
               help=gettext_lazy(
                   "基层工会、联合基层工会、产业(行业)工会或兜底入会的乡镇(街道)总工会、园区工会的名称"
               )),
        Column("工作单位信用代码", "employer", credit_code, employer_code_of, as_text=True,
               width=22, help=gettext_lazy("须为已登记的单位；新就业形态无固定单位的不填")),
        Column("就业形态", "employment_form", choice(EmploymentForm), label("employment_form"),
               default=EmploymentForm.STANDARD, options=choice_labels(EmploymentForm), width=14,
               help=gettext_lazy("不填为“标准”")),
        Column("是否农民工", "is_migrant_worker", yes_no, yes_no_of("is_migrant_worker"),
               default=False, options=("是", "否"), width=10, help=gettext_lazy("不填为“否”")),
        Column("入会日期", "joined_on", date, attr("joined_on"), required=True, width=12,
               help=gettext_lazy("不能晚于今天")),
    ),
    notes=(
        gettext_lazy("同一身份号码在同一工会已是在会会员的，按本行更新；在其他工会在会的须办理转会。"),
        gettext_lazy("脱敏导出的会员名单（身份号码带 *）不能再导入：请使用明文导出。"),
    ),
)  # fmt: skip

TEMPLATES = {t.key: t for t in (UNIONS, UNITS, MEMBERS)}
