"""The returns API under /api/returns/: returns (list, retrieve, with their values) and their
steps (submit, sign, accept, send back), scoped like the pages; catalogues read only. Values
are entered on the pages."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import permissions, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied as ApiPermissionDenied
from rest_framework.response import Response

from gonghui.core.api import ERROR_RESPONSES, NOT_FOUND, ScopedReadOnlyViewSet, service_errors
from gonghui.returns import services
from gonghui.returns.choices import ReturnStatus
from gonghui.returns.models import Catalogue, Indicator, Return, Value

TAG = "returns"


class ReturnValueSerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="indicator.code", read_only=True)
    label = serializers.CharField(source="indicator.label", read_only=True)
    form = serializers.CharField(source="indicator.form", read_only=True)
    cell = serializers.CharField(source="indicator.cell", read_only=True)

    class Meta:
        model = Value
        fields = ["code", "label", "form", "cell", "value", "origin"]


class ReturnSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="catalogue.year", read_only=True)
    union_name = serializers.CharField(source="union.name", read_only=True)
    values = ReturnValueSerializer(many=True, read_only=True)

    class Meta:
        model = Return
        fields = [
            "id", "catalogue", "year", "union", "union_name", "status", "prefilled_at",
            "submitted_at", "signed_at", "reviewed_at", "return_note", "values",
        ]  # fmt: skip
        read_only_fields = fields


class SendBackSerializer(serializers.Serializer):
    note = serializers.CharField(help_text=_("退回意见（填报工会可见）"), max_length=1000)


YEAR = OpenApiParameter("year", OpenApiTypes.INT, description="年度，如 2026")
STATUS = OpenApiParameter("status", OpenApiTypes.STR, enum=ReturnStatus.values,
                          description="状态")  # fmt: skip


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="统计年报列表", parameters=[YEAR, STATUS],
                       description="您管理范围内工会的统计年报；键集分页。"),
    retrieve=extend_schema(tags=[TAG], summary="统计年报详情（含各指标数值）",
                           responses={200: ReturnSerializer, **NOT_FOUND}),
)  # fmt: skip
class ReturnViewSet(ScopedReadOnlyViewSet):
    model = Return
    serializer_class = ReturnSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        qs = (
            super().get_queryset().select_related("union", "catalogue")
            .prefetch_related("values__indicator").order_by("-catalogue__year", "pk")
        )  # fmt: skip
        params = self.request.query_params
        year = params.get("year", "")
        if year:
            if not year.isdigit() or not 2000 <= int(year) <= 2100:
                raise serializers.ValidationError({"year": [_("年度须为 2000 至 2100 的整数")]})
            qs = qs.filter(catalogue__year=int(year))
        status = params.get("status", "")
        if status:
            if status not in ReturnStatus.values:
                raise serializers.ValidationError({"status": [_("没有这个状态")]})
            qs = qs.filter(status=status)
        return qs

    def _act(self, perform):
        ret = self.get_object()
        try:
            with service_errors():
                perform(ret)
        except PermissionDenied as denied:
            raise ApiPermissionDenied(str(denied)) from denied
        return Response(ReturnSerializer(self.get_queryset().get(pk=ret.pk)).data)

    @extend_schema(
        tags=[TAG], summary="提交统计年报", request=None,
        description="手工指标须填齐、逻辑校验须通过；提交后待本工会负责人签发。",
        responses={200: ReturnSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._act(lambda r: services.submit_return(actor=request.user, ret=r))

    @extend_schema(
        tags=[TAG], summary="签发统计年报", request=None,
        description="本工会管理员或审核人签发；逻辑校验再次运行；签发后锁定。",
        responses={200: ReturnSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        return self._act(lambda r: services.sign_return(actor=request.user, ret=r))

    @extend_schema(
        tags=[TAG], summary="上级审核通过", request=None,
        responses={200: ReturnSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )  # fmt: skip
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._act(lambda r: services.accept_return(actor=request.user, ret=r))

    @extend_schema(
        tags=[TAG], summary="退回统计年报", request=SendBackSerializer,
        description="上级工会退回并说明理由；退回后解锁，填报工会可见退回意见。",
        responses={200: ReturnSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )  # fmt: skip
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, pk=None):
        body = SendBackSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        note = body.validated_data["note"]
        return self._act(lambda r: services.send_back(actor=request.user, ret=r, note=note))


class CatalogueIndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["code", "label", "definition", "source", "form", "cell", "unit", "aggregation"]


class CatalogueSerializer(serializers.ModelSerializer):
    indicators = CatalogueIndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Catalogue
        fields = ["id", "organisation", "year", "note", "indicators"]


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="统计年报指标目录列表"),
    retrieve=extend_schema(tags=[TAG], summary="统计年报指标目录详情",
                           responses={200: CatalogueSerializer, **NOT_FOUND}),
)  # fmt: skip
class CatalogueViewSet(ScopedReadOnlyViewSet):
    model = Catalogue
    serializer_class = CatalogueSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("indicators").order_by("-year", "pk")


ROUTES = [
    ("returns", ReturnViewSet, "returns-return"),
    ("catalogues", CatalogueViewSet, "returns-catalogue"),
]
