"""Read-side helpers of the registry (selectors). Nothing here writes."""

from collections import Counter

from django.db.models import Count

from gonghui.core.models import Organisation
from gonghui.registry.models import Employer, Member


def _sum_by_prefix(rows, prefixes: list[str]) -> dict[str, int]:
    totals: Counter = Counter()
    for path, n in rows:
        for prefix in prefixes:
            if path.startswith(prefix):
                totals[prefix] += n
                break
    return totals


def member_counts_by_org(orgs: list[Organisation], parent_path: str) -> dict[int, int]:
    """Active members in each org's subtree: one grouped query under the common parent."""
    rows = (
        Member.objects.active()
        .filter(union__path__startswith=parent_path)
        .values_list("union__path")
        .annotate(n=Count("id"))
        .order_by()
    )
    totals = _sum_by_prefix(rows, [o.path for o in orgs])
    return {o.pk: totals.get(o.path, 0) for o in orgs}


def employer_counts_by_org(orgs: list[Organisation], parent_path: str) -> dict[int, int]:
    """Operating employers lying in each org's subtree (by territory or covering union)."""
    rows = (
        Employer.objects.operating()
        .filter(territory__path__startswith=parent_path)
        .values_list("territory__path")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_territory = _sum_by_prefix(rows, [o.path for o in orgs])
    rows = (
        Employer.objects.operating()
        .filter(union__path__startswith=parent_path)
        .values_list("union__path")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_union = _sum_by_prefix(rows, [o.path for o in orgs])
    # A town counts the employers on its territory; a union counts those it covers.
    return {o.pk: by_territory.get(o.path, 0) or by_union.get(o.path, 0) for o in orgs}


def kind_change_errors(org: Organisation, new_kind: str) -> dict:
    """An organisation that members belong to, or that covers or hosts employers, keeps a kind
    (and a 兜底入会 mark) that can do so. `org` carries the changed fields already."""
    from django.utils.translation import gettext as _

    from gonghui.core.models.orgs import (
        COVERING_KINDS,
        FALLBACK_KINDS,
        TERRITORIAL_KINDS,
        kind_admits_members,
    )

    reasons = []
    admits = kind_admits_members(new_kind, org.takes_fallback_members)
    if not admits and Member.objects.active().filter(union=org).exists():
        if new_kind in FALLBACK_KINDS:
            return {
                "takes_fallback_members": _(
                    "该组织有兜底入会的在会会员，须先将会员转出才能取消兜底入会"
                )
            }
        reasons.append(_("该组织有在会会员"))
    if new_kind not in COVERING_KINDS and Employer.objects.filter(union=org).exists():
        reasons.append(_("该组织是单位的所在工会"))
    if new_kind not in TERRITORIAL_KINDS and Employer.objects.filter(territory=org).exists():
        reasons.append(_("该组织是单位的属地工会"))
    if not reasons:
        return {}
    return {"kind": _("不能改为此类型：%(reasons)s") % {"reasons": "；".join(reasons)}}
