"""The records behind the cadres figures (由数到人), registered with core.figures beside them:
the conditions of gonghui/cadres/figures.py, as lists."""

from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import AssessmentStatus, RecordStatus
from gonghui.cadres.figures import WORKER
from gonghui.cadres.models import (
    AnnualAssessment,
    Enrolment,
    ModelHome,
    MonthlyRecord,
    OrgRating,
    SocialWorker,
)
from gonghui.core.figures import TracePart, column, register_derived, register_trace

NAMED = (column(_("记录"), str),)


def _part(title, queryset, columns=NAMED, total=None) -> TracePart:
    return TracePart(str(title), queryset, tuple(columns), total)


def _years(s):
    return (s.date_from.year, s.date_to.year)


TRACES = {
    "social_workers": lambda s: _part(
        _("在岗工会社工"), SocialWorker.objects.active().filter(s.q("organisation__path"))
    ),
    "monthly_records": lambda s: _part(
        _("已提交的月度工作纪实"),
        MonthlyRecord.objects.filter(
            s.q(*WORKER), status=RecordStatus.SUBMITTED, month__range=(s.date_from, s.date_to)
        ),
    ),
    "assessments": lambda s: _part(
        _("已审定的年度考核"),
        AnnualAssessment.objects.filter(
            s.q(*WORKER), status=AssessmentStatus.SIGNED_OFF, year__range=_years(s)
        ),
    ),
    "training_hours": lambda s: _part(
        _("结业的干部培训（出勤学时）"),
        Enrolment.objects.completed().filter(
            s.q("union__path"), course__ends_on__range=(s.date_from, s.date_to)
        ),
        (column(_("学员"), str), column(_("出勤学时"), "hours_attended")),
        "hours_attended",
    ),
    "unions_rated": lambda s: _part(
        _("获评定的工会"),
        OrgRating.objects.filter(s.q("organisation__path"), year__range=_years(s)),
    ),
    "model_homes": lambda s: _part(
        _("模范职工之家（小家）"),
        ModelHome.objects.filter(s.q("organisation__path"), year__range=_years(s)),
    ),
}


def register() -> None:
    for key, fn in TRACES.items():
        register_trace(key, fn)
    # People counted once by union and name among the completed enrolments (training_hours').
    register_derived("cadres_trained")
