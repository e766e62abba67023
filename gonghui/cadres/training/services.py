"""The only code that writes courses (干部培训班) and enrolments (报名、出勤、结业).

- A course is created and changed by an editing role (admin, clerk) of its organiser or above.
  Its hours are a positive number with one decimal place; it ends on or after it starts.
- A union enrols its cadres: an editing role of the enrolling union, which must lie in the
  organiser's subtree (the course is offered to it). A name is enrolled once per union and
  course. A social worker of the union may be linked (the course then shows in their file).
- The organiser records attendance and completion: hours attended (at most the course's hours)
  and the status (已结业 / 未完成). Completed hours count in the cadre's hours of the year and in
  the figures `cadres_trained` and `training_hours`.
Everything is audited.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.cadres import checks
from gonghui.cadres.choices import CourseKind, EnrolmentStatus
from gonghui.cadres.models import Course, Enrolment
from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE, lock_for_edit, may_edit_org

COURSE_FIELDS = ("title", "kind", "starts_on", "ends_on", "hours", "place")


def _check_course(fields: dict, errors: dict) -> dict:
    clean = {
        "title": checks.text(
            fields.get("title"), "title", _("培训名称"), 200, errors, required=True
        ),
        "place": checks.text(fields.get("place"), "place", _("地点"), 200, errors),
        "starts_on": checks.date(fields.get("starts_on"), "starts_on", _("开始日期"), errors),
        "ends_on": checks.date(fields.get("ends_on"), "ends_on", _("结束日期"), errors),
        "hours": checks.score(fields.get("hours"), "hours", _("学时"), errors, high=999),
    }
    kind = fields.get("kind")
    if kind not in CourseKind.values:
        errors["kind"] = _("请选择类别")
    clean["kind"] = kind
    if clean["hours"] is not None and clean["hours"] <= 0 and "hours" not in errors:
        errors["hours"] = _("学时应大于 0")
    starts, ends = clean["starts_on"], clean["ends_on"]
    if starts and ends and ends < starts:
        errors["ends_on"] = _("结束日期（%(e)s）不能早于开始日期（%(s)s）") % {
            "e": ends,
            "s": starts,
        }
    return clean


@transaction.atomic
def create_course(*, actor, organisation, **fields) -> Course:
    unknown = set(fields) - set(COURSE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    errors: dict = {}
    if organisation is None:
        errors["organisation"] = _("请选择主办工会")
    elif not may_edit_org(actor, organisation):
        errors["organisation"] = OUT_OF_SCOPE
    clean = _check_course(fields, errors)
    checks.raise_if(errors)
    course = Course.objects.create(organisation=organisation, **clean)
    audit.record(actor=actor, action=AuditAction.CREATE, obj=course, after=audit.snapshot(course))
    return course


@transaction.atomic
def update_course(*, actor, course: Course, **changes) -> Course:
    course = lock_for_edit(course, actor=actor)
    errors: dict = {}
    new_org = changes.pop("organisation", course.organisation)
    if new_org is not None and new_org != course.organisation:
        errors["organisation"] = _("主办工会创建后不能更改")
    unknown = set(changes) - set(COURSE_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    clean = _check_course({n: changes.get(n, getattr(course, n)) for n in COURSE_FIELDS}, errors)
    top = course.enrolments.order_by("-hours_attended").values_list("hours_attended", flat=True)
    most = next(iter(top), None)
    if clean["hours"] is not None and most is not None and most > clean["hours"]:
        errors["hours"] = _("已有学员出勤 %(h)s 学时，学时不能少于此数") % {"h": most}
    checks.raise_if(errors)
    before = audit.snapshot(course)
    for name, value in clean.items():
        setattr(course, name, value)
    return audit.saved(course, actor=actor, before=before)


@transaction.atomic
def enrol(*, actor, course: Course, union, name, post="", worker=None) -> Enrolment:
    errors: dict = {}
    if union is None:
        errors["union"] = _("请选择报名工会")
    elif not may_edit_org(actor, union):
        errors["union"] = OUT_OF_SCOPE
    elif not union.path.startswith(course.organisation.path):
        errors["union"] = _("%(u)s不在%(o)s的培训范围内") % {
            "u": union.name, "o": course.organisation.name,
        }  # fmt: skip
    name = checks.person(name, "name", _("姓名"), errors)
    post = checks.text(post, "post", _("职务"), 50, errors)
    if worker is not None and union is not None and worker.organisation_id != union.pk:
        errors["worker"] = _("%(w)s不是%(u)s的社工") % {"w": worker.name, "u": union.name}
    if not errors and Enrolment.objects.filter(course=course, union=union, name=name).exists():
        errors["name"] = _("%(n)s已报名本期培训") % {"n": name}
    checks.raise_if(errors)
    enrolment = Enrolment.objects.create(
        course=course, union=union, name=name, post=post, worker=worker
    )
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=enrolment, after=audit.snapshot(enrolment)
    )
    return enrolment


@transaction.atomic
def record_attendance(*, actor, enrolment: Enrolment, hours_attended, completed: bool):
    """The organiser's record of a cadre's attendance and completion."""
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("course__organisation", "union")
        .get(pk=enrolment.pk)
    )
    if not may_edit_org(actor, enrolment.course.organisation):
        raise ValidationError({"hours_attended": _("出勤与结业由主办工会登记")})
    errors: dict = {}
    hours = checks.score(hours_attended, "hours_attended", _("出勤学时"), errors, high=999)
    if hours is not None and hours > enrolment.course.hours:
        errors["hours_attended"] = _("出勤学时不能超过培训学时 %(h)s") % {
            "h": enrolment.course.hours
        }
    if not isinstance(completed, bool):
        errors["completed"] = _("结业应为是或否")
    checks.raise_if(errors)
    before = audit.snapshot(enrolment)
    enrolment.hours_attended = hours or Decimal(0)
    enrolment.status = EnrolmentStatus.COMPLETED if completed else EnrolmentStatus.ABSENT
    return audit.saved(enrolment, actor=actor, before=before)
