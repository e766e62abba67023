"""The REST API under /api/: organisations, employers and members (list, detail, create,
update; no delete), the OpenAPI schema and its docs page. Viewsets are thin: scoping, the write
path and the error mapping live in gonghui.core.api."""

from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework import permissions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.routers import DefaultRouter

from gonghui.core.api import (
    ERROR_RESPONSES,
    NOT_FOUND,
    DocsView,
    ScopedModelViewSet,
    describe,
    service_errors,
)
from gonghui.core.api_workbench import WorkbenchView
from gonghui.core.filters import OrganisationFilterSet
from gonghui.core.models import Organisation
from gonghui.core.sealed_search import is_personal
from gonghui.core.serializers import MoveSerializer, OrganisationSerializer
from gonghui.core.services import orgs
from gonghui.registry import services as registry
from gonghui.registry.choices import MemberStatus
from gonghui.registry.filters import ALL, EmployerFilterSet, MemberFilterSet
from gonghui.registry.models import Employer, Member
from gonghui.registry.serializers import EmployerSerializer, MemberSerializer


@describe("工会组织", tag="organisations", ending="组织以状态结束（status=dissolved 撤销）")
class OrganisationViewSet(ScopedModelViewSet):
    model = Organisation
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilterSet
    create_service = staticmethod(orgs.create_organisation)
    update_service = staticmethod(orgs.update_organisation)

    @extend_schema(
        tags=["organisations"],
        summary="移动工会组织（连同全部下级）",
        description="新的上级须在您的可编辑范围内；组织类型须可设在其下。记入审计日志。",
        request=MoveSerializer,
        responses={200: OrganisationSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        organisation = self.get_object()
        serializer = MoveSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        with service_errors(rename={"parent": "new_parent"}):
            moved = orgs.move_organisation(
                actor=request.user,
                organisation=organisation,
                new_parent=serializer.validated_data["new_parent"],
            )
        return Response(self.get_serializer(moved).data)


@describe(
    "单位", tag="employers", ending="单位以经营状态结束（operating_status=deregistered 注销）"
)
class EmployerViewSet(ScopedModelViewSet):
    model = Employer
    select_related = ("union",)
    serializer_class = EmployerSerializer
    filterset_class = EmployerFilterSet
    create_service = staticmethod(registry.create_employer)
    update_service = staticmethod(registry.update_employer)


class MemberSearchSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=50, help_text="完整身份号码或手机号码（也可为姓名等）")
    status = serializers.ChoiceField(
        choices=[*MemberStatus.values, ALL], required=False, help_text="会籍状态，同列表"
    )


@describe(
    "会员",
    tag="members",
    ending="会员以会籍状态结束（status=left 退会，并填 left_on）",
    list_parameters=[
        OpenApiParameter(
            "status",
            OpenApiTypes.STR,
            enum=[*MemberStatus.values, ALL],
            description="会籍状态；不提供时只列在会（active）会员，status=all 列全部",
        ),
        OpenApiParameter(
            "q",
            OpenApiTypes.STR,
            description="搜索：姓名、拼音首字母、身份号码后四位、完整身份号码或手机号码",
        ),
        OpenApiParameter("employer", OpenApiTypes.INT, description="工作单位 id"),
    ],
)
class MemberViewSet(ScopedModelViewSet):
    model = Member
    serializer_class = MemberSerializer
    filterset_class = MemberFilterSet
    create_service = staticmethod(registry.create_member)
    update_service = staticmethod(registry.update_member)

    def get_queryset(self):
        # The ciphertext is neither fetched nor decrypted: answers carry masked values only.
        return super().get_queryset().defer(*registry.REVEALABLE)

    def list(self, request, *args, **kwargs):
        # A whole ID or phone number in a URL lands in every access log on the way.
        if is_personal(request.query_params.get("q", "")):
            raise serializers.ValidationError(
                {"q": ["完整身份号码或手机号码不能放在网址中：请 POST /api/members/search/ 提交"]}
            )
        return super().list(request, *args, **kwargs)

    @extend_schema(
        summary="按完整身份号码或手机号码查找会员",
        description="号码放在请求体中（不进访问日志）；范围与列表相同，答复为列表的一页。",
        request=MemberSearchSerializer,
        responses={200: MemberSerializer(many=True), **ERROR_RESPONSES},
    )
    @action(detail=False, methods=["post"], permission_classes=[permissions.IsAuthenticated])
    def search(self, request):
        query = MemberSearchSerializer(data=request.data)
        query.is_valid(raise_exception=True)
        found = MemberFilterSet(query.validated_data, queryset=self.get_queryset(), request=request)
        page = self.paginate_queryset(found.qs)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


router = DefaultRouter()
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("employers", EmployerViewSet, basename="employer")
router.register("members", MemberViewSet, basename="member")

urlpatterns = [
    path("", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", login_required(DocsView.as_view(url_name="schema")), name="api-docs"),
    path("stats/", include("gonghui.reports.api_urls")),
    path("workbench/", WorkbenchView.as_view(), name="workbench"),
    path("aid/", include("gonghui.aid.api_urls")),
    path("rights/", include("gonghui.rights.api_urls")),
    path("stations/", include("gonghui.stations.api_urls")),
    path("workforce/", include("gonghui.workforce.api_urls")),
    path("cadres/", include("gonghui.cadres.api_urls")),
    path("returns/", include("gonghui.returns.api_urls")),
]
