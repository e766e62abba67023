"""Cadre training (工会干部培训): courses a union organises and the cadres other unions enrol.

A course is offered by its organiser (the county federation, a town) to the unions of its
subtree, so it is seen by the organiser's subtree, those above, and every union below it (who
enrol). An enrolment names a union's cadre (姓名、职务; a social worker may be linked); the
organiser records the hours attended and whether the cadre completed the course (结业)."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.choices import CourseKind, EnrolmentStatus
from gonghui.cadres.models.common import OfferedDownQuerySet
from gonghui.core.fields import link
from gonghui.core.scoping import ScopedQuerySet


class CourseQuerySet(OfferedDownQuerySet):
    scope_lookups = ("organisation__path",)


class Course(models.Model):
    organisation = link("core.Organisation", _("主办工会"), related_name="+")
    title = models.CharField(_("培训名称"), max_length=200)
    kind = models.CharField(_("类别"), max_length=10, choices=CourseKind.choices)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    hours = models.DecimalField(_("学时"), max_digits=5, decimal_places=1)
    place = models.CharField(_("地点"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CourseQuerySet.as_manager()

    audit_fields = ("organisation", "title", "kind", "starts_on", "ends_on", "hours", "place")

    class Meta:
        verbose_name = _("干部培训班")
        verbose_name_plural = _("干部培训班")
        ordering = ["-starts_on", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cadres:course_detail", args=[self.pk])

    @property
    def audit_org_path(self) -> str:
        return self.organisation.path


class EnrolmentQuerySet(ScopedQuerySet):
    """Seen by the enrolling union's subtree and above, and by the organiser's."""

    scope_lookups = ("union__path", "course__organisation__path")

    def own_rows(self, user):
        return Q(worker__user=user)

    def completed(self):
        return self.filter(status=EnrolmentStatus.COMPLETED)


class Enrolment(models.Model):
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="enrolments")
    union = link("core.Organisation", _("报名工会"), related_name="+")
    name = models.CharField(_("姓名"), max_length=50)
    post = models.CharField(_("职务"), max_length=50, blank=True)
    worker = link(
        "cadres.SocialWorker", _("社工"), optional=True, related_name="enrolments",
        on_delete=models.SET_NULL,
    )  # fmt: skip
    status = models.CharField(
        _("状态"), max_length=10, choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )  # fmt: skip
    hours_attended = models.DecimalField(_("出勤学时"), max_digits=5, decimal_places=1, default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EnrolmentQuerySet.as_manager()

    audit_fields = ("course", "union", "name", "post", "worker", "status", "hours_attended")

    class Meta:
        verbose_name = _("培训报名")
        verbose_name_plural = _("培训报名")
        ordering = ["union__path", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["course", "union", "name"], name="cadres_enrolment_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.course} · {self.name}"

    @property
    def audit_org_path(self) -> str:
        return self.union.path
