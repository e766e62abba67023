"""Read-side helpers for the portal. A worker is anonymous to the staff scoping (they hold no
role), so their rows are found by their verified phone's hash, and the public choices (employers,
unions) are bounded by the county of the union they apply to."""

from django.db.models import Q
from django.http import Http404

from gonghui.core.models import Organisation, OrgStatus
from gonghui.registry.choices import MemberStatus
from gonghui.registry.membership_queries import applications_for_phone, member_spells_for_phone
from gonghui.registry.models import Employer

SEARCH_LIMIT = 10
SEARCH_MIN_LENGTH = 2


def own_spells(worker):
    return member_spells_for_phone(worker.phone_hash)


def own_active_spells(worker):
    return own_spells(worker).filter(status=MemberStatus.ACTIVE)


def known_name(worker) -> str:
    """The signed-in worker's name as the union knows it (their latest membership, else their
    latest application), to fill in their forms; empty for a newcomer."""
    if not worker or not worker.phone_hash:
        return ""
    spell = own_spells(worker).order_by("-joined_on", "-pk").values_list("name", flat=True)
    name = spell.first() or own_applications(worker).values_list("name", flat=True).first()
    return name or ""


def own_applications(worker):
    return applications_for_phone(worker.phone_hash)


MEMBERSHIP_TONES = {"pending": "pending", "approved": "done", "refused": "refused"}


def membership_items(worker, limit: int) -> list:
    """The worker's join, transfer and leave applications as lines of 我的申请."""
    from django.urls import reverse

    from gonghui.portal.hooks import ApplicationItem

    return [
        ApplicationItem(
            title=a.get_kind_display(),
            place=a.union.name,
            status=a.get_status_display(),
            tone=MEMBERSHIP_TONES.get(a.status, "closed"),
            at=a.submitted_at,
            url=reverse("portal:application", args=[a.pk]),
            note=a.reason if a.status == "refused" else "",
        )
        for a in own_applications(worker)[:limit]
    ]


def own_spell_or_404(worker, pk: int, *, active: bool = True):
    spells = own_active_spells(worker) if active else own_spells(worker)
    member = spells.filter(pk=pk).first()
    if member is None:
        raise Http404
    return member


def own_application_or_404(worker, pk: int):
    application = own_applications(worker).filter(pk=pk).first()
    if application is None:
        raise Http404
    return application


def county_employers(union: Organisation):
    """Operating employers of the union's county: what a worker applying there may name. A
    business's name and credit code are public registration data."""
    return Employer.objects.operating().filter(territory__path__startswith=union.county.path)


def search_employers(union: Organisation, text: str):
    text = (text or "").strip()
    if len(text) < SEARCH_MIN_LENGTH:
        return []
    query = Q(name__icontains=text) | Q(credit_code__startswith=text.upper())
    return list(county_employers(union).filter(query).order_by("name", "pk")[:SEARCH_LIMIT])


def employer_named(union: Organisation, text: str) -> Employer | None:
    """The employer whose full name or credit code is exactly `text` (typed without picking)."""
    text = (text or "").strip()
    if not text:
        return None
    matches = list(county_employers(union).filter(Q(name=text) | Q(credit_code=text.upper()))[:2])
    return matches[0] if len(matches) == 1 else None


def county_unions(county: Organisation, text: str = "", *, exclude=None):
    """Unions of the county that take members, searched by name or pinyin initials."""
    unions = Organisation.objects.admitting_members().filter(
        county=county, status=OrgStatus.ACTIVE
    )
    if exclude is not None:
        unions = unions.exclude(pk=exclude.pk)
    text = (text or "").strip()
    if text:
        unions = unions.filter(Q(name__icontains=text) | Q(name_initials__contains=text.upper()))
    return unions.order_by("name", "pk")
