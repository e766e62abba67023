"""`GET /api/stats/`: the figures for the caller's scope, as the console prints them."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from gonghui.core.models import Organisation, OrgKind
from gonghui.core.scoping import holds_role
from gonghui.reports.figures import PeriodError, figures_for, make_scope


class StatsQuerySerializer(serializers.Serializer):
    org = serializers.IntegerField(required=False, min_value=1)
    to = serializers.DateField(required=False)

    def get_fields(self):
        # "from" is a Python keyword, so it cannot be declared as a class attribute.
        fields = super().get_fields()
        return {
            "org": fields["org"],
            "from": serializers.DateField(required=False),
            "to": fields["to"],
        }


# Active organisations of each kind, every kind present: one field per kind code.
OrgsByKindSerializer = serializers.SerializerMetaclass(
    "OrgsByKindSerializer",
    (serializers.Serializer,),
    {
        "__module__": __name__,
        **{kind: serializers.IntegerField(help_text=label) for kind, label in OrgKind.choices},
    },
)


class StatsSerializer(serializers.Serializer):
    employers = serializers.IntegerField(help_text=_("在营单位数"))
    employers_unionized = serializers.IntegerField(help_text=_("其中由正常状态的工会覆盖的单位数"))
    founding_rate = serializers.FloatField(help_text=_("建会率，四位小数"))
    founding_rate_25plus = serializers.FloatField(help_text=_("职工25人以上单位的建会率"))
    employees_unionized = serializers.IntegerField(help_text=_("已建会单位职工人数合计"))
    members = serializers.IntegerField(help_text=_("在会会员数"))
    members_new = serializers.IntegerField(help_text=_("统计期内入会且仍在会的会员数"))
    members_new_form = serializers.IntegerField(help_text=_("新就业形态在会会员数"))
    members_migrant = serializers.IntegerField(help_text=_("农民工在会会员数"))
    membership_rate = serializers.FloatField(help_text=_("已建会单位在会会员数 / 职工人数"))
    orgs_by_kind = OrgsByKindSerializer(help_text=_("各类型正常状态工会组织数"))
    unions_term_overdue = serializers.IntegerField(help_text=_("未按期换届的工会组织数"))
    applications_pending = serializers.IntegerField(help_text=_("待审核的入会、转会申请数"))
    applications_overdue = serializers.IntegerField(help_text=_("提交超过15日仍未审核的申请数"))
    members_joined_online = serializers.IntegerField(help_text=_("统计期内网上入会的会员数"))
    transfers_in = serializers.IntegerField(help_text=_("统计期内转入的会员数"))
    transfers_out = serializers.IntegerField(help_text=_("统计期内转出的会员数"))


class StatsView(APIView):
    @extend_schema(
        operation_id="stats",
        summary="统计口径",
        description=(
            "Figures (DESIGN.md, Figures) for the caller's organisations, or for `org`'s "
            "subtree; the period defaults to the current calendar year, a missing end to the "
            "calendar year of the other. Stocks are as of today, `members_new` over the period."
        ),
        parameters=[
            OpenApiParameter("org", OpenApiTypes.INT, description="Organisation id (its subtree)"),
            OpenApiParameter("from", OpenApiTypes.DATE, description="Period start (inclusive)"),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Period end (inclusive)"),
        ],
        responses={
            200: StatsSerializer,
            400: OpenApiResponse(description="A parameter is wrong; messages by parameter."),
            401: OpenApiResponse(description="Not authenticated."),
            403: OpenApiResponse(description="The caller holds no role with a registry scope."),
            404: OpenApiResponse(description="The organisation does not exist or is out of scope."),
        },
    )
    def get(self, request):
        params = StatsQuerySerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        if not holds_role(request.user):
            raise PermissionDenied(_("您没有可统计的组织范围"))
        org = None
        if "org" in data:
            org = get_object_or_404(Organisation.objects.visible_to(request.user), pk=data["org"])
        try:
            scope = make_scope(
                user=request.user, org=org, date_from=data.get("from"), date_to=data.get("to")
            )
        except PeriodError as exc:
            raise serializers.ValidationError({"from": [str(exc)]}) from exc
        return Response(figures_for(scope))
