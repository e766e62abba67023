"""What waits in rights work (维权服务), for the workbench (gonghui.core.workbench): cases to
accept, to assign and past their stage's deadline, risk warnings to acknowledge, and monitoring
points whose monthly report is late. Each item's queryset is exactly what its link lists."""

from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.workbench import WorkItem
from gonghui.rights.access import is_staff
from gonghui.rights.choices import FINAL, CaseStatus, WarningStatus
from gonghui.rights.models import Case, RiskWarning
from gonghui.rights.risk import queries as risk_queries

MODULE = _("维权服务")


def _url(name: str, **query) -> str:
    return reverse(name) + ("?" + urlencode(query) if query else "")


def items(user) -> list[WorkItem]:
    if not is_staff(user):
        return []  # a lawyer's own cases are their case list, not a union's queue
    today = timezone.localdate()
    cases = Case.objects.visible_to(user)
    late = Q(due_on__lt=today)

    def item(key, label, url, queryset, oldest_field, overdue=None, order=0):
        return WorkItem(
            module=MODULE, key=f"rights.{key}", label=label, url=url, queryset=queryset,
            oldest_field=oldest_field, overdue=overdue, nav="rights", order=order,
        )  # fmt: skip

    return [
        item(
            "accept",
            _("维权案件待受理"),
            _url("rights:case_list", status=CaseStatus.RECEIVED, sort="received_at"),
            cases.filter(status=CaseStatus.RECEIVED),
            "received_at",
            late,
            order=30,
        ),
        item(
            "assign",
            _("维权案件待指派"),
            _url("rights:case_list", status=CaseStatus.ACCEPTED, sort="received_at"),
            cases.filter(status=CaseStatus.ACCEPTED),
            "accepted_at",
            late,
            order=31,
        ),
        item(
            "overdue",
            _("维权案件超过本阶段期限"),
            _url("rights:case_list", overdue="true", sort="received_at"),
            cases.exclude(status__in=FINAL).filter(late),
            "due_on",
            Q(),
            order=32,
        ),
        item(
            "acknowledge",
            _("风险预警待签收"),
            _url("rights:warning_list", status=WarningStatus.OPEN, sort="opened_at"),
            RiskWarning.objects.visible_to(user).filter(status=WarningStatus.OPEN),
            "opened_at",
            Q(due_at__lt=timezone.now()),
            order=33,
        ),
        item(
            "reports_late",
            _("监测月报逾期未报"),
            _url("rights:report_list", missing="1"),
            risk_queries.missing_last_due(risk_queries.points_for(user), today),
            None,
            Q(),
            order=34,
        ),
    ]
