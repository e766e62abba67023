"""Reads of ratings: what the organisation tree shows beside a node (the latest level), the
organisation page's panel, and the lists of the rating pages."""

from gonghui.cadres.models import ModelHome, OrgRating, RatingRound, SelfAssessment


def latest_levels(orgs, parent_path: str) -> dict[int, str]:
    """The tree counter: each organisation's latest rating, as "level" text."""
    found: dict[int, str] = {}
    rows = OrgRating.objects.filter(organisation__in=[o.pk for o in orgs]).order_by(
        "organisation", "-year", "-pk"
    )
    for organisation_id, level in rows.values_list("organisation", "level"):
        found.setdefault(organisation_id, level)
    return found


def org_panel(request, organisation) -> dict | None:
    ratings = OrgRating.objects.filter(organisation=organisation).select_related("scheme")
    homes = ModelHome.objects.filter(organisation=organisation)
    if not ratings.exists() and not homes.exists():
        return None
    return {"ratings": ratings, "homes": homes}


def rounds_for(user):
    return RatingRound.objects.visible_to(user).select_related("scheme")


def assessments_for(user):
    return SelfAssessment.objects.visible_to(user).select_related("union", "round__scheme")
