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


def own_applications(worker):
    return applications_for_phone(worker.phone_hash)


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
        unions = unions.filter(Q(name__icontains=text) | Q(name_initials__startswith=text.upper()))
    return unions.order_by("name", "pk")
