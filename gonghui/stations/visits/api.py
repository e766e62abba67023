"""Visits in the API (/api/stations/visits/): read only, scoped as stations are. A scan's
person is never given out (not even its hash)."""

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


class VisitViewSet(ScopedReadOnlyViewSet):
    model = Visit
    select_related = ("station",)
    serializer_class = VisitSerializer
    filterset_class = VisitFilterSet

    def get_queryset(self):
        return super().get_queryset().order_by("-date", "-pk")


ROUTES = [("visits", VisitViewSet, "station-visit")]
