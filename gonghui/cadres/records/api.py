"""Monthly records, attendance and training entries in the cadres API (/api/cadres/), read
only: filed and submitted on the pages (gonghui.cadres.records.views). Scoped like the pages."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from gonghui.cadres.models import Attendance, MonthlyRecord, TrainingEntry
from gonghui.cadres.records.filters import RecordFilterSet
from gonghui.core.api import ScopedReadOnlyViewSet

TAG = "cadres"


def _read_only(noun: str):
    return extend_schema_view(
        list=extend_schema(tags=[TAG], summary=f"{noun}列表",
                           description=f"您管理范围内（社工为本人）的{noun}；键集分页。"),
        retrieve=extend_schema(tags=[TAG], summary=f"{noun}详情",
                               description="不在范围内与不存在一样答 404。"),
    )  # fmt: skip


class MonthlyRecordSerializer(serializers.ModelSerializer):
    worker_name = serializers.CharField(source="worker.name", read_only=True)

    class Meta:
        model = MonthlyRecord
        fields = [
            "id", "worker", "worker_name", "month", "figures", "work_done", "notes", "status",
            "submitted_at",
        ]  # fmt: skip


@_read_only("月度工作纪实")
class RecordViewSet(ScopedReadOnlyViewSet):
    model = MonthlyRecord
    select_related = ("worker",)
    serializer_class = MonthlyRecordSerializer
    filterset_class = RecordFilterSet

    def get_queryset(self):
        return super().get_queryset().order_by("-month", "-pk")


class CadreAttendanceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Attendance
        fields = ["id", "worker", "month", "days_signed_in", "days_leave", "note"]


@_read_only("考勤")
class AttendanceViewSet(ScopedReadOnlyViewSet):
    model = Attendance
    serializer_class = CadreAttendanceSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("-month", "-pk")


class CadreTrainingSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrainingEntry
        fields = ["id", "worker", "kind", "title", "date", "hours", "result"]


@_read_only("学习培训记录")
class TrainingViewSet(ScopedReadOnlyViewSet):
    model = TrainingEntry
    serializer_class = CadreTrainingSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("-date", "-pk")


ROUTES = [
    ("monthly-records", RecordViewSet, "cadres-record"),
    ("attendance", AttendanceViewSet, "cadres-attendance"),
    ("training", TrainingViewSet, "cadres-training"),
]
