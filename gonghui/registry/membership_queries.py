"""Read-side helpers for joining and transfer (selectors). Nothing here writes."""

from gonghui.core.roles import Role
from gonghui.core.scoping import holds_role_at
from gonghui.registry.models import Application, Member

# Who decides applications at a union (or above it): never the person who submitted one.
REVIEW_ROLES = frozenset({Role.ADMIN, Role.CLERK, Role.REVIEWER})
CIPHERTEXT = ("id_number", "phone")


def may_review(user, application: Application) -> bool:
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if application.submitted_by_id == user.pk:
        return False
    return holds_role_at(user, application.union, REVIEW_ROLES)


def spells_of(member: Member):
    """Every spell of the same person (by ID hash), oldest first; ciphertext not fetched."""
    return (
        Member.objects.filter(id_hash=member.id_hash)
        .select_related("union", "employer")
        .defer(*CIPHERTEXT)
        .order_by("joined_on", "pk")
    )


def member_spells_for_phone(phone_hash: str):
    """The spells whose mobile number is `phone_hash` (a worker's own, in the portal)."""
    if not phone_hash:
        return Member.objects.none()
    return (
        Member.objects.filter(phone_hash=phone_hash)
        .select_related("union", "employer")
        .defer(*CIPHERTEXT)
        .order_by("-joined_on", "-pk")
    )


def applications_for_phone(phone_hash: str):
    if not phone_hash:
        return Application.objects.none()
    return (
        Application.objects.filter(phone_hash=phone_hash)
        .select_related("union", "from_union", "employer")
        .defer(*CIPHERTEXT)
        .order_by("-submitted_at", "-pk")
    )
