"""Reading law firms and counsel for the pages and the API, and the patch rule (分片包干):
whether a counsel's patch covers a case, and the covering counsel first in a case's assign list
(gonghui.rights.cases.queries.counsel_choices asks here).

A case's town is the town federation its handling union is or lies under (from the union's
path); its industry is the employer's GB/T 4754 section. A counsel covers the case when the
town is one of their towns or the industry one of their letters.
"""

from django.db.models import BooleanField, Count, Exists, OuterRef, Q, Value, When
from django.db.models import Case as Switch

from gonghui.core.models import Organisation, OrgKind
from gonghui.core.roles import EDIT_ROLES
from gonghui.registry.choices import Industry
from gonghui.rights.choices import FINAL
from gonghui.rights.models import Case, Counsel, LawFirm


def firms_for(user):
    return LawFirm.objects.visible_to(user).select_related("organisation")


def firm_for(user, pk) -> LawFirm:
    """The firm if `user` sees it, else LawFirm.DoesNotExist (a 404 to the caller)."""
    return firms_for(user).get(pk=pk)


def with_counsel_count(queryset):
    return queryset.annotate(
        counsel_count=Count("counsel", filter=Q(counsel__is_active=True), distinct=True)
    )


def counsel_for(user):
    return Counsel.objects.visible_to(user).select_related("organisation", "firm", "user")


def counsel_one(user, pk) -> Counsel:
    return counsel_for(user).prefetch_related("towns").get(pk=pk)


def firm_choices(user):
    """Firms a counsel may be attached to on a form: those the user may edit."""
    return LawFirm.objects.editable_by(user).order_by("name", "pk")


def town_choices(user):
    """Town federations the user may put in a patch (the service narrows them to the
    counsel's organisation)."""
    return Organisation.objects.visible_to(user, roles=EDIT_ROLES).filter(
        kind=OrgKind.TOWN_FEDERATION
    )


def visible_towns(user):
    return Organisation.objects.visible_to(user).filter(kind=OrgKind.TOWN_FEDERATION)


def case_town(case: Case) -> Organisation | None:
    """The town federation the case's handling union is, or lies under (None at county level)."""
    union = case.union
    if union.kind == OrgKind.TOWN_FEDERATION:
        return union
    return union.ancestors().filter(kind=OrgKind.TOWN_FEDERATION).last()


def case_industry(case: Case) -> str:
    return case.employer.industry if case.employer_id else ""


def covers(counsel: Counsel, case: Case) -> bool:
    """Whether the counsel's patch covers the case's town or its employer's industry."""
    industry = case_industry(case)
    if industry and industry in (counsel.industries or ""):
        return True
    town = case_town(case)
    return town is not None and counsel.towns.filter(pk=town.pk).exists()


def covering_q(case: Case) -> Q | None:
    """The condition 'the patch covers this case' over Counsel rows (None: nothing can)."""
    q = Q(pk__in=[])
    town = case_town(case)
    if town is not None:
        q |= Q(
            Exists(
                Counsel.towns.through.objects.filter(
                    counsel_id=OuterRef("pk"), organisation_id=town.pk
                )
            )
        )
    industry = case_industry(case)
    if industry:
        q |= Q(industries__contains=industry)
    return q if (town is not None or industry) else None


def with_covering(queryset, case: Case):
    """Annotate `covering` and put the covering counsel first (then by name)."""
    condition = covering_q(case)
    if condition is None:
        return queryset.annotate(covering=Value(False, output_field=BooleanField())).order_by(
            "name", "pk"
        )
    return queryset.annotate(
        covering=Switch(
            When(condition, then=Value(True)), default=Value(False), output_field=BooleanField()
        )
    ).order_by("-covering", "name", "pk")


def cases_of(user, counsel: Counsel):
    """The counsel's cases the user sees, newest first, with the open ones counted."""
    return (
        Case.objects.visible_to(user)
        .filter(counsel=counsel)
        .select_related("union")
        .order_by("-received_at", "-pk")
    )


def open_cases_of(user, counsel: Counsel):
    return cases_of(user, counsel).exclude(status__in=FINAL)


def patch_label(counsel: Counsel) -> dict:
    """The patch for display: town names and industry labels."""
    labels = dict(Industry.choices)
    return {
        "towns": [str(t) for t in counsel.towns.all()],
        "industries": [f"{code} {labels[code]}" for code in counsel.industries if code in labels],
    }
