"""Visits in the API (/api/stations/visits/): read only, scoped as stations are. A scan's
person is never given out (not even its hash)."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from gonghui.core.api import ScopedReadOnlyViewSet
from gonghui.stations.models import Visit
from gonghui.stations.visits.filters import VisitFilterSet


class VisitSerializer(serializers.ModelSerializer):
    """到站记录：扫码（每人每天一次）、站长登记、客流计数器；count 为人次，people 为人数。"""

    station_name = serializers.CharField(source="station.name", read_only=True)

    class Meta:
        model = Visit
        fields = ["id", "station", "station_name", "date", "source", "occupation", "count",
                  "people", "note", "created_at"]  # fmt: skip


def read_only_schema(noun: str, tag: str = "stations"):
    """Tags and summaries of a read-only resource's list and detail."""
    return extend_schema_view(
        list=extend_schema(tags=[tag], summary=f"{noun}列表",
                           description=f"您能看到的驿站的{noun}；站长只看到自己驿站的。"),
        retrieve=extend_schema(tags=[tag], summary=f"{noun}详情",
                               description="不在您范围内的记录与不存在的一样答 404。"),
    )  # fmt: skip


@read_only_schema("到站记录")
class VisitViewSet(ScopedReadOnlyViewSet):
    model = Visit
    select_related = ("station",)
    serializer_class = VisitSerializer
    filterset_class = VisitFilterSet

    def get_queryset(self):
        return super().get_queryset().order_by("-date", "-pk")


ROUTES = [("visits", VisitViewSet, "station-visit")]
