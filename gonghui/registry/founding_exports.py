"""`?export=csv|xlsx` on the founding-drive worklist: what its filters show, through the list
exporter of registry.exports (streamed, safe to open in Excel). Export only: the sheet has the
worklist's columns, not an import template's."""

from django.utils.translation import gettext_lazy

from gonghui.core.sheets.cells import (
    CellError,
    Column,
    Template,
    attr,
    label,
    related_name,
)
from gonghui.registry.exports import Exporter
from gonghui.registry.founding_queries import category_labels, outcome_label


def _export_only(value):  # pragma: no cover - the worklist is never imported
    raise CellError("export only")


def _column(header: str, field: str, render, width: int = 14, **kwargs) -> Column:
    return Column(header, field, _export_only, render, width=width, **kwargs)


TARGETS = Template(
    key="founding_targets",
    title=gettext_lazy("建会攻坚对象"),
    columns=(
        _column("单位名称", "name", attr("name"), width=30),
        _column("统一社会信用代码", "credit_code", attr("credit_code"), width=22, as_text=True),
        _column("属地工会", "territory", related_name("territory"), width=22),
        _column("经济类型", "ownership", label("ownership"), width=10),
        _column("职工人数", "headcount", attr("headcount"), width=10),
        _column("成立日期", "founded_on", attr("founded_on"), width=12),
        _column("攻坚类别", "categories", lambda e: "、".join(category_labels(e)), width=30),
        _column("最近联系日期", "last_contacted_on", attr("last_contacted_on"), width=12),
        _column("联系结果", "last_outcome", lambda e: outcome_label(e.last_outcome)),
        _column("下一步", "last_next_step", attr("last_next_step"), width=30),
        _column("下次联系日期", "last_next_on", attr("last_next_on"), width=12),
    ),
)

EXPORTER = Exporter(TARGETS, ("territory",))
