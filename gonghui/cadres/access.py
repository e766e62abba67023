"""Who may do what with a social worker's file, on core.scoping.

- Reading: the registry roles of the union the worker serves and above (`visible_to`), and the
  worker themselves (role `social_worker`, which sees no subtree: their own file only). Anyone
  else gets 403 on the pages.
- The worker writes their own monthly records, attendance and training entries and their own
  part of a quarterly review, uploads their 述职 report and may appeal their grade.
- The host union (an editing role, admin or clerk, at the union served or above) registers the
  worker, enters what the worker does not (attendance, training on their behalf), and gives the
  union's score; the county (an editing role at the county federation) gives the county's score,
  sets the year's weights, assesses, signs off and answers appeals.
"""

from django.core.exceptions import PermissionDenied

from gonghui.core.models import Organisation, OrgKind
from gonghui.core.roles import EDIT_ROLES, Role
from gonghui.core.scoping import OUT_OF_SCOPE, holds_role, holds_role_at, may_edit_org
from gonghui.core.views.access import STAFF_ROLES, require_role

WORKER_ROLES = frozenset({Role.SOCIAL_WORKER})
CADRE_ROLES = STAFF_ROLES | WORKER_ROLES  # who may open the cadres pages


def require_cadre_user(user) -> None:
    require_role(user, CADRE_ROLES)


def is_staff(user) -> bool:
    return holds_role(user, STAFF_ROLES)


def is_self(actor, worker) -> bool:
    return actor is not None and worker.user_id is not None and actor.pk == worker.user_id


def may_manage(actor, worker) -> bool:
    """An editing role over the union the worker serves (the system, actor None, may)."""
    return may_edit_org(actor, worker.organisation)


def may_write_file(actor, worker) -> bool:
    return actor is None or is_self(actor, worker) or may_manage(actor, worker)


def county_of(organisation: Organisation) -> Organisation | None:
    if organisation.kind == OrgKind.COUNTY_FEDERATION:
        return organisation
    return organisation.ancestors().filter(kind=OrgKind.COUNTY_FEDERATION).first()


def may_act_as_county(actor, worker) -> bool:
    county = county_of(worker.organisation)
    return county is not None and holds_role_at(actor, county, EDIT_ROLES)


def ensure(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(OUT_OF_SCOPE)
