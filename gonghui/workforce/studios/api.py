"""Studios and alliances in the workforce API: read-only, scoped like the pages."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from gonghui.core.api import NOT_FOUND, ScopedReadOnlyViewSet
from gonghui.workforce.models import Alliance, Studio

TAG = "workforce-studios"


class StudioSerializer(serializers.ModelSerializer):
    leader_name = serializers.CharField(read_only=True)

    class Meta:
        model = Studio
        fields = ["id", "name", "level", "union", "employer", "leader_honouree", "leader_member",
                  "leader_name", "field", "named_on", "document_number", "status"]  # fmt: skip


class AllianceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Alliance
        fields = ["id", "organisation", "name", "basis", "industry", "founded_on", "studios"]


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="创新工作室列表"),
    retrieve=extend_schema(tags=[TAG], summary="创新工作室详情",
                           responses={200: StudioSerializer, **NOT_FOUND}),
)  # fmt: skip
class StudioViewSet(ScopedReadOnlyViewSet):
    model = Studio
    serializer_class = StudioSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("pk")


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="工作室联盟列表"),
    retrieve=extend_schema(tags=[TAG], summary="工作室联盟详情",
                           responses={200: AllianceSerializer, **NOT_FOUND}),
)  # fmt: skip
class AllianceViewSet(ScopedReadOnlyViewSet):
    model = Alliance
    serializer_class = AllianceSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("studios").order_by("pk")


ROUTES = [
    ("studios", StudioViewSet, "workforce-studio"),
    ("alliances", AllianceViewSet, "workforce-alliance"),
]
