"""Scoping: the one place that decides which rows a user may see.

A user holds roles at organisations and sees each organisation's subtree. Every model that is
scoped uses `ScopedQuerySet.visible_to(user)`; views, forms, the API, exports and figures all go
through it and never filter by organisation themselves.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy

from gonghui.core.roles import EDIT_ROLES, REGISTRY_ROLES

# Lazy: one message for every module, translated when shown rather than at import.
OUT_OF_SCOPE = gettext_lazy("不在您的管理范围内")


def scope_paths(user, roles: Iterable[str] = REGISTRY_ROLES) -> list[str] | None:
    """The organisation-path prefixes `user` sees through `roles`; None means everything.

    Nested prefixes are dropped (a county role already covers its towns). Cached per user object,
    i.e. per request.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    if user.is_superuser:
        return None
    roles = frozenset(roles)
    cache = user.__dict__.setdefault("_scope_paths_cache", {})
    if roles not in cache:
        paths = sorted(
            user.role_assignments.filter(role__in=roles).values_list(
                "organisation__path", flat=True
            )
        )
        minimal: list[str] = []
        for path in paths:
            if not any(path.startswith(kept) for kept in minimal):
                minimal.append(path)
        cache[roles] = minimal
    return cache[roles]


def scope_root(actor, roles=EDIT_ROLES) -> str:
    """The path an actor's import (or revealing export) is filed under: the common root of
    their scope through `roles`, so that administrators above them see it."""
    paths = scope_paths(actor, roles)
    if not paths:
        return ""  # a superuser's: seen by superusers only
    segments = [p.rstrip("/").split("/") for p in paths]
    common = []
    for parts in zip(*segments, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return "/".join(common) + "/" if common else ""


def holds_role(user, roles: Iterable[str] = REGISTRY_ROLES) -> bool:
    """Whether the user holds one of `roles` anywhere (a superuser holds them all)."""
    return scope_paths(user, roles) != []


def forget_scope(user) -> None:
    user.__dict__.pop("_scope_paths_cache", None)


def path_q(lookups: Iterable[str], paths: Iterable[str]) -> Q:
    q = Q(pk__in=[])
    for lookup in lookups:
        for path in paths:
            q |= Q(**{f"{lookup}__startswith": path})
    return q


class ScopedQuerySet(models.QuerySet):
    """Subclasses name where the organisation path is, e.g. ("union__path", "territory__path")."""

    scope_lookups: tuple[str, ...] = ()
    scope_roles: frozenset[str] = REGISTRY_ROLES

    def own_rows(self, user) -> Q | None:
        """Rows a user sees as their own whatever their roles (e.g. jobs they submitted)."""
        return None

    def visible_to(self, user, roles: Iterable[str] | None = None):
        paths = scope_paths(user, roles if roles is not None else self.scope_roles)
        if paths is None:
            return self
        own = self.own_rows(user) if getattr(user, "is_authenticated", False) else None
        if own is not None and user.is_active:
            return self.filter(own | path_q(self.scope_lookups, paths))
        if not paths:
            return self.none()
        return self.filter(path_q(self.scope_lookups, paths))

    def editable_by(self, user):
        return self.visible_to(user, roles=EDIT_ROLES)


def ancestor_paths(paths) -> list[str]:
    """Every path above or at each of `paths` ("1/2/3/" -> "1/", "1/2/", "1/2/3/")."""
    found: set[str] = set()
    for path in paths:
        segments = [s for s in path.split("/") if s]
        for i in range(1, len(segments) + 1):
            found.add("/".join(segments[:i]) + "/")
    return sorted(found)


class OfferedQuerySet(ScopedQuerySet):
    """Programmes, campaigns, plans, policies and merchants belong to the organisation that runs
    them and serve every union below it: a user sees those of their subtree and those of the
    organisations above them (a town clerk applies to the county's programme). Editing stays
    with the owner's subtree (`editable_by`)."""

    scope_lookups = ("organisation__path",)

    def visible_to(self, user, roles=None):
        paths = scope_paths(user, roles if roles is not None else self.scope_roles)
        if paths is None:
            return self
        if not paths:
            return self.none()
        return self.filter(
            path_q(self.scope_lookups, paths) | Q(organisation__path__in=ancestor_paths(paths))
        )

    def editable_by(self, user):
        return ScopedQuerySet.visible_to(self, user, roles=EDIT_ROLES)


def holds_role_at(actor, organisation, roles: Iterable[str] = REGISTRY_ROLES) -> bool:
    """Whether `actor` holds one of `roles` at `organisation` or above it. No actor means the
    system itself (migrations, the demo generator), which may do anything."""
    if actor is None:
        return True
    paths = scope_paths(actor, roles)
    return paths is None or any(organisation.path.startswith(p) for p in paths)


def acting_for(actor, organisation, roles: Iterable[str] = REGISTRY_ROLES):
    """The organisation at which `actor` holds one of `roles` that reaches `organisation`: that
    organisation itself, or the nearest one above it (the actor then acts on its behalf, 代为).
    None for the system or a superuser without such a role."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        return None
    assignments = actor.role_assignments.filter(role__in=frozenset(roles)).select_related(
        "organisation"
    )
    reaching = [
        a.organisation for a in assignments if organisation.path.startswith(a.organisation.path)
    ]
    return max(reaching, key=lambda org: len(org.path), default=None)


def may_edit_org(actor, organisation) -> bool:
    """Whether `actor` may attach records to `organisation`."""
    return holds_role_at(actor, organisation, EDIT_ROLES)


def may_see_org(actor, organisation) -> bool:
    return holds_role_at(actor, organisation)


def ensure_may_edit_org(actor, organisation) -> None:
    """An update of a record outside the actor's scope is refused as `PermissionDenied`, never as
    a field error: the record exists, the actor may not touch it."""
    if not may_edit_org(actor, organisation):
        raise PermissionDenied(OUT_OF_SCOPE)


def lock_for_edit(obj, *, actor, org_field: str = "organisation"):
    """`obj` again under a row lock, with its organisation, if the actor may edit there (else
    PermissionDenied): the start of every service that changes a record (HackSoft's
    `model_update` is the model). `org_field` may be a path (``"grid__organisation"``)."""
    row = type(obj).objects.select_for_update(of=("self",)).select_related(org_field).get(pk=obj.pk)
    organisation = row
    for name in org_field.split("__"):
        organisation = getattr(organisation, name)
    ensure_may_edit_org(actor, organisation)
    return row
