"""The risk area of the rights API (/api/rights/): grids, monitoring points, monthly reports
(filed through gonghui.rights.risk.reports, late ones flagged), employers' levels, and warnings with
their acknowledgement and handling (gonghui.rights.risk.warnings). Scoped like the pages."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from gonghui.core.api import ERROR_RESPONSES, NOT_FOUND, ScopedReadOnlyViewSet, service_errors
from gonghui.rights.models import EmployerRisk, Grid, MonitoringPoint, MonthlyReport, RiskWarning
from gonghui.rights.risk import queries as risk_queries
from gonghui.rights.risk import reports, warnings

TAG = "rights-risk"


def _read(noun: str):
    return extend_schema_view(
        list=extend_schema(tags=[TAG], summary=f"{noun}列表"),
        retrieve=extend_schema(tags=[TAG], summary=f"{noun}详情"),
    )


class GridSerializer(serializers.ModelSerializer):
    class Meta:
        model = Grid
        fields = ["id", "organisation", "name", "code", "is_active"]


@_read("企业网格")
class GridViewSet(ScopedReadOnlyViewSet):
    model = Grid
    serializer_class = GridSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("pk")


class PointSerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.name", read_only=True)

    class Meta:
        model = MonitoringPoint
        fields = [
            "id", "employer", "employer_name", "grid", "contact_name", "established_on",
            "report_due_day", "is_active",
        ]  # fmt: skip


@_read("劳动关系监测点")
class PointViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PointSerializer
    filterset_fields = ["grid", "employer", "is_active"]

    def get_queryset(self):
        return risk_queries.points_for(self.request.user).select_related("employer").order_by("pk")


class ReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = MonthlyReport
        fields = [
            "id", "point", "month", "wage_arrears", "layoffs", "unrest", "safety", "other",
            "arrears_amount", "arrears_workers", "remarks", "submitted_at", "is_late",
        ]  # fmt: skip
        read_only_fields = ["submitted_at", "is_late"]


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="监测月报列表"),
    retrieve=extend_schema(tags=[TAG], summary="监测月报详情"),
    create=extend_schema(
        tags=[TAG],
        summary="报送监测月报",
        description="监测点填报账号或其网格、工会的经办人；截止日后报送标记为逾期。",
        responses={201: ReportSerializer, **ERROR_RESPONSES},
    ),
)
class ReportViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ReportSerializer
    filterset_fields = ["point", "month", "is_late"]

    def get_queryset(self):
        return risk_queries.reports_for(self.request.user).order_by("-month", "pk")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        point = data.pop("point")
        if not risk_queries.points_for(self.request.user).filter(pk=point.pk).exists():
            raise serializers.ValidationError({"point": [_("监测点不存在或不在您的范围内")]})
        try:
            with service_errors():
                serializer.instance = reports.file_report(
                    actor=self.request.user, point=point, **data
                )
        except PermissionDenied as denied:
            raise ApiPermissionDenied(str(denied)) from denied


class LevelSerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.name", read_only=True)

    class Meta:
        model = EmployerRisk
        fields = ["id", "employer", "employer_name", "level", "reasons", "evaluated_at"]


@_read("企业风险等级")
class LevelViewSet(ScopedReadOnlyViewSet):
    model = EmployerRisk
    select_related = ("employer",)
    serializer_class = LevelSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("-level", "pk")


class WarningSerializer(serializers.ModelSerializer):
    employer_name = serializers.CharField(source="employer.name", read_only=True)

    class Meta:
        model = RiskWarning
        fields = [
            "id", "employer", "employer_name", "level", "previous_level", "reasons", "status",
            "responsible", "opened_at", "due_at", "acknowledged_at", "handled_at", "handling",
            "escalations",
        ]  # fmt: skip
        read_only_fields = fields


class HandleSerializer(serializers.Serializer):
    handling = serializers.CharField(help_text=_("处置情况"))


@_read("风险预警")
class WarningViewSet(ScopedReadOnlyViewSet):
    model = RiskWarning
    select_related = ("employer", "responsible")
    serializer_class = WarningSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        return super().get_queryset().order_by("-opened_at", "-pk")

    def _act(self, perform):
        warning = self.get_object()
        try:
            with service_errors():
                warning = perform(warning)
        except PermissionDenied as denied:
            raise ApiPermissionDenied(str(denied)) from denied
        return Response(WarningSerializer(warning).data)

    @extend_schema(
        tags=[TAG], summary="签收预警", request=None,
        responses={200: WarningSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        return self._act(lambda w: warnings.acknowledge(actor=request.user, warning=w))

    @extend_schema(
        tags=[TAG], summary="登记处置情况", request=HandleSerializer,
        responses={200: WarningSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def handle(self, request, pk=None):
        body = HandleSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._act(
            lambda w: warnings.handle(
                actor=request.user, warning=w, handling=body.validated_data["handling"]
            )
        )


ROUTES = [
    ("grids", GridViewSet, "rights-grid"),
    ("monitoring-points", PointViewSet, "rights-point"),
    ("monthly-reports", ReportViewSet, "rights-report"),
    ("risk-levels", LevelViewSet, "rights-level"),
    ("warnings", WarningViewSet, "rights-warning"),
]
