"""Care in the API (/api/stations/incidents/, /inspections/): read only, scoped as stations
are (a keeper sees their stations' incidents and inspections); writes are the pages' (the
services of gonghui.stations.care)."""

from rest_framework import serializers

from gonghui.core.api import ScopedReadOnlyViewSet
from gonghui.stations.models import Finding, Incident, IncidentStep, Inspection
from gonghui.stations.visits.api import read_only_schema


class IncidentStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = IncidentStep
        fields = ["at", "action", "note"]


class IncidentSerializer(serializers.ModelSerializer):
    """驿站突发事件：接报、响应、办结各有时间；超时未响应逐级升级（level）。"""

    station_name = serializers.CharField(source="station.name", read_only=True)
    steps = IncidentStepSerializer(many=True, read_only=True)
    response_minutes = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Incident
        fields = ["id", "number", "station", "station_name", "kind", "source", "description",
                  "status", "level", "received_at", "responded_at", "closed_at", "escalated_at",
                  "response_minutes", "steps"]  # fmt: skip


class FindingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Finding
        fields = ["id", "item", "description", "fix_by", "fixed_on", "fix_note"]


class InspectionSerializer(serializers.ModelSerializer):
    """县级驿站检查：不合格项与发现问题（整改期限、整改情况）。"""

    station_name = serializers.CharField(source="station.name", read_only=True)
    findings = FindingSerializer(many=True, read_only=True)

    class Meta:
        model = Inspection
        fields = ["id", "station", "station_name", "inspected_on", "failed_items", "note",
                  "findings"]  # fmt: skip


@read_only_schema("突发事件")
class IncidentViewSet(ScopedReadOnlyViewSet):
    model = Incident
    select_related = ("station",)
    serializer_class = IncidentSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("steps").order_by("-received_at", "-pk")


@read_only_schema("驿站检查")
class InspectionViewSet(ScopedReadOnlyViewSet):
    model = Inspection
    select_related = ("station",)
    serializer_class = InspectionSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("findings").order_by("-inspected_on", "-pk")


ROUTES = [
    ("incidents", IncidentViewSet, "station-incident"),
    ("inspections", InspectionViewSet, "station-inspection"),
]
