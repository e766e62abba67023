"""Courses and enrolments in the cadres API (/api/cadres/): courses list, retrieve, create,
update through gonghui.cadres.training.services; enrolments read only. Scoped like the pages."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from gonghui.cadres.models import Course, Enrolment
from gonghui.cadres.records.api import _read_only
from gonghui.cadres.training import services
from gonghui.cadres.training.filters import CourseFilterSet
from gonghui.core.api import ScopedModelViewSet, ScopedReadOnlyViewSet, describe
from gonghui.core.models import Organisation
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField


class CadreCourseSerializer(ScopedModelSerializer):
    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        help_text=_("主办工会 id（须在您的可编辑范围内）；创建后不能更改"),
    )

    class Meta:
        model = Course
        fields = ["id", "organisation", "title", "kind", "starts_on", "ends_on", "hours", "place"]


@describe("干部培训班", tag="cadres", ending="培训班不删除")
class CourseViewSet(ScopedModelViewSet):
    model = Course
    select_related = ("organisation",)
    serializer_class = CadreCourseSerializer
    filterset_class = CourseFilterSet
    create_service = staticmethod(services.create_course)
    update_service = staticmethod(services.update_course)

    def get_queryset(self):
        return super().get_queryset().order_by("-starts_on", "-pk")


class CourseEnrolmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Enrolment
        fields = ["id", "course", "union", "name", "post", "worker", "status", "hours_attended"]


@_read_only("培训报名")
class EnrolmentViewSet(ScopedReadOnlyViewSet):
    model = Enrolment
    serializer_class = CourseEnrolmentSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("course", "pk")


ROUTES = [
    ("courses", CourseViewSet, "cadres-course"),
    ("enrolments", EnrolmentViewSet, "cadres-enrolment"),
]
