"""Stations in the API (/api/stations/): list, detail, create, update, as the pages allow.

Reads go through `visible_to` (a keeper sees the stations they keep, a town its own, the county
all; out of scope is 404); writes need an editing role over the station's union and go through
gonghui.stations.stations.services (errors answer 400 naming the field). Coordinates come as
entered with their datum, and in each of WGS-84, GCJ-02 and BD-09; `open_now` and `next_open`
are computed in Asia/Shanghai.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from gonghui.core.api import ScopedModelViewSet, describe
from gonghui.core.models import Organisation
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField
from gonghui.stations.choices import Datum, Facility
from gonghui.stations.models import Station
from gonghui.stations.stations import geo, queries, services
from gonghui.stations.stations.filters import StationFilterSet
from gonghui.stations.stations.forms import keeper_choices


class PointSerializer(serializers.Serializer):
    lat = serializers.FloatField()
    lng = serializers.FloatField()


class StationSerializer(ScopedModelSerializer):
    """户外劳动者驿站。坐标按录入时的坐标系保存（datum），并给出三种坐标系下的换算值。"""

    union = ScopedRelatedField(
        queryset=Organisation.objects.all(), help_text=_("责任工会的 id，须在您的可编辑范围内")
    )
    union_name = serializers.CharField(source="union.name", read_only=True)
    facilities = serializers.ListField(
        child=serializers.ChoiceField(choices=Facility.choices), required=False,
        source="facility_codes", help_text=_("设施代码列表"),
    )  # fmt: skip
    keepers = serializers.PrimaryKeyRelatedField(
        many=True, queryset=keeper_choices(), required=False,
        help_text=_("站长的用户 id（须持有驿站管理员角色）"),
    )  # fmt: skip
    coordinates = serializers.SerializerMethodField(help_text=_("wgs84 / gcj02 / bd09 坐标"))
    open_now = serializers.SerializerMethodField()
    next_open = serializers.SerializerMethodField()
    hours_unconfirmed = serializers.SerializerMethodField(help_text=_("90 天内站长未确认开放时间"))

    class Meta:
        model = Station
        fields = [
            "id", "name", "kind", "partner", "union", "union_name", "address", "latitude",
            "longitude", "datum", "coordinates", "facilities", "keepers", "safety_officer",
            "hotline", "status", "hours_confirmed_at", "open_now", "next_open",
            "hours_unconfirmed",
        ]  # fmt: skip
        read_only_fields = ["hours_confirmed_at"]

    def _annotated(self, station):
        if not hasattr(station, "open_now"):
            queries.annotate([station])
        return station

    @extend_schema_field(
        {"type": "object", "nullable": True, "additionalProperties": {"type": "object"}}
    )
    def get_coordinates(self, station):
        if station.latitude is None:
            return None
        out = {}
        for datum in Datum.values:
            lat, lng = geo.station_point(station, datum)
            out[datum] = {"lat": round(lat, 6), "lng": round(lng, 6)}
        return out

    def get_open_now(self, station) -> bool:
        return self._annotated(station).open_now

    def get_next_open(self, station) -> str | None:
        moment = self._annotated(station).next_open
        return moment.isoformat() if moment else None

    def get_hours_unconfirmed(self, station) -> bool:
        return self._annotated(station).unconfirmed

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        if "facility_codes" in values:
            values["facilities"] = values.pop("facility_codes")
        return values


@describe("驿站", tag="stations", ending="驿站以状态结束（status=closed 关闭）")
class StationViewSet(ScopedModelViewSet):
    model = Station
    select_related = ("union",)
    serializer_class = StationSerializer
    filterset_class = StationFilterSet
    create_service = staticmethod(services.create_station)
    update_service = staticmethod(services.update_station)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("keepers").order_by("pk")


ROUTES = [("stations", StationViewSet, "station")]
