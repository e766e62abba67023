"""The records behind each registry figure (由数到人): the same querysets the figures count, so a
list and its number cannot disagree (reports/tests/test_figure_traces.py checks that they do not).
Registered from reports' AppConfig.ready beside the registry's figures."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gonghui.core.figures import TracePart, column, register_derived, register_trace
from gonghui.core.models import Organisation
from gonghui.registry import figures as fig
from gonghui.registry.as_of import member_active_q, org_active_q
from gonghui.registry.choices import MemberSource, MemberStatus
from gonghui.registry.exports import PERSONAL_FIELDS
from gonghui.registry.models import Employer, Member
from gonghui.registry.models.applications import HANDLING_DAYS

EMPLOYER_COLUMNS = (
    column(_("单位名称"), "name"),
    column(_("统一社会信用代码"), "credit_code"),
    column(_("所在乡镇(街道)"), "territory.name"),
    column(_("所属工会"), "union.name"),
    column(_("经济类型"), "ownership"),
    column(_("职工人数"), "headcount"),
    column(_("经营状态"), "operating_status"),
)
MEMBER_COLUMNS = (
    column(_("姓名"), "name"),
    column(_("公民身份号码"), "id_masked"),
    column(_("所在工会"), "union.name"),
    column(_("工作单位"), "employer.name"),
    column(_("就业形态"), "employment_form"),
    column(_("入会日期"), "joined_on"),
    column(_("会籍状态"), "status"),
    column(_("离会日期"), "left_on"),
)
ORG_COLUMNS = (
    column(_("工会名称"), "name"),
    column(_("组织类型"), "kind"),
    column(_("上级组织"), "parent.name"),
    column(_("工会主席"), "chair"),
    column(_("本届任期届满日期"), "term_ends_on"),
    column(_("状态"), "status"),
)
APPLICATION_COLUMNS = (
    column(_("申请类型"), "kind"),
    column(_("姓名"), "name"),
    column(_("公民身份号码"), "id_masked"),
    column(_("申请加入的工会"), "union.name"),
    column(_("提交日期"), "submitted_on"),
    column(_("状态"), "status"),
)


def employers(title, queryset, total=None) -> TracePart:
    queryset = queryset.select_related("territory", "union")
    return TracePart(str(title), queryset, EMPLOYER_COLUMNS, total)


def members(title, queryset) -> TracePart:
    queryset = queryset.select_related("union", "employer").defer(*PERSONAL_FIELDS)
    return TracePart(str(title), queryset, MEMBER_COLUMNS)


def orgs(title, queryset) -> TracePart:
    return TracePart(str(title), queryset.select_related("parent"), ORG_COLUMNS)


def _unionized(scope):
    return fig.operating_employers(scope).filter(fig.covered(scope))


def _active_orgs(scope):
    return Organisation.objects.filter(scope.q("path"), org_active_q(scope.today))


def _pending(scope):
    return fig.pending_applications(scope).select_related("union").defer(*PERSONAL_FIELDS)


def _overdue(scope):
    limit = scope.today - datetime.timedelta(HANDLING_DAYS)
    return _pending(scope).filter(submitted_on__lt=limit)


def _begun(scope, source):
    period = (scope.date_from, scope.date_to)
    return Member.objects.filter(
        scope.q(*fig.MEMBER_LOOKUPS), joined_on__range=period, source=source
    )


def _employed_by_unionized(scope):
    """`membership_rate`'s numerator: active members employed by the unionized employers in
    scope, whatever their union (so not scoped by the member's union)."""
    return Member.objects.filter(
        member_active_q(scope.today), employer__in=_unionized(scope).values("pk")
    )


TRACES = {
    "employers": lambda s: employers(_("在营单位"), fig.operating_employers(s)),
    "employers_unionized": lambda s: employers(_("已建会单位"), _unionized(s)),
    "founding_rate": lambda s: [
        employers(_("分子：已建会单位"), _unionized(s)),
        employers(_("分母：在营单位"), fig.operating_employers(s)),
    ],
    "founding_rate_25plus": lambda s: [
        employers(_("分子：25人以上已建会单位"), _unionized(s).filter(fig.LARGE)),
        employers(_("分母：25人以上在营单位"), fig.operating_employers(s).filter(fig.LARGE)),
    ],
    "employees_unionized": lambda s: employers(
        _("已建会单位（职工人数合计）"), _unionized(s), total="headcount"
    ),
    "members": lambda s: members(_("在会会员"), fig.active_members(s)),
    "members_new": lambda s: members(_("新增会员"), fig.new_members(s)),
    "members_new_form": lambda s: members(_("新就业形态会员"), fig.active_members(s).new_form()),
    "members_migrant": lambda s: members(
        _("农民工会员"), fig.active_members(s).filter(is_migrant_worker=True)
    ),
    "members_women": lambda s: members(
        _("女会员"), fig.active_members(s).filter(gender=fig.Gender.FEMALE)
    ),
    "membership_rate": lambda s: [
        members(_("分子：已建会单位的在会会员"), _employed_by_unionized(s)),
        employers(_("分母：已建会单位（职工人数合计）"), _unionized(s), total="headcount"),
    ],
    "orgs_by_kind": lambda s: orgs(_("正常状态的工会组织"), _active_orgs(s)),
    "unions_term_overdue": lambda s: orgs(
        _("未按期换届的工会"), _active_orgs(s).filter(term_ends_on__lt=s.today)
    ),
    "applications_pending": lambda s: TracePart(
        str(_("待审核申请")), _pending(s), APPLICATION_COLUMNS
    ),
    "applications_overdue": lambda s: TracePart(
        str(_("超期未审核申请")), _overdue(s), APPLICATION_COLUMNS
    ),
    "members_joined_online": lambda s: members(_("网上入会"), _begun(s, MemberSource.ONLINE)),
    "transfers_in": lambda s: members(_("转入会员"), _begun(s, MemberSource.TRANSFER)),
    "transfers_out": lambda s: members(
        _("转出会员"),
        Member.objects.filter(
            s.q(*fig.MEMBER_LOOKUPS),
            Q(status=MemberStatus.TRANSFERRED_OUT),
            left_on__range=(s.date_from, s.date_to),
        ),
    ),
}


def register() -> None:
    for key, fn in TRACES.items():
        register_trace(key, fn)
    register_derived("members_new_form_by_form")


__all__ = ["register", "TRACES", "Employer"]
