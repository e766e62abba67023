"""API of aid programmes and applications under /api/aid/ (routes registered by
gonghui.aid.api_urls). Scoping is the pages' (`visible_to`: out of scope is 404); every write is a
service of gonghui.aid.programmes.services / gonghui.aid.programmes.applications, whose errors
answer 400 (rules) or 403 (who may act). POSTs honour an `Idempotency-Key` header. Answers carry
masked personal data only: the member's name, masked ID number and masked bank account."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from gonghui.aid.models import AidApplication, Programme, ProgrammeKind, ReviewStep
from gonghui.aid.payments import queries as payment_queries
from gonghui.aid.programmes import applications
from gonghui.aid.programmes import services as programmes
from gonghui.aid.programmes.filters import ApplicationFilterSet, ProgrammeFilterSet
from gonghui.core.api import (
    ERROR_RESPONSES,
    NOT_FOUND,
    WITHIN,
    ScopedModelViewSet,
    ScopedReadOnlyViewSet,
    describe,
    service_errors,
)
from gonghui.core.idempotency import IDEMPOTENCY_PARAMETER, IdempotentCreateMixin, once
from gonghui.core.models import Organisation
from gonghui.core.roles import EDIT_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField
from gonghui.registry.membership_queries import CIPHERTEXT, REVIEW_ROLES
from gonghui.registry.models import Member

TAG_PROGRAMMES = "aid-programmes"
TAG_APPLICATIONS = "aid-applications"
FORBIDDEN = {
    403: OpenApiResponse(description="无权办理（不是该级审核人，或是本申请的录入人、提交人）")
}


# ---------------------------------------------------------------------------------------------
# Programmes
# ---------------------------------------------------------------------------------------------


class ProgrammeSerializer(ScopedModelSerializer):
    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(),
        help_text=_("主办工会的 id，须在您的可编辑范围内；创建后不能更改"),
    )
    kind = serializers.PrimaryKeyRelatedField(
        queryset=ProgrammeKind.objects.all(), help_text=_("项目类别的 id")
    )
    document_kinds = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=_("所需材料（由 required_documents 每行一项得出）"),
    )
    committed = serializers.SerializerMethodField(help_text=_("已列支（含待银行回单，元）"))
    is_open = serializers.SerializerMethodField(help_text=_("今天是否在申请期内"))

    class Meta:
        model = Programme
        fields = [
            "id",
            "organisation",
            *programmes.EDITABLE,
            "document_kinds",
            "committed",
            "is_open",
        ]
        extra_kwargs = {
            "eligibility": {"required": True},
            "year": {"min_value": 2000, "max_value": 2100},
            "review_levels": {"min_value": 1, "max_value": programmes.MAX_REVIEW_LEVELS},
            "notice_days": {"min_value": 0, "max_value": programmes.MAX_NOTICE_DAYS},
        }
        validators = []

    def get_committed(self, obj) -> str:
        # Annotated by the viewset (one query per page); a freshly written programme has none.
        value = getattr(obj, "net_committed", None)
        return str(value if value is not None else programmes.committed(obj))

    def get_is_open(self, obj) -> bool:
        return obj.is_open()


@describe(
    "救助项目",
    tag=TAG_PROGRAMMES,
    ending="项目以停用结束（is_active=false）",
)
@extend_schema_view(
    create=extend_schema(tags=[TAG_PROGRAMMES], parameters=[IDEMPOTENCY_PARAMETER]),
)
class ProgrammeViewSet(IdempotentCreateMixin, ScopedModelViewSet):
    """Programmes the caller sees: those of their subtree and of the organisations above them."""

    model = Programme
    select_related = ("organisation", "kind")
    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilterSet
    create_service = staticmethod(programmes.create_programme)
    update_service = staticmethod(programmes.update_programme)

    def get_queryset(self):
        return payment_queries.with_programme_totals(super().get_queryset())


# ---------------------------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------------------------


class StepSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = ReviewStep
        fields = [
            "order",
            "organisation",
            "organisation_name",
            "status",
            "amount",
            "comment",
            "decided_at",
        ]
        read_only_fields = fields


class ApplicationSerializer(serializers.ModelSerializer):
    """救助申请（只读）：申请人只给姓名和脱敏身份号码，银行账号只给脱敏形式。"""

    programme_name = serializers.CharField(source="programme.__str__", read_only=True)
    member_name = serializers.CharField(source="member.name", read_only=True)
    member_id_masked = serializers.CharField(
        source="member.id_masked", read_only=True, help_text=_("脱敏的身份号码")
    )
    union_name = serializers.CharField(source="union.name", read_only=True)
    steps = StepSerializer(many=True, read_only=True)

    class Meta:
        model = AidApplication
        fields = [
            "id",
            "programme",
            "programme_name",
            "member",
            "member_name",
            "member_id_masked",
            "union",
            "union_name",
            "channel",
            "status",
            "amount_requested",
            "amount_approved",
            "reason_text",
            "beneficiary",
            "refusal_reason",
            "payee_name",
            "bank_name",
            "bank_account_masked",
            "submitted_at",
            "approved_on",
            "notice_ends_on",
            "decided_at",
            "created_at",
            "steps",
        ]
        read_only_fields = fields


class VisibleProgrammeField(serializers.PrimaryKeyRelatedField):
    """A programme the caller sees (their own or one run above them); the same message for one
    that does not exist and one out of sight."""

    default_error_messages = {
        "does_not_exist": _("不存在或不在您的管理范围内"),
        "incorrect_type": _("应为记录的 id（整数）"),
    }

    def get_queryset(self):
        request = self.context.get("request")
        return Programme.objects.visible_to(getattr(request, "user", None))


class ApplicationCreateSerializer(ScopedModelSerializer):
    """代职工申请：member 须为您可编辑范围内的会员；bank_account 明文写入，只以脱敏形式返回。"""

    programme = VisibleProgrammeField(help_text=_("救助项目的 id"))
    member = ScopedRelatedField(
        queryset=Member.objects.all(), help_text=_("申请人（会员）的 id，须在您的可编辑范围内")
    )
    amount_requested = serializers.DecimalField(
        max_digits=14, decimal_places=2, help_text=_("申请金额（元），不超过项目的每人上限")
    )
    bank_account = serializers.CharField(
        write_only=True,
        required=False,
        allow_blank=True,
        max_length=40,
        help_text=_("银行账号（只写），读取见 bank_account_masked"),
    )

    class Meta:
        model = AidApplication
        fields = [
            "programme",
            "member",
            "amount_requested",
            "reason_text",
            "beneficiary",
            "payee_name",
            "bank_name",
            "bank_account",
        ]
        extra_kwargs = {"reason_text": {"max_length": applications.TEXT_LIMITS["reason_text"]}}

    def to_representation(self, instance):
        return ApplicationSerializer(instance, context=self.context).data


class ApproveSerializer(serializers.Serializer):
    amount = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        required=False,
        allow_null=True,
        help_text=_("核定金额（元）；不提供则按申请金额"),
    )
    comment = serializers.CharField(required=False, allow_blank=True, max_length=200)


class RefuseSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200, help_text=_("未通过原因（职工可以看到）"))


class ApplicationPermission(permissions.BasePermission):
    """Creating needs an editing role somewhere, deciding a reviewing one; the services check the
    object itself (whose union, which level, never the submitter)."""

    message = _("您没有办理权限")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        roles = EDIT_ROLES if view.action == "create" else REVIEW_ROLES | EDIT_ROLES
        return holds_role(request.user, roles)


def _action_schema(summary: str, description: str, request):
    return extend_schema(
        tags=[TAG_APPLICATIONS],
        summary=summary,
        description=description,
        request=request,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={200: ApplicationSerializer, **ERROR_RESPONSES, **FORBIDDEN, **NOT_FOUND},
    )


@extend_schema_view(
    list=extend_schema(
        tags=[TAG_APPLICATIONS],
        summary="救助申请列表",
        description="您管理范围内的救助申请；mine=true 只列待您审核的。键集（cursor）分页。",
        parameters=[WITHIN],
    ),
    retrieve=extend_schema(
        tags=[TAG_APPLICATIONS],
        summary="救助申请详情",
        description="含逐级审核环节。不在您管理范围内的记录与不存在的记录一样答 404。",
        responses={200: ApplicationSerializer, **NOT_FOUND},
    ),
    create=extend_schema(
        tags=[TAG_APPLICATIONS],
        summary="代职工申请救助",
        description=(
            "需要管理员或经办人角色；按项目规则检查（申请期、申请对象、每人上限、不得重复申请）。"
            "新申请状态为“待基层工会提交”，上传材料后由基层工会提交审核。没有删除操作：可撤回。"
        ),
        request=ApplicationCreateSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={201: ApplicationSerializer, **ERROR_RESPONSES},
    ),
)
class ApplicationViewSet(IdempotentCreateMixin, mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    model = AidApplication
    select_related = ("member", "union", "programme")
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilterSet
    permission_classes = [permissions.IsAuthenticated, ApplicationPermission]

    def get_queryset(self):
        hidden = [f"member__{name}" for name in CIPHERTEXT] + ["bank_account"]
        return super().get_queryset().defer(*hidden).prefetch_related("steps__organisation")

    def get_serializer_class(self):
        if self.action == "create":
            return ApplicationCreateSerializer
        return ApplicationSerializer

    def perform_create(self, serializer):
        with service_errors():
            serializer.instance = applications.apply(
                actor=self.request.user, **serializer.validated_data
            )

    def _answer(self, application) -> Response:
        application = self.get_queryset().get(pk=application.pk)
        return Response(ApplicationSerializer(application).data, status=status.HTTP_200_OK)

    @_action_schema(
        "提交审核",
        "基层工会经办人核对后提交：重新检查项目规则，所需材料须齐全；按审核层级生成审核环节。",
        None,
    )
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        application = self.get_object()

        def perform():
            with service_errors():
                applications.submit(actor=request.user, application=application)
            return self._answer(application)

        return once(request, perform)

    @_action_schema(
        "审核通过当前一级",
        "由当前一级审核工会（或其上级）的审核人办理；录入人、提交人不能审核。"
        "核定金额不超过申请金额和每人上限；最后一级通过即批准并开始公示。",
        ApproveSerializer,
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        application = self.get_object()
        serializer = ApproveSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def perform():
            with service_errors():
                applications.approve_step(
                    actor=request.user, application=application, **serializer.validated_data
                )
            return self._answer(application)

        return once(request, perform)

    @_action_schema(
        "不予通过",
        "由当前一级的审核人办理，或在提交审核前由基层工会经办人办理；原因必填，职工可以看到。",
        RefuseSerializer,
    )
    @action(detail=True, methods=["post"])
    def refuse(self, request, pk=None):
        application = self.get_object()
        serializer = RefuseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def perform():
            with service_errors():
                applications.refuse(
                    actor=request.user,
                    application=application,
                    reason=serializer.validated_data["reason"],
                )
            return self._answer(application)

        return once(request, perform)


ROUTES = [
    ("programmes", ProgrammeViewSet, "aid-programme"),
    ("applications", ApplicationViewSet, "aid-application"),
]
