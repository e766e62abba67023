"""Pages of cadre training (工会干部培训): courses (list, add, edit, the course page with its
enrolments), enrolling a union's cadres, the organiser's attendance and completion, and the
hours per cadre in a year. Staff only (the registry roles); courses are seen by the organiser's
subtree and the unions below it, enrolments by the enrolling union and the organiser."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from gonghui.cadres.models import Course, Enrolment, SocialWorker
from gonghui.cadres.training import queries, services
from gonghui.cadres.training.filters import CourseFilterSet
from gonghui.cadres.training.forms import AttendForm, CourseForm, EnrolForm
from gonghui.core.scoping import may_edit_org
from gonghui.core.views.access import RoleRequired, require_role
from gonghui.core.views.generic import ObjectEditView, ObjectListView


class CourseListView(RoleRequired, ObjectListView):
    model = Course
    select_related = ("organisation",)
    filterset_class = CourseFilterSet
    template_name = "cadres/training/course_list.html"
    default_sort = "-starts_on"
    sort_options = {"starts_on": gettext_lazy("开始日期")}


class CourseEditView(RoleRequired, ObjectEditView):
    model = Course
    select_related = ("organisation",)
    form_class = CourseForm
    writes = (services.create_course, services.update_course)
    record_name = "course"


def _course(request, pk) -> Course:
    require_role(request.user)
    return get_object_or_404(queries.courses_for(request.user), pk=pk)


def _enrol_form(request, course, data=None):
    unions = queries.enrol_unions(request.user, course)
    if not unions.exists():
        return None
    workers = SocialWorker.objects.editable_by(request.user).filter(
        organisation__in=unions, is_active=True
    )
    return EnrolForm(data, unions=unions, workers=workers)


def course_detail(request, pk):
    course = _course(request, pk)
    organiser = may_edit_org(request.user, course.organisation)
    enrolments = Enrolment.objects.visible_to(request.user).filter(course=course)
    return render(request, "cadres/training/course_detail.html", {
        "object": course,
        "enrolments": enrolments.select_related("union", "worker"),
        "organiser": organiser,
        "enrol_form": _enrol_form(request, course),
        "attend_form": AttendForm() if organiser else None,
    })  # fmt: skip


@require_POST
def course_enrol(request, pk):
    course = _course(request, pk)
    form = _enrol_form(request, course, request.POST)
    if form is None:
        raise PermissionDenied
    if not form.is_valid():
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
        return redirect(course)
    try:
        enrolment = services.enrol(actor=request.user, course=course, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已报名：%(e)s") % {"e": enrolment.name})
    return redirect(course)


@require_POST
def enrolment_attend(request, pk):
    require_role(request.user)
    enrolment = get_object_or_404(
        Enrolment.objects.visible_to(request.user).select_related("course"), pk=pk
    )
    form = AttendForm(request.POST)
    if not form.is_valid():
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
        return redirect(enrolment.course)
    try:
        services.record_attendance(actor=request.user, enrolment=enrolment, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("已登记 %(n)s 的出勤") % {"n": enrolment.name})
    return redirect(enrolment.course)


def cadre_hours(request):
    require_role(request.user)
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year
    return render(request, "cadres/training/cadre_hours.html", {
        "year": year, "rows": queries.hours_by_cadre(request.user, year),
    })  # fmt: skip
