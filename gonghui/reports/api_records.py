"""`GET /api/stats/records/` (the traced figures) and `/api/stats/records/<key>/` (the records a
figure counts, for the caller's scope, a page at a time), and `GET /api/stats/years/` (figures
year by year): what reports:figure_records and reports:figure_years show, as JSON."""

import datetime
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from gonghui.core import figures as core_figures
from gonghui.core.models import Organisation
from gonghui.core.scoping import holds_role
from gonghui.reports.api import StatsSerializer
from gonghui.reports.figures import PeriodError, compute_years, make_scope, years_range

MAX_LIMIT = 500

ERRORS = {
    400: OpenApiResponse(description="A parameter is wrong; messages by parameter."),
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(description="The caller holds no role with a registry scope."),
    404: OpenApiResponse(description="No such figure, or the organisation is out of scope."),
}
SCOPE_PARAMETERS = [
    OpenApiParameter("org", OpenApiTypes.INT, description="Organisation id (its subtree)"),
    OpenApiParameter("from", OpenApiTypes.DATE, description="Period start (inclusive)"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="Period end (inclusive)"),
    OpenApiParameter("as_of", OpenApiTypes.DATE, description="The day stocks are counted on"),
]


class RecordsQuerySerializer(serializers.Serializer):
    org = serializers.IntegerField(required=False, min_value=1)
    to = serializers.DateField(required=False)
    as_of = serializers.DateField(required=False)
    offset = serializers.IntegerField(required=False, min_value=0, max_value=10**9, default=0)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=MAX_LIMIT, default=100)

    def get_fields(self):
        fields = super().get_fields()
        return {**fields, "from": serializers.DateField(required=False)}


class TracedFigureSerializer(serializers.Serializer):
    key = serializers.CharField(help_text=_("指标代码"))
    label = serializers.CharField(help_text=_("指标名称"))


class RecordPartSerializer(serializers.Serializer):
    title = serializers.CharField(help_text=_("列表名称（比率为分子、分母）"))
    columns = serializers.ListField(child=serializers.CharField(), help_text=_("列名"))
    count = serializers.IntegerField(help_text=_("记录总数"))
    total = serializers.CharField(
        allow_null=True, help_text=_("求和指标：被求和的列的合计（精确十进制字符串）；计数指标为空")
    )
    rows = serializers.ListField(
        child=serializers.ListField(child=serializers.CharField(allow_blank=True)),
        help_text=_("本页记录，每行按列的顺序，值为文字"),
    )


class FigureRecordsSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    as_of = serializers.DateField()
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    parts = RecordPartSerializer(many=True)


class YearFiguresSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    as_of = serializers.DateField(help_text=_("存量的统计时点（该年12月31日，当年为今天）"))
    figures = StatsSerializer()


class YearsQuerySerializer(serializers.Serializer):
    org = serializers.IntegerField(required=False, min_value=1)
    years = serializers.CharField(
        required=False, max_length=9, help_text=_("年份范围，如 2021-2025；默认近五年")
    )


def _check_role(request) -> None:
    if not holds_role(request.user):
        raise PermissionDenied(_("您没有可统计的组织范围"))


def _org(request, data):
    if "org" not in data:
        return None
    return get_object_or_404(Organisation.objects.visible_to(request.user), pk=data["org"])


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date | Decimal):
        return value.isoformat() if not isinstance(value, Decimal) else str(value)
    return str(value)


class TracedFiguresView(APIView):
    @extend_schema(
        operation_id="stats_records_index",
        summary="可查看明细的指标",
        responses={200: TracedFigureSerializer(many=True), **ERRORS},
    )
    def get(self, request):
        _check_role(request)
        labels = core_figures.labels()
        keys = [k for k in core_figures.traced_keys() if k in labels]
        return Response([{"key": k, "label": str(labels[k])} for k in keys])


class FigureRecordsView(APIView):
    @extend_schema(
        operation_id="stats_records",
        summary="指标所统计的记录",
        description="The records behind figure `key` for the caller's scope: one list for a "
        "count or a sum, a numerator and a denominator list for a rate; `offset`/`limit` page "
        "every list alike.",
        parameters=[
            *SCOPE_PARAMETERS,
            OpenApiParameter("offset", OpenApiTypes.INT, description="Rows to skip"),
            OpenApiParameter("limit", OpenApiTypes.INT, description=f"Rows (≤ {MAX_LIMIT})"),
        ],
        responses={200: FigureRecordsSerializer, **ERRORS},
    )
    def get(self, request, key: str):
        params = RecordsQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        _check_role(request)
        label = core_figures.labels().get(key)
        if label is None or not core_figures.has_trace(key):
            raise NotFound(_("没有这个指标的明细"))
        try:
            scope = make_scope(
                user=request.user, org=_org(request, data), date_from=data.get("from"),
                date_to=data.get("to"), today=data.get("as_of"),
            )  # fmt: skip
        except PeriodError as exc:
            raise serializers.ValidationError({"from": [str(exc)]}) from exc
        window = slice(data["offset"], data["offset"] + data["limit"])
        parts = []
        for part in core_figures.trace_parts(key, scope):
            rows = part.queryset.order_by("pk")[window]
            total = None
            if part.total:
                total = str(sum((getattr(r, part.total) or 0 for r in part.queryset), Decimal(0)))
            parts.append(
                {
                    "title": part.title,
                    "columns": [c.header for c in part.columns],
                    "count": part.queryset.count(),
                    "total": total,
                    "rows": [[_text(c.render(row)) for c in part.columns] for row in rows],
                }
            )
        body = {
            "key": key, "label": str(label), "as_of": scope.today,
            "date_from": scope.date_from, "date_to": scope.date_to, "parts": parts,
        }  # fmt: skip
        return Response(FigureRecordsSerializer(body).data)


class YearsView(APIView):
    @extend_schema(
        operation_id="stats_years",
        summary="逐年统计",
        description="Each year of `years` (e.g. 2021-2025, at most 30): its flows over the "
        "year, its stocks as of its 31 December (today for the current year).",
        parameters=[
            OpenApiParameter("org", OpenApiTypes.INT, description="Organisation id (its subtree)"),
            OpenApiParameter(
                "years", OpenApiTypes.STR, description="e.g. 2021-2025; default the last five"
            ),
        ],
        responses={200: YearFiguresSerializer(many=True), **ERRORS},
    )
    def get(self, request):
        params = YearsQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        _check_role(request)
        this_year = timezone.localdate().year
        try:
            first, last = years_range(data.get("years") or f"{this_year - 4}-{this_year}")
        except PeriodError as exc:
            raise serializers.ValidationError({"years": [str(exc)]}) from exc
        rows = compute_years(user=request.user, org=_org(request, data), first=first, last=last)
        body = [{"year": r["year"], "as_of": r["as_of"], "figures": r["values"]} for r in rows]
        return Response(YearFiguresSerializer(body, many=True).data)
