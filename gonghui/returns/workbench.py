"""What waits in the statistical returns, for the workbench: returns to fill (the user's own
unions'), to sign (the unions they head) and to review (the unions below them). Each item's
queryset is exactly what its link lists (gonghui.returns.queries.todo)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.roles import REGISTRY_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.workbench import WorkItem
from gonghui.returns import queries

MODULE = _("统计年报")
LABELS = {
    "fill": _("统计年报待填报"),
    "sign": _("统计年报待签发"),
    "review": _("下级统计年报待审核"),
}
DATED = {"fill": "created_at", "sign": "submitted_at", "review": "signed_at"}


def items(user) -> list[WorkItem]:
    if not holds_role(user, REGISTRY_ROLES):
        return []
    return [
        WorkItem(
            module=MODULE,
            key=f"returns.{key}",
            label=LABELS[key],
            url=reverse("returns:return_list") + f"?todo={key}",
            queryset=queries.todo(user, key),
            oldest_field=DATED[key],
            nav="returns",
            order=60 + n,
        )  # fmt: skip
        for n, key in enumerate(queries.TODOS)
    ]
