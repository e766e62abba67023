"""The cadres module's figures (社工), registered with gonghui.core.figures.

Definitions (scoped by the union the worker serves):
- `social_workers`: workers in post (在岗) today.
- `monthly_records`: monthly records submitted for months within the period.
- `assessments`: annual assessments signed off for years within the period, by grade (keyed by
  the grade's name, every grade present).
- `cadres_trained`: cadres (a name at a union) who completed a course (干部培训班, 结业) ending
  in the period, scoped by the enrolling union; `training_hours`: the hours they attended on
  those courses (Decimal, one place).
- `unions_rated`: unions holding a rating decided for a year within the period, by level
  (keyed by the level's name; one union rated under two schemes counts under each).
- `model_homes`: selections as 模范职工之家 or 职工小家 for years within the period.
"""

from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import AssessmentStatus, Grade, RecordStatus
from gonghui.cadres.models import (
    AnnualAssessment,
    Enrolment,
    ModelHome,
    MonthlyRecord,
    OrgRating,
    SocialWorker,
)
from gonghui.core.figures import FigureScope

LABELS = {
    "social_workers": _("在岗工会社工"),
    "monthly_records": _("月度工作纪实（已提交）"),
    "assessments": _("年度考核（按等次）"),
    "cadres_trained": _("干部培训结业人数"),
    "training_hours": _("干部培训学时"),
    "unions_rated": _("星级评定工会（按等级）"),
    "model_homes": _("模范职工之家（小家）"),
}
WORKER = ("worker__organisation__path",)


def cadres_figures(scope: FigureScope) -> dict:
    period = (scope.date_from, scope.date_to)
    by_grade = {str(label): 0 for _code, label in Grade.choices}
    labels = dict(Grade.choices)
    rows = (
        AnnualAssessment.objects.filter(scope.q(*WORKER), status=AssessmentStatus.SIGNED_OFF)
        .filter(year__gte=scope.date_from.year, year__lte=scope.date_to.year)
        .order_by()
        .values("grade")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        by_grade[str(labels.get(row["grade"], row["grade"]))] = row["n"]
    completed = Enrolment.objects.completed().filter(
        scope.q("union__path"), course__ends_on__range=period
    )
    training = {
        "people": completed.order_by().values("union", "name").distinct().count(),
        "hours": completed.aggregate(hours=Sum("hours_attended"))["hours"],
    }
    years = (scope.date_from.year, scope.date_to.year)
    rated: dict[str, int] = {}
    rows = (
        OrgRating.objects.filter(scope.q("organisation__path"), year__range=years)
        .order_by()
        .values("level")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        rated[row["level"]] = row["n"]
    return {
        "social_workers": SocialWorker.objects.active()
        .filter(scope.q("organisation__path"))
        .count(),
        "monthly_records": MonthlyRecord.objects.filter(
            scope.q(*WORKER), status=RecordStatus.SUBMITTED, month__range=period
        ).count(),
        "assessments": by_grade,
        "cadres_trained": training["people"],
        "training_hours": (training["hours"] or Decimal(0)).quantize(Decimal("0.1")),
        "unions_rated": dict(sorted(rated.items())),
        "model_homes": ModelHome.objects.filter(
            scope.q("organisation__path"), year__range=years
        ).count(),
    }
