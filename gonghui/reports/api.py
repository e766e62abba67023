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
from gonghui.registry.choices import NEW_EMPLOYMENT_FORMS, EmploymentForm
from gonghui.reports.figures import PeriodError, figures_for, make_scope


class StatsQuerySerializer(serializers.Serializer):
    org = serializers.IntegerField(required=False, min_value=1)
    to = serializers.DateField(required=False)
    as_of = serializers.DateField(required=False)

    def get_fields(self):
        # "from" is a Python keyword, so it cannot be declared as a class attribute.
        fields = super().get_fields()
        return {
            "org": fields["org"],
            "from": serializers.DateField(required=False),
            "to": fields["to"],
            "as_of": fields["as_of"],
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


# Active new-form members by employment form, every new form present: one field per form code.
NewFormByFormSerializer = serializers.SerializerMetaclass(
    "NewFormByFormSerializer",
    (serializers.Serializer,),
    {
        "__module__": __name__,
        **{
            form: serializers.IntegerField(help_text=EmploymentForm(form).label)
            for form in NEW_EMPLOYMENT_FORMS
        },
    },
)


def YUAN(**kwargs):  # noqa: N802 - reads as a field type
    return serializers.DecimalField(max_digits=16, decimal_places=2, **kwargs)


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
    members_women = serializers.IntegerField(
        help_text=_("女性在会会员数（由身份号码的性别位得出）")
    )
    members_new_form_by_form = NewFormByFormSerializer(
        help_text=_("按就业形态（代码）的新就业形态在会会员数，每个新就业形态都列出")
    )
    membership_rate = serializers.FloatField(help_text=_("已建会单位在会会员数 / 职工人数"))
    orgs_by_kind = OrgsByKindSerializer(help_text=_("各类型正常状态工会组织数"))
    unions_term_overdue = serializers.IntegerField(help_text=_("未按期换届的工会组织数"))
    applications_pending = serializers.IntegerField(help_text=_("待审核的入会、转会申请数"))
    applications_overdue = serializers.IntegerField(help_text=_("提交超过15日仍未审核的申请数"))
    members_joined_online = serializers.IntegerField(help_text=_("统计期内网上入会的会员数"))
    transfers_in = serializers.IntegerField(help_text=_("统计期内转入的会员数"))
    transfers_out = serializers.IntegerField(help_text=_("统计期内转出的会员数"))
    # 帮扶服务 (gonghui/aid/figures.py); yuan as exact decimal strings.
    hardship_households = serializers.IntegerField(help_text=_("在档困难职工户数（当日）"))
    aid_paid = YUAN(help_text=_("统计期内帮扶资金实际发放（元，已扣除冲正）"))
    aid_paid_by_kind = serializers.DictField(
        child=YUAN(), help_text=_("按项目类别（类别名称）的发放金额（元），每个类别都列出")
    )
    aid_recipients = serializers.IntegerField(help_text=_("统计期内实际受助人数（按身份号码）"))
    care_visits = serializers.IntegerField(help_text=_("统计期内四送走访慰问人次"))
    care_cash = YUAN(help_text=_("统计期内慰问金（元）"))
    care_goods = YUAN(help_text=_("统计期内慰问物资折价（元）"))
    insured_members = serializers.IntegerField(help_text=_("保障期与统计期重叠的医疗互助参保人次"))
    claims_paid = YUAN(help_text=_("统计期内互助理赔发放（元）"))
    claims_paid_count = serializers.IntegerField(help_text=_("统计期内有理赔发放的件数"))
    benefit_redemptions = serializers.IntegerField(help_text=_("统计期内会员日优惠使用次数"))
    benefit_discount = YUAN(help_text=_("统计期内会员日优惠金额（元）"))
    fee_refunds = YUAN(help_text=_("统计期内小微企业工会经费返还（元）"))
    fee_refund_firms = serializers.IntegerField(help_text=_("统计期内获返还的企业数"))
    # 维权 (gonghui/rights/figures.py); yuan as exact decimal strings, rates with four places.
    cases = serializers.IntegerField(help_text=_("统计期内收件的维权案件数"))
    cases_closed = serializers.IntegerField(help_text=_("统计期内结案的维权案件数"))
    cases_by_kind = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("按案件类型（类型名称）的统计期内收件数，每个类型都列出"),
    )
    wages_recovered = YUAN(help_text=_("统计期内结案的欠薪案件追回金额（元）"))
    visits = serializers.IntegerField(help_text=_("统计期内服务点来访接待人次"))
    consultations = serializers.IntegerField(help_text=_("统计期内服务点法律咨询人次"))
    receptions = serializers.IntegerField(help_text=_("统计期内服务点接待人次（来访与咨询合计）"))
    outreach_events = serializers.IntegerField(help_text=_("统计期内普法宣传活动场次"))
    handbooks = serializers.IntegerField(help_text=_("统计期内发放普法手册份数"))
    risk_points = serializers.IntegerField(help_text=_("启用中的劳动关系监测点数（当日）"))
    warnings_open = serializers.IntegerField(help_text=_("统计期末尚未处置的风险预警数"))
    contract_rate = serializers.FloatField(help_text=_("已建会单位中集体合同生效的比例（当日）"))
    contract_rate_by_kind = serializers.DictField(
        child=serializers.FloatField(),
        help_text=_("按合同类别（类别名称）的集体合同签订率，每个类别都列出"),
    )
    congress_rate = serializers.FloatField(help_text=_("已建会单位中建立职代会制度的比例"))
    open_affairs_rate = serializers.FloatField(help_text=_("已建会单位中实行厂务公开的比例"))
    counsel_active = serializers.IntegerField(help_text=_("在册律师、调解员、法律工作者数（当日）"))
    # 驿站 (gonghui/stations/figures.py).
    stations = serializers.IntegerField(help_text=_("开放的驿站数（当日）"))
    stations_by_kind = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("按类型（类型名称）的开放驿站数，每个类型都列出"),
    )
    stations_smart = serializers.IntegerField(help_text=_("含无人值守（视频监护）时段的开放驿站数"))
    stations_open_24h = serializers.IntegerField(help_text=_("每周每天24小时开放的驿站数"))
    station_visits = serializers.IntegerField(help_text=_("统计期内到站服务人次"))
    station_visitors = serializers.IntegerField(
        help_text=_("统计期内到站服务人数（扫码者按人去重，加站长登记的人数）")
    )
    incidents = serializers.IntegerField(help_text=_("统计期内驿站突发事件接报数"))
    incident_response_minutes = serializers.FloatField(
        allow_null=True, help_text=_("统计期内接报事件从接报到响应的分钟数中位数；无响应时为空")
    )
    inspections = serializers.IntegerField(help_text=_("统计期内驿站检查次数"))
    fixes_overdue = serializers.IntegerField(help_text=_("超过整改期限仍未整改的问题数（当日）"))
    # 产改 (gonghui/workforce/figures.py).
    honourees = serializers.IntegerField(help_text=_("健在且有有效荣誉的劳模工匠人数（当日）"))
    honourees_by_level = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("按最高荣誉级别（县级、市级、省级、全国）的劳模工匠人数，每人只计一次"),
    )
    honours_awarded = serializers.IntegerField(help_text=_("统计期内授予（未撤销）的荣誉数"))
    honours_awarded_by_kind = serializers.DictField(
        child=serializers.IntegerField(), help_text=_("按荣誉类别名称的统计期内授予数")
    )
    studios = serializers.IntegerField(help_text=_("未撤销命名的创新工作室数（当日）"))
    studios_by_level = serializers.DictField(
        child=serializers.IntegerField(), help_text=_("按命名级别的创新工作室数")
    )
    studio_alliances = serializers.IntegerField(help_text=_("创新工作室联盟数"))
    honourees_due_checkup = serializers.IntegerField(
        help_text=_("应安排健康体检的劳模（在职一年、退休两年未体检）")
    )
    # 合理化建议与积分 (gonghui/workforce/points/figures.py); benefit in yuan as a decimal string.
    proposals = serializers.IntegerField(help_text=_("统计期内提出的合理化建议数"))
    proposals_adopted = serializers.IntegerField(
        help_text=_("统计期内提出、已采纳（含已实施）的建议数")
    )
    proposals_implemented = serializers.IntegerField(help_text=_("统计期内提出、已实施的建议数"))
    proposal_benefit = YUAN(help_text=_("统计期内提出的建议经核实的效益（元）"))
    points_awarded = serializers.IntegerField(help_text=_("统计期内发放的积分（扣除冲正）"))
    points_redeemed = serializers.IntegerField(
        help_text=_("统计期内兑换奖品用去的积分（扣除取消）")
    )
    # 劳动和技能竞赛 (gonghui/workforce/competitions/figures.py).
    competitions = serializers.IntegerField(help_text=_("统计期内举办（日期与统计期相交）的竞赛数"))
    competition_entrants = serializers.IntegerField(
        help_text=_("统计期内竞赛报名人次（未退出）")
    )
    # 工会社工 (gonghui/cadres/figures.py); hours as exact decimal strings with one place.
    social_workers = serializers.IntegerField(help_text=_("在岗工会社工数（当日）"))
    monthly_records = serializers.IntegerField(help_text=_("统计期内各月已提交的月度工作纪实数"))
    assessments = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("统计期内各年度已审定的年度考核数，按等次（等次名称），每个等次都列出"),
    )
    cadres_trained = serializers.IntegerField(help_text=_("统计期内干部培训结业人数（工会+姓名）"))
    training_hours = serializers.DecimalField(
        max_digits=10, decimal_places=1, help_text=_("统计期内结业的干部培训出勤学时合计")
    )
    unions_rated = serializers.DictField(
        child=serializers.IntegerField(),
        help_text=_("统计期内各年度获评定的工会数，按等级（等级名称）；只列出有评定的等级"),
    )
    model_homes = serializers.IntegerField(help_text=_("统计期内各年度评选的模范职工之家（小家）"))


class StatsView(APIView):
    @extend_schema(
        operation_id="stats",
        summary="统计口径",
        description=(
            "Figures (DESIGN.md, Figures) for the caller's organisations, or for `org`'s "
            "subtree; the period defaults to the current calendar year, a missing end to the "
            "calendar year of the other. Stocks are as of `as_of` (default today), `members_new` "
            "over the period."
        ),
        parameters=[
            OpenApiParameter("org", OpenApiTypes.INT, description="Organisation id (its subtree)"),
            OpenApiParameter("from", OpenApiTypes.DATE, description="Period start (inclusive)"),
            OpenApiParameter("to", OpenApiTypes.DATE, description="Period end (inclusive)"),
            OpenApiParameter(
                "as_of",
                OpenApiTypes.DATE,
                description="The day stocks are counted on (members, employers, unions; "
                "default today), from the records' own dates",
            ),
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
                user=request.user,
                org=org,
                date_from=data.get("from"),
                date_to=data.get("to"),
                today=data.get("as_of"),
            )
        except PeriodError as exc:
            raise serializers.ValidationError({"from": [str(exc)]}) from exc
        values = figures_for(scope)
        # Through the serializer so yuan are exact decimal strings, not floats.
        return Response({**values, **StatsSerializer(values).data})
