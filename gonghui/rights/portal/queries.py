"""Read side of the worker's rights pages (/m/rights/).

A worker holds no staff role, so `visible_to` does not apply: their cases are those whose phone
hash is the one they proved (request.worker.phone_hash), whoever entered the case. Everything
else is a 404. What the worker sees of a case is chosen here: the steps in plain words, who took
them as "工会" / "律师" / "本人" (never a staff member's name), and never the internal notes.
"""

from dataclasses import dataclass

from django.db.models import Max, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.core.models import Organisation, OrgKind, OrgStatus
from gonghui.core.models.orgs import TOWN_ORDER
from gonghui.core.scoping import path_q
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Employer, Member
from gonghui.rights.choices import CaseAction, CaseStatus
from gonghui.rights.models import Case, CaseDocument, CaseEvent, Counsel

SEARCH_LIMIT = 10
SEARCH_MIN_LENGTH = 2
# The worker may take the case back until there is an outcome
# (gonghui.rights.cases.services.withdraw_case).
WITHDRAWABLE = (
    CaseStatus.RECEIVED,
    CaseStatus.ACCEPTED,
    CaseStatus.ASSIGNED,
    CaseStatus.MEDIATING,
)

# What each status means to the worker, in plain words.
PLAIN_STATUS = {
    CaseStatus.RECEIVED: _("工会已收到您的申请，将在 3 个工作日内决定是否受理。"),
    CaseStatus.ACCEPTED: _("工会已受理您的申请，正在为您指派律师或调解员。"),
    CaseStatus.DECLINED: _("工会决定不予受理，原因见下方。如有疑问可到服务点咨询。"),
    CaseStatus.ASSIGNED: _("已指派律师（调解员）承办，他们会与您联系。"),
    CaseStatus.MEDIATING: _("正在调解：律师（调解员）正在与单位协商。"),
    CaseStatus.AGREEMENT: _("双方已达成调解协议，等待履行后结案。"),
    CaseStatus.ARBITRATION: _("调解未成，已转劳动仲裁，律师会继续协助您。"),
    CaseStatus.LITIGATION: _("调解未成，已转诉讼，律师会继续协助您。"),
    CaseStatus.WITHDRAWN: _("您已撤回申请。"),
    CaseStatus.CLOSED: _("案件已办结。"),
}
WORKER = _("本人")
UNION = _("工会")
COUNSEL = _("律师")
# Steps the worker takes themselves in the portal (no staff actor on the event).
WORKER_ACTIONS = (CaseAction.RECEIVE, CaseAction.WITHDRAW)


def _no_worker(worker) -> bool:
    return not worker or not getattr(worker, "phone_hash", "")


def own_cases(worker):
    """Every case under the worker's phone, newest first, each with `last_step_at`."""
    if _no_worker(worker):
        return Case.objects.none()
    return (
        Case.objects.filter(phone_hash=worker.phone_hash)
        .select_related("counsel", "counsel__firm", "union")
        .defer("phone")
        .annotate(last_step_at=Max("events__at"))
        .order_by("-received_at", "-pk")
    )


def own_case_or_404(worker, pk: int) -> Case:
    case = own_cases(worker).filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


def own_documents(case: Case):
    """What the worker uploaded to the case (in the portal); staff papers stay with staff."""
    return case.documents.filter(uploaded_by__isnull=True).order_by("uploaded_at", "pk")


def own_document_or_404(worker, pk: int) -> CaseDocument:
    if _no_worker(worker):
        raise Http404
    document = CaseDocument.objects.filter(
        pk=pk, uploaded_by__isnull=True, case__phone_hash=worker.phone_hash
    ).first()
    if document is None:
        raise Http404
    return document


def own_active_member(worker) -> Member | None:
    """The worker's latest active membership, to prefill their name and link the case."""
    if _no_worker(worker):
        return None
    return (
        Member.objects.filter(phone_hash=worker.phone_hash, status=MemberStatus.ACTIVE)
        .defer("id_number", "phone")
        .order_by("-joined_on", "-pk")
        .first()
    )


