"""What waits in proposals and points, for the workbench (gonghui.core.workbench): claims to
approve, redemptions to hand out, proposals to review. Each queryset is what its link lists."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.roles import EDIT_ROLES, Role
from gonghui.core.scoping import holds_role
from gonghui.core.workbench import WorkItem
from gonghui.workforce.models import PointsClaim, Proposal, Redemption
from gonghui.workforce.models.points import ClaimStatus, RedemptionStatus
from gonghui.workforce.models.proposals import ProposalStatus

MODULE = _("产改")


def _url(name: str, **query) -> str:
    return reverse(name) + ("?" + urlencode(query) if query else "")


def items(user) -> list[WorkItem]:
    if not holds_role(user):
        return []
    out = []

    def item(key, label, url, queryset, oldest_field, order):
        out.append(WorkItem(module=MODULE, key=f"workforce.{key}", label=label, url=url,
                            queryset=queryset, oldest_field=oldest_field, nav="workforce",
                            order=order))  # fmt: skip

    if holds_role(user, EDIT_ROLES):
        item("claims", _("积分申报待审核"),
             _url("workforce:points_claim_list", status=ClaimStatus.PENDING),
             PointsClaim.objects.editable_by(user).filter(status=ClaimStatus.PENDING),
             "created_at", 60)  # fmt: skip
        item("redemptions", _("积分兑换待发放"),
             _url("workforce:redemption_list", status=RedemptionStatus.PENDING),
             Redemption.objects.editable_by(user).filter(status=RedemptionStatus.PENDING),
             "created_at", 61)  # fmt: skip
    if holds_role(user, (Role.ADMIN, Role.CLERK, Role.REVIEWER)):
        for status, label, order in (
            (ProposalStatus.RECEIVED, _("合理化建议待受理评审"), 62),
            (ProposalStatus.REVIEWING, _("合理化建议评审中"), 63),
        ):
            item(f"proposals_{status}", label, _url("workforce:panel_list", status=status),
                 Proposal.objects.visible_to(user).filter(status=status), "submitted_on",
                 order)  # fmt: skip
    return out
