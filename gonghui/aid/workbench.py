"""What waits in aid and services (帮扶服务), for the workbench (gonghui.core.workbench): workers'
applications to send on, applications to decide, hardship files to decide, yearly reviews that
are late, and approved aid ready to pay. Each item's queryset is exactly what its link lists."""

from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.aid.choices import AidStatus
from gonghui.aid.hardship.queries import awaiting_decision_by
from gonghui.aid.models import AidApplication, HardshipFile
from gonghui.aid.payments.queries import payable_with_remainder
from gonghui.aid.programmes.queries import awaiting_review_by
from gonghui.core.scoping import holds_role
from gonghui.core.workbench import WorkItem

MODULE = _("帮扶服务")


def _url(name: str, **query) -> str:
    return reverse(name) + ("?" + urlencode(query) if query else "")


def items(user) -> list[WorkItem]:
    if not holds_role(user):
        return []
    applications = AidApplication.objects.visible_to(user)

    def item(key, label, url, queryset, oldest_field, overdue=None, order=0):
        return WorkItem(
            module=MODULE, key=f"aid.{key}", label=label, url=url, queryset=queryset,
            oldest_field=oldest_field, overdue=overdue, nav="aid", order=order,
        )  # fmt: skip

    return [
        item(
            "send_on",
            _("职工申请待基层工会提交"),
            _url("aid:application_list", status=AidStatus.AWAITING_UNION, sort="created_at"),
            applications.filter(status=AidStatus.AWAITING_UNION),
            "created_at",
            order=20,
        ),
        item(
            "decide",
            _("救助申请待我审核"),
            _url("aid:application_list", mine="true", sort="created_at"),
            awaiting_review_by(user),
            "submitted_at",
            order=21,
        ),
        item(
            "hardship_decide",
            _("困难职工档案待我审核"),
            _url("aid:hardship_list", mine="true", sort="pk"),
            awaiting_decision_by(user),
            "created_at",
            order=22,
        ),
        item(
            "review_due",
            _("困难职工档案年度复核逾期"),
            _url("aid:hardship_due", sort="reviewed_on"),
            HardshipFile.objects.visible_to(user).review_due(),
            "reviewed_on",
            overdue=Q(),  # the due list is of late reviews only
            order=23,
        ),
        item(
            "payable",
            _("公示期满待发放"),
            _url("aid:payable_list"),
            payable_with_remainder(applications),
            "notice_ends_on",
            order=24,
        ),
    ]