# ---------------------------------------------------------------------------------------------
# Where the worker works: the counties' town federations, and their employers
# ---------------------------------------------------------------------------------------------


def counties():
    return Organisation.objects.filter(
        parent__isnull=True, kind=OrgKind.COUNTY_FEDERATION, status=OrgStatus.ACTIVE
    ).order_by("path")


def towns():
    """The town federations (乡镇/街道总工会) a worker may name, county by county."""
    return Organisation.objects.filter(
        kind=OrgKind.TOWN_FEDERATION, status=OrgStatus.ACTIVE, county__in=counties()
    ).order_by(*TOWN_ORDER)


def operating_employers():
    """Operating employers of the counties: a business's name and credit code are public."""
    paths = list(counties().values_list("path", flat=True))
    return Employer.objects.operating().filter(path_q(("territory__path",), paths))


def search_employers(text: str) -> list[Employer]:
    text = (text or "").strip()
    if len(text) < SEARCH_MIN_LENGTH:
        return []
    query = Q(name__icontains=text) | Q(credit_code__startswith=text.upper())
    return list(operating_employers().filter(query).order_by("name", "pk")[:SEARCH_LIMIT])


def employer_named(text: str) -> Employer | None:
    """The one employer whose full name or credit code is exactly `text`, if there is one."""
    text = (text or "").strip()
    if not text:
        return None
    matches = list(operating_employers().filter(Q(name=text) | Q(credit_code=text.upper()))[:2])
    return matches[0] if len(matches) == 1 else None


# ---------------------------------------------------------------------------------------------
# What the case page shows
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    at: object
    label: str
    who: str


def _counsel_users(events) -> set[int]:
    ids = {event.actor_id for event in events if event.actor_id}
    return set(Counsel.objects.filter(user_id__in=ids).values_list("user_id", flat=True))


def who_took(event: CaseEvent, counsel_users: set[int]) -> str:
    """本人 for the worker's own steps, 律师 for a lawyer or mediator, 工会 for everyone else
    (staff and the court platform's import): a staff member's name never reaches the worker."""
    if event.actor_id is None:
        return str(WORKER if event.action in WORKER_ACTIONS else UNION)
    return str(COUNSEL if event.actor_id in counsel_users else UNION)


def timeline(case: Case) -> list[Step]:
    # The event's note is a staff note (the decline reason is shown on its own).
    events = list(case.events.order_by("at", "pk"))
    counsel_users = _counsel_users(events)
    return [Step(e.at, e.get_action_display(), who_took(e, counsel_users)) for e in events]


def case_detail(case: Case) -> dict:
    return {
        "plain_status": PLAIN_STATUS.get(case.status, ""),
        "steps": timeline(case),
        "documents": list(own_documents(case)),
        "may_upload": not case.is_final,
        "may_withdraw": case.status in WITHDRAWABLE,
        "overdue": case.is_overdue(timezone.localdate()),
        "show_recovered": case.amount_recovered > 0 or case.outcome != "",
    }


CASE_TONES = {
    CaseStatus.DECLINED: "refused",
    CaseStatus.WITHDRAWN: "closed",
    CaseStatus.AGREEMENT: "done",
    CaseStatus.CLOSED: "done",
}


def case_items(worker, limit: int) -> list:
    """The worker's legal-aid cases as lines of 我的申请 (gonghui/portal/hooks.py)."""
    from django.urls import reverse

    from gonghui.portal.hooks import ApplicationItem

    return [
        ApplicationItem(
            title=_("维权申请：%(kind)s") % {"kind": case.get_kind_display()},
            place=case.union.name,
            status=case.get_status_display(),
            tone=CASE_TONES.get(case.status, "pending"),
            at=case.received_at,
            url=reverse("rights_portal:case", args=[case.pk]),
            note=case.number,
        )
        for case in own_cases(worker)[:limit]
    ]
