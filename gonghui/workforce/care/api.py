"""Honourees' files in the workforce API: read-only, scoped like the pages (out of scope 404)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from gonghui.core.api import NOT_FOUND, ScopedReadOnlyViewSet
from gonghui.workforce.models import Honouree

TAG = "workforce-honourees"


class HonoureeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Honouree
        fields = ["id", "name", "id_masked", "gender", "birth_year", "union", "employer",
                  "job_title", "status", "retired_on", "died_on", "in_hardship"]  # fmt: skip


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="劳模档案列表"),
    retrieve=extend_schema(tags=[TAG], summary="劳模档案详情",
                           responses={200: HonoureeSerializer, **NOT_FOUND}),
)  # fmt: skip
class HonoureeViewSet(ScopedReadOnlyViewSet):
    model = Honouree
    serializer_class = HonoureeSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("pk")


ROUTES = [("honourees", HonoureeViewSet, "workforce-honouree")]
