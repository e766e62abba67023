"""Reading cases for the staff pages and the API: what a user may do next on a case, the counsel
they may assign, the service points they may take a visit at, and the overdue flag.

Scoping is `visible_to` only (a lawyer's own cases come from `own_rows`); the rules of who may act
are the service's (gonghui.rights.cases.services), asked here so that a page offers only what
will work.
"""

from django.db.models import BooleanField, Q, Value, When
from django.db.models import Case as Switch
from django.utils import timezone

from gonghui.core.models import Organisation
from gonghui.core.roles import EDIT_ROLES
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import FINAL, OUTCOMES, CaseStatus
from gonghui.rights.models import Case, CaseDocument, CaseNote, Counsel, ServicePoint

# Action -> the statuses a case may be in for it (the service checks again).
ACTION_STATUSES = {
    "accept": (CaseStatus.RECEIVED,),
    "decline": (CaseStatus.RECEIVED,),
    "assign": (CaseStatus.ACCEPTED, CaseStatus.ASSIGNED, CaseStatus.MEDIATING),
    "mediate": (CaseStatus.ASSIGNED,),
    "outcome": (CaseStatus.MEDIATING,),
    "recovery": (*OUTCOMES, CaseStatus.CLOSED),
    "withdraw": (
        CaseStatus.RECEIVED,
        CaseStatus.ACCEPTED,
        CaseStatus.ASSIGNED,
        CaseStatus.MEDIATING,
    ),  # fmt: skip
    "close": OUTCOMES,
    "reopen": FINAL,
    "court_export": tuple(s for s in CaseStatus.values if s not in FINAL),
    "court_import": (CaseStatus.ASSIGNED, CaseStatus.MEDIATING),
}
# Who: "manage" (the handling union's clerk or admin, never the case's own submitter),
# "manage_any" (the same, the submitter included), "work" (those, or the case's counsel).
ACTION_WHO = {
    "accept": "manage",
    "decline": "manage",
    "assign": "manage",
    "reopen": "manage_any",
    "mediate": "work",
    "outcome": "work",
    "recovery": "work",
    # Counsel propose; the union's staff confirm (gonghui/rights/cases/services.py).
    "withdraw": "manage_any",
    "close": "manage_any",
    "court_export": "work",
    "court_import": "work",
}


def cases_for(user):
    return Case.objects.visible_to(user).select_related("union", "counsel", "service_point")


def case_for(user, pk) -> Case:
    """The case if `user` sees it, else Case.DoesNotExist (a 404 to the caller)."""
    return cases_for(user).select_related("counsel__firm", "employer", "created_by").get(pk=pk)


def with_overdue(queryset, today=None):
    today = today or timezone.localdate()
    return queryset.annotate(
        overdue=Switch(
            When(Q(due_on__lt=today) & ~Q(status__in=FINAL), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def may(user, case: Case, action: str) -> bool:
    if case.status not in ACTION_STATUSES[action]:
        return False
    who = ACTION_WHO[action]
    if who == "work":
        return cases.may_work_on(user, case)
    if not cases.may_manage(user, case):
        return False
    return who == "manage_any" or not (case.created_by_id and case.created_by_id == user.pk)


def allowed_actions(user, case: Case) -> set[str]:
    found = {name for name in ACTION_STATUSES if may(user, case, name)}
    if cases.may_work_on(user, case):
        found.add("note")
        if not case.is_final:
            found.add("document")
    return found


def counsel_choices(user, case: Case | None = None):
    """Active counsel the user sees. With a case: the active counsel the service accepts for it
    (of the handling union's line of the tree: the county's retained lawyers are offered to a
    town's clerk), to a user who may assign it, those whose patch (分片包干) covers the case's
    town or its employer's industry first (annotated `covering`), then the rest by name."""
    from gonghui.rights.counsel.queries import with_covering

    qs = Counsel.objects.filter(is_active=True).select_related("firm")
    if case is None:
        return qs.visible_to(user).order_by("name", "pk")
    if not cases.may_manage(user, case):
        return qs.none()
    path = case.union.path
    above = [path[:i] for i in range(1, len(path) + 1)]
    qs = qs.filter(Q(organisation__path__startswith=path) | Q(organisation__path__in=above))
    return with_covering(qs, case)


def intake_unions(user):
    return Organisation.objects.visible_to(user, roles=EDIT_ROLES).order_by("path")


def intake_points(user):
    """Service points where `user` may record a visit: those of unions they edit, and those
    where they are on the duty rota (a lawyer)."""
    editable = ServicePoint.objects.visible_to(user, roles=EDIT_ROLES).values("pk")
    on_duty = ServicePoint.objects.filter(duty_slots__counsel__user=user).values("pk")
    return (
        ServicePoint.objects.filter(Q(pk__in=editable) | Q(pk__in=on_duty), is_active=True)
        .select_related("organisation")
        .order_by("organisation__path", "name")
    )


def notes_of(user, case: Case):
    return CaseNote.objects.visible_to(user).filter(case=case).select_related("author")


def documents_of(user, case: Case):
    return CaseDocument.objects.visible_to(user).filter(case=case).select_related("uploaded_by")


def timeline(case: Case):
    return case.events.select_related("actor").order_by("at", "pk")
