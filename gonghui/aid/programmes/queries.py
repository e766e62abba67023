"""Read-side helpers for aid applications (selectors). Nothing here writes."""

import datetime

from django.db.models import OuterRef, Subquery
from django.utils import timezone

from gonghui.aid.choices import AidStatus, StepStatus
from gonghui.aid.models import AidApplication, ReviewStep
from gonghui.core.scoping import holds_role_at, path_q, scope_paths
from gonghui.registry.membership_queries import REVIEW_ROLES

# Statuses in which an application still holds its place (the partial unique constraint's).
LIVE = (AidStatus.AWAITING_UNION, AidStatus.REVIEWING, AidStatus.APPROVED)
# Before a decision: a worker or clerk may still withdraw it.
OPEN = (AidStatus.AWAITING_UNION, AidStatus.REVIEWING)


def current_step(application: AidApplication) -> ReviewStep | None:
    """The lowest step still waiting (the level deciding now), if the application is in review."""
    if application.status != AidStatus.REVIEWING:
        return None
    return (
        application.steps.filter(status=StepStatus.WAITING)
        .select_related("organisation")
        .order_by("order")
        .first()
    )


def is_party(user, application: AidApplication) -> bool:
    """Whoever entered or sent an application on never decides it."""
    return user.pk in (application.created_by_id, application.submitted_by_id)


def decided_earlier(user, application: AidApplication) -> bool:
    """One person decides one level: a county reviewer does not approve the town's step too."""
    return application.steps.filter(decided_by=user).exists()


def may_decide(user, application: AidApplication, step: ReviewStep | None = None) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    step = step or current_step(application)
    if step is None or is_party(user, application):
        return False
    if not holds_role_at(user, step.organisation, REVIEW_ROLES):
        return False
    return not decided_earlier(user, application)


def awaiting_review_by(user):
    """Applications in review whose current step the user may decide (待我审核)."""
    paths = scope_paths(user, REVIEW_ROLES)
    if paths == []:
        return AidApplication.objects.none()
    waiting = ReviewStep.objects.filter(
        application=OuterRef("pk"), status=StepStatus.WAITING
    ).order_by("order")
    qs = (
        AidApplication.objects.visible_to(user)
        .filter(status=AidStatus.REVIEWING)
        .annotate(current_path=Subquery(waiting.values("organisation__path")[:1]))
        .exclude(created_by=user)
        .exclude(submitted_by=user)
        .exclude(steps__decided_by=user)
    )
    if paths is not None:
        qs = qs.filter(path_q(("current_path",), paths))
    return qs


def mask_name(name: str) -> str:
    """张三明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明: the public notice never shows a whole name."""
    name = "".join((name or "").split())
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def notice_rows(programme=None, today: datetime.date | None = None, queryset=None) -> list[dict]:
    """Approved applications within their public notice (公示): the masked name, the union, the
    programme, the amount and the notice's end. Nothing else about the person leaves here.
    `queryset` narrows the rows (a staff page passes its scoped applications)."""
    today = today or timezone.localdate()
    qs = queryset if queryset is not None else AidApplication.objects.all()
    qs = qs.in_notice(today).select_related("member", "union", "programme")
    if programme is not None:
        qs = qs.filter(programme=programme)
    qs = qs.only(
        "member",
        "union",
        "programme",
        "member__name",
        "union__name",
        "programme__name",
        "programme__year",
        "amount_approved",
        "approved_on",
        "notice_ends_on",
    ).order_by("-approved_on", "union__name", "pk")
    return [
        {
            "name": mask_name(a.member.name),
            "union": a.union.name,
            "programme": str(a.programme),
            "amount": a.amount_approved,
            "approved_on": a.approved_on,
            "notice_ends_on": a.notice_ends_on,
        }
        for a in qs
    ]
