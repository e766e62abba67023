"""Reads of cadre training: the hours per cadre in a year (a cadre is a name at a union; the
hours are those of the courses they completed that ended in the year)."""

from django.db.models import Count, Sum

from gonghui.cadres.models import Course, Enrolment


def courses_for(user):
    return Course.objects.visible_to(user).select_related("organisation")


def hours_by_cadre(user, year: int) -> list[dict]:
    return list(
        Enrolment.objects.visible_to(user)
        .completed()
        .filter(course__ends_on__year=year)
        .values("union__name", "name")
        .annotate(hours=Sum("hours_attended"), courses=Count("course", distinct=True))
        .order_by("union__name", "name")
    )


def enrol_unions(user, course: Course):
    """The unions the user may enrol cadres from: those they edit within the organiser's
    subtree."""
    from gonghui.core.models import Organisation

    return (
        Organisation.objects.editable_by(user)
        .filter(path__startswith=course.organisation.path)
        .order_by("path")
    )
