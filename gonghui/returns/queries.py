"""What a user sees of the returns: lists and work queues (each exactly what its link lists),
the unions a user files for, and the status table of a union's children. Nothing here writes."""

from django.db.models import Q

from gonghui.core.models import Organisation, OrgStatus
from gonghui.core.roles import EDIT_ROLES, REGISTRY_ROLES
from gonghui.core.scoping import ancestor_paths
from gonghui.returns import services
from gonghui.returns.choices import EDITABLE
from gonghui.returns.choices import ReturnStatus as Status
from gonghui.returns.models import Catalogue, Return

TODOS = ("fill", "sign", "review")


def returns_for(user):
    return Return.objects.visible_to(user).select_related("union", "catalogue")


def _own_orgs(user, roles) -> list[int]:
    return list(
        user.role_assignments.filter(role__in=roles).values_list("organisation_id", flat=True)
    )


def todo(user, key: str):
    """fill: own unions' returns being filled (a role at the union itself); sign: submitted
    returns of the unions the user heads; review: signed returns of the unions below the
    user's, not of the user's own."""
    returns = returns_for(user)
    if key == "fill":
        return returns.filter(status__in=EDITABLE, union__in=_own_orgs(user, EDIT_ROLES))
    if key == "sign":
        return returns.filter(
            status=Status.SUBMITTED, union__in=_own_orgs(user, services.SIGN_ROLES)
        )
    if key == "review":
        own = user.role_assignments.filter(role__in=services.REVIEW_ROLES).values_list(
            "organisation__path", flat=True
        )
        below = Q(pk__in=[])
        for path in own:
            below |= Q(union__path__startswith=path) & ~Q(union__path=path)
        # Not the returns of a union the user is of (a role at it or below it).
        mine = user.role_assignments.values_list("organisation__path", flat=True)
        return returns.filter(below, status=Status.SIGNED).exclude(
            union__path__in=ancestor_paths(mine)
        )
    return returns.none()


def home_unions(user, catalogue: Catalogue):
    """The unions the user holds a staff role at (their own), within the catalogue's county:
    where they file, sign or look at who below has filed."""
    return (
        Organisation.objects.filter(pk__in=_own_orgs(user, REGISTRY_ROLES), status=OrgStatus.ACTIVE)
        .filter(path__startswith=catalogue.organisation.path)
        .exclude(kind="group")
        .order_by("path")
    )


def status_table(union: Organisation, catalogue: Catalogue) -> list[dict]:
    """Every active child union that files, with its return (None: 未填报)."""
    children = (
        Organisation.objects.filter(parent=union, status=OrgStatus.ACTIVE)
        .exclude(kind="group")
        .order_by("sort_order", "name")
    )
    filed = Return.objects.filter(catalogue=catalogue, union__parent=union)
    returns = {r.union_id: r for r in filed}
    return [{"union": child, "ret": returns.get(child.pk)} for child in children]


def catalogue_for(user, year: int) -> Catalogue | None:
    return Catalogue.objects.visible_to(user).filter(year=year).order_by("pk").first()
