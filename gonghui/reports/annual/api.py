"""Annual reports in the API (/api/stats/annual-reports/): the snapshots the caller may see
(list, detail, with the stored figures), and starting a new one as a background job. Scoped like
the pages (REPORT_ROLES; out of scope is 404, or 400 for the organisation of a new one)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from gonghui.core.api import NOT_FOUND, ScopedReadOnlyViewSet
from gonghui.core.models import Organisation
from gonghui.core.scoping import holds_role
from gonghui.reports.annual import jobs
from gonghui.reports.annual.models import REPORT_ROLES, AnnualReport

TAG = "reports"


class AnnualReportSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = AnnualReport
        fields = [
            "id", "year", "organisation", "organisation_name", "figures", "by_town",
            "created_by", "created_at", "rendered_at",
        ]  # fmt: skip


class GenerateSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=9999, help_text=_("年度"))
    organisation = serializers.IntegerField(
        min_value=1, help_text=_("组织 id（须在您的管理范围内）")
    )


class JobSerializer(serializers.Serializer):
    job = serializers.IntegerField(help_text=_("后台任务 id"))
    status = serializers.CharField(help_text=_("任务状态：queued、running、done、failed"))
    report = serializers.IntegerField(allow_null=True, help_text=_("已生成的快照 id（任务完成后）"))


class ReportPermission(permissions.BasePermission):
    message = _("您没有查看或生成年度报告的权限")

    def has_permission(self, request, view):
        return holds_role(request.user, REPORT_ROLES)


@extend_schema_view(
    list=extend_schema(
        tags=[TAG], summary="年度报告快照列表",
        description="您管理范围内组织的年度报告快照（保存的本年、上年及各下级数据）；键集分页。",
    ),
    retrieve=extend_schema(
        tags=[TAG], summary="年度报告快照详情",
        description="不在范围内与不存在一样答 404。",
        responses={200: AnnualReportSerializer, **NOT_FOUND},
    ),
)  # fmt: skip
class AnnualReportViewSet(ScopedReadOnlyViewSet):
    model = AnnualReport
    select_related = ("organisation",)
    serializer_class = AnnualReportSerializer
    permission_classes = [permissions.IsAuthenticated, ReportPermission]

    def get_queryset(self):
        return super().get_queryset().order_by("-pk")

    @extend_schema(
        tags=[TAG],
        summary="生成年度报告（后台任务）",
        description=(
            "统计该组织及其下级本年、上年和各直属下级的数据，保存快照并生成报告文件；"
            "返回后台任务。组织须在您的管理范围内（管理员、经办人、领导）。记入审计日志。"
        ),
        request=GenerateSerializer,
        responses={
            202: JobSerializer,
            400: OpenApiResponse(description="输入有误：{字段: [消息]}"),
            403: OpenApiResponse(description="无权生成年度报告"),
        },
    )
    @action(detail=False, methods=["post"])
    def generate(self, request):
        body = GenerateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        organisation = (
            Organisation.objects.visible_to(request.user, roles=REPORT_ROLES)
            .filter(pk=body.validated_data["organisation"])
            .first()
        )
        if organisation is None:
            raise ValidationError({"organisation": [_("不存在或不在您的管理范围内")]})
        try:
            job = jobs.start(
                actor=request.user, organisation=organisation, year=body.validated_data["year"]
            )
        except DjangoValidationError as exc:
            raise ValidationError(exc.message_dict) from exc
        except DjangoPermissionDenied as exc:
            raise PermissionDenied from exc
        data = {"job": job.pk, "status": job.status, "report": job.result.get("report")}
        return Response(JobSerializer(data).data, status=status.HTTP_202_ACCEPTED)


ROUTES = [("annual-reports", AnnualReportViewSet, "annual-report")]
