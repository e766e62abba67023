"""What waits in the joining and transfer queue (入会/转会申请), for the workbench
(gonghui.core.workbench). Each item's queryset is exactly what its link lists."""

import datetime
from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.scoping import holds_role
from gonghui.core.workbench import WorkItem
from gonghui.registry.choices import ApplicationKind, ApplicationStatus
from gonghui.registry.models import Application
from gonghui.registry.models.applications import HANDLING_DAYS

MODULE = _("组织与会员")


def queue_url(kind: str) -> str:
    query = {"kind": kind, "status": ApplicationStatus.PENDING, "sort": "submitted_at"}
    return reverse("registry:application_list") + "?" + urlencode(query)


def items(user) -> list[WorkItem]:
    if not holds_role(user):
        return []
    limit = timezone.localdate() - datetime.timedelta(HANDLING_DAYS)
    pending = Application.objects.visible_to(user).filter(status=ApplicationStatus.PENDING)
    return [
        WorkItem(
            module=MODULE,
            key=f"registry.{kind}",
            label=label,
            url=queue_url(kind),
            queryset=pending.filter(kind=kind),
            oldest_field="submitted_on",
            overdue=Q(submitted_on__lt=limit),
            nav="registry",
            order=order,
        )
        for order, (kind, label) in enumerate(
            [
                (ApplicationKind.JOIN, _("入会申请待审核")),
                (ApplicationKind.TRANSFER, _("转会申请待审核")),
            ],
            start=10,
        )
    ]
