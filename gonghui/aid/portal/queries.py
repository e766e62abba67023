"""Read side of the worker's aid pages (/m/aid/).

A worker holds no staff role, so `visible_to` does not apply: their rows are those whose member
has the phone hash they proved (request.worker.phone_hash). Everything else is a 404.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Sum
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.aid.choices import AidStatus, StepStatus
from gonghui.aid.documents.services import OTHER_KIND
from gonghui.aid.models import (
    AidApplication,
    Document,
    Payment,
    Programme,
    ReviewStep,
)
from gonghui.aid.models.common import CENT, ZERO, ancestor_paths
from gonghui.aid.programmes.applications import rule_problems
from gonghui.aid.programmes.queries import OPEN
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member

# The worker may take it back until it is decided (gonghui.aid.programmes.applications.withdraw).
WITHDRAWABLE = OPEN
# Documents may be added or removed only while the grassroots union has not sent it on.
EDITABLE = (AidStatus.AWAITING_UNION,)


def own_members(worker):
    """Every membership spell under the worker's phone (active or not)."""
    if not worker or not worker.phone_hash:
        return Member.objects.none()
    return (
        Member.objects.filter(phone_hash=worker.phone_hash)
        .select_related("union")
        .defer("id_number", "phone")
    )


def own_active_members(worker) -> list[Member]:
    return list(own_members(worker).filter(status=MemberStatus.ACTIVE).order_by("-joined_on"))


def own_applications(worker):
    if not worker or not worker.phone_hash:
        return AidApplication.objects.none()
    return (
        AidApplication.objects.filter(member__phone_hash=worker.phone_hash)
        .select_related("programme", "programme__kind", "union", "member")
        .defer("bank_account", "member__id_number", "member__phone")
        .order_by("-created_at", "-pk")
    )


def own_application_or_404(worker, pk: int) -> AidApplication:
    application = own_applications(worker).filter(pk=pk).first()
    if application is None:
        raise Http404
    return application


def own_document_or_404(worker, pk: int) -> Document:
    if not worker or not worker.phone_hash:
        raise Http404
    document = (
        Document.objects.filter(pk=pk, application__member__phone_hash=worker.phone_hash)
        .select_related("application", "application__programme")
        .first()
    )
    if document is None:
        raise Http404
    return document


def offered_to(member: Member):
    """Programmes run by the member's union or an organisation above it."""
    return Programme.objects.filter(organisation__path__in=ancestor_paths([member.union.path]))


def why_not(programme: Programme, member: Member, today=None) -> str:
    """Why `member` may not apply to `programme` today, or "" when they may: the rules of
    gonghui.aid.programmes.applications.apply, which decides in the end; this only explains in
    advance."""
    return "；".join(rule_problems(programme, member, today or timezone.localdate()))


@dataclass
class Offer:
    programme: Programme
    member: Member
    reason: str  # "" when the member may apply

    @property
    def eligible(self) -> bool:
        return not self.reason


def open_offers(worker, today=None) -> list[Offer]:
    """Programmes open today for each of the worker's active spells, eligible or with why not."""
    today = today or timezone.localdate()
    offers = []
    for member in own_active_members(worker):
        programmes = offered_to(member).open_on(today).select_related("kind")
        for programme in programmes.order_by("closes_on", "pk"):
            offers.append(Offer(programme, member, why_not(programme, member, today)))
    return offers


def spells_for(worker, programme: Programme) -> list[Member]:
    """The worker's active spells that `programme` is offered to (its organisation's subtree)."""
    owner = programme.organisation.path
    return [m for m in own_active_members(worker) if m.union.path.startswith(owner)]


def received(applications):
    """Money the worker has received: paid ledger rows (a batch line counts once the bank's
    return is in). A failed or taken-back payment and its reversal cancel out, so both are left
    out: the list shows what arrived, and its sum is still the ledger's net."""
    return (
        Payment.objects.paid()
        .filter(application__in=applications, reverses__isnull=True, reversal__isnull=True)
        .select_related("programme", "batch")
        .order_by("-booked_on", "-pk")
    )


def total(payments) -> Decimal:
    # SQLite sums decimals without their places; yuan are shown with two.
    return (payments.aggregate(total=Sum("amount"))["total"] or ZERO).quantize(CENT)


def application_detail(application: AidApplication) -> dict:
    """What the application page shows: steps (levels, not reviewers), documents by kind and the
    money received."""
    steps = list(application.steps.select_related("organisation").order_by("order"))
    documents = list(application.documents.order_by("uploaded_at", "pk"))
    kinds = application.programme.document_kinds
    by_kind = [(kind, [d for d in documents if d.kind == kind]) for kind in kinds]
    others = [d for d in documents if d.kind not in kinds]
    payments = received([application])
    waiting = [s for s in steps if s.status == StepStatus.WAITING]
    return {
        "steps": steps,
        "current_step": waiting[0] if waiting else None,
        "documents_by_kind": by_kind,
        "other_documents": others,
        "other_kind": OTHER_KIND,
        "missing_kinds": [kind for kind, docs in by_kind if not docs],
        "payments": list(payments),
        "paid_total": total(payments),
        "may_edit_documents": application.status in EDITABLE,
        "may_withdraw": application.status in WITHDRAWABLE,
    }


def home_applications(worker, limit: int = 50) -> list[AidApplication]:
    """The worker's latest applications, each with `deciding`: the organisation whose level is
    deciding now (a level, never a reviewer's name), or None."""
    steps = ReviewStep.objects.select_related("organisation").order_by("order")
    own = own_applications(worker).prefetch_related(Prefetch("steps", queryset=steps))
    rows = list(own[:limit])
    for row in rows:
        waiting = [s for s in row.steps.all() if s.status == StepStatus.WAITING]
        row.deciding = waiting[0].organisation if waiting else None
    return rows


AID_TONES = {
    AidStatus.AWAITING_UNION: "pending",
    AidStatus.REVIEWING: "pending",
    AidStatus.APPROVED: "done",
    AidStatus.REFUSED: "refused",
}


def application_items(worker, limit: int) -> list:
    """The worker's aid applications as lines of 我的申请 (gonghui/portal/hooks.py)."""
    from django.urls import reverse

    from gonghui.portal.hooks import ApplicationItem

    return [
        ApplicationItem(
            title=_("帮扶申请：%(programme)s") % {"programme": a.programme.name},
            place=a.union.name,
            status=a.get_status_display(),
            tone=AID_TONES.get(a.status, "closed"),
            at=a.created_at,
            url=reverse("aid_portal:application", args=[a.pk]),
            note=a.refusal_reason if a.status == AidStatus.REFUSED else "",
        )
        for a in own_applications(worker)[:limit]
    ]
