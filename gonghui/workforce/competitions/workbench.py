"""What waits in competitions, for the workbench (gonghui.core.workbench): workers' portal
registrations for their union to confirm, and contests whose marks are being entered (open for
score entry by whoever may edit the organiser). Each queryset is exactly what its link lists."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.workbench import WorkItem
from gonghui.workforce.models import Competition, Entrant
from gonghui.workforce.models.competitions import ContestStatus, EntrantStatus

MODULE = _("产改")


def _url(name: str, **query) -> str:
    return reverse(name) + "?" + urlencode(query)


def items(user) -> list[WorkItem]:
    if not holds_role(user, EDIT_ROLES):
        return []
    return [
        WorkItem(
            module=MODULE, key="workforce.entrants_to_confirm", label=_("竞赛报名待工会确认"),
            url=_url("workforce:entrant_list", status=EntrantStatus.PENDING),
            queryset=Entrant.objects.editable_by(user).filter(status=EntrantStatus.PENDING),
            oldest_field="registered_at", nav="workforce", order=60,
        ),
        WorkItem(
            module=MODULE, key="workforce.scores_to_enter", label=_("竞赛待录入评分"),
            url=_url("workforce:competition_list", status=ContestStatus.SCORING),
            queryset=Competition.objects.editable_by(user).filter(status=ContestStatus.SCORING),
            oldest_field="starts_on", nav="workforce", order=61,
        ),
    ]  # fmt: skip
