"""The cases area of the rights API (/api/rights/): (prefix, viewset, basename) per route.

Cases (法律援助与调解案件): list, detail, intake, the steps of the life cycle, notes, and the court
mediation platform's export and import. Scoping is the pages' (`Case.objects.visible_to`: a lawyer
sees only the cases assigned to them; out of scope is 404); station keepers and other roles
without a case role get 403. Every write is a service of gonghui.rights.cases (services, court),
whose errors answer 400 (rules, naming the field) or 403 (who may act). POSTs honour an
`Idempotency-Key` header. Phones leave masked only; amounts are decimal strings in yuan.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import mixins, permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from gonghui.core.api import ERROR_RESPONSES, NOT_FOUND, ScopedReadOnlyViewSet, service_errors
from gonghui.core.idempotency import IDEMPOTENCY_PARAMETER, IdempotentCreateMixin, once
from gonghui.core.serializers import OUT_OF_REACH, ScopedModelSerializer
from gonghui.registry.models import Employer
from gonghui.rights.access import is_counsel, is_staff
from gonghui.rights.cases import court
from gonghui.rights.cases import queries as case_queries
from gonghui.rights.cases import services as cases
from gonghui.rights.cases.filters import CaseFilterSet
from gonghui.rights.choices import CaseChannel, CaseKind, CaseStatus
from gonghui.rights.models import Case, CaseEvent, CaseNote
from gonghui.rights.portal.forms import MAX_WORKERS

TAG = "rights-cases"
FORBIDDEN = {
    403: OpenApiResponse(description="无权办理（不是承办工会的经办人、本案律师，或是本案录入人）")
}
# The outcomes a mediation ends in (ENUM_NAME_OVERRIDES names this set CaseOutcomeEnum).
OUTCOME_CHOICES = [
    (CaseStatus.AGREEMENT.value, CaseStatus.AGREEMENT.label),
    (CaseStatus.ARBITRATION.value, CaseStatus.ARBITRATION.label),
    (CaseStatus.LITIGATION.value, CaseStatus.LITIGATION.label),
]
AMOUNT = {"max_digits": 14, "decimal_places": 2, "min_value": 0, "coerce_to_string": True}


class CaseUserPermission(permissions.BasePermission):
    """Staff (the registry roles) and lawyers/mediators; everyone else 403."""

    message = _("您没有维权案件的权限")

    def has_permission(self, request, view):
        return is_staff(request.user) or is_counsel(request.user)


# ---------------------------------------------------------------------------------------------
# Serializers
# ---------------------------------------------------------------------------------------------


class BlankIsNull(serializers.ChoiceField):
    """A status that may be absent (a case's first event comes from no status): null, as the
    schema says, never the empty string the database keeps."""

    def to_representation(self, value):
        return None if value in ("", None) else super().to_representation(value)


class EventSerializer(serializers.ModelSerializer):
    actor_name = serializers.SerializerMethodField(help_text=_("经办人；空为职工本人或系统"))
    from_status = BlankIsNull(
        choices=CaseStatus.choices, allow_null=True, read_only=True,
        help_text=_("之前的状态；收件（第一步）为空"),
    )  # fmt: skip

    class Meta:
        model = CaseEvent
        fields = ["action", "from_status", "to_status", "at", "actor_name", "note"]
        read_only_fields = fields

    def get_actor_name(self, obj) -> str | None:
        if obj.actor is None:
            return None
        return obj.actor.get_full_name() or obj.actor.get_username()


class CaseSerializer(serializers.ModelSerializer):
    """维权案件（只读）：申请人手机号码只给脱敏形式，金额为两位小数的字符串（元）。"""

    union_name = serializers.CharField(source="union.name", read_only=True)
    counsel_name = serializers.CharField(
        source="counsel.name", read_only=True, default=None, allow_null=True,
        help_text=_("承办律师/调解员；未指派为空"),
    )  # fmt: skip
    amount_claimed = serializers.DecimalField(read_only=True, **AMOUNT)
    amount_recovered = serializers.DecimalField(read_only=True, **AMOUNT)
    overdue = serializers.SerializerMethodField(help_text=_("本阶段办理期限已过且未结"))
    outcome = serializers.CharField(
        read_only=True, help_text=_("办理结果：agreement、arbitration、litigation、withdrawn 或空")
    )

    class Meta:
        model = Case
        fields = [
            "id",
            "number",
            "union",
            "union_name",
            "kind",
            "channel",
            "service_point",
            "complainant_name",
            "phone_masked",
            "employer",
            "employer_name",
            "facts",
            "workers_involved",
            "amount_claimed",
            "amount_recovered",
            "status",
            "outcome",
            "decline_reason",
            "counsel",
            "counsel_name",
            "due_on",
            "overdue",
            "court_ref",
            "court_status",
            "received_at",
            "accepted_at",
            "assigned_at",
            "mediation_at",
            "outcome_at",
            "closed_at",
            "reopen_count",
        ]
        read_only_fields = fields

    def get_overdue(self, obj) -> bool:
        from django.utils import timezone

        return obj.is_overdue(timezone.localdate())


class CaseDetailSerializer(CaseSerializer):
    events = EventSerializer(many=True, read_only=True)

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "events"]
        read_only_fields = fields


@extend_schema_field(OpenApiTypes.INT)
class _ByUserField(serializers.PrimaryKeyRelatedField):
    """An id among what the caller may pick (`choices(user)`); the same message for an id that
    does not exist and one out of reach."""

    default_error_messages = {
        "does_not_exist": OUT_OF_REACH,
        "incorrect_type": _("应为记录的 id（整数）"),
    }

    def __init__(self, *, choices, **kwargs):
        self.choices_for = choices
        super().__init__(**kwargs)

    def get_queryset(self):
        request = self.context.get("request")
        return self.choices_for(getattr(request, "user", None), self.context)

    def to_internal_value(self, data):
        is_int = isinstance(data, int) and not isinstance(data, bool)
        if not (is_int or (isinstance(data, str) and data.isascii() and data.isdigit())):
            self.fail("incorrect_type", data_type=type(data).__name__)
        return super().to_internal_value(data)


class CaseCreateSerializer(ScopedModelSerializer):
    """登记案件（经办人录入，或服务点来访登记）；手机号码明文写入，只以脱敏形式返回。"""

    union = _ByUserField(
        choices=lambda user, ctx: case_queries.intake_unions(user),
        required=False,
        allow_null=True,
        help_text=_("承办工会的 id，须在您的可编辑范围内；来访案件可不填（即服务点所属工会）"),
    )
    channel = serializers.ChoiceField(
        choices=[CaseChannel.CLERK, CaseChannel.VISIT], default=CaseChannel.CLERK,
        help_text=_("clerk：经办人录入；visit：服务点来访（须给出 service_point）"),
    )  # fmt: skip
    service_point = _ByUserField(
        choices=lambda user, ctx: case_queries.intake_points(user),
        required=False,
        allow_null=True,
        help_text=_("接待服务点的 id（您可编辑的，或您值班的）"),
    )
    kind = serializers.ChoiceField(choices=CaseKind.choices)
    phone = serializers.CharField(max_length=20, write_only=True, help_text=_("手机号码（只写）"))
    employer = _ByUserField(
        choices=lambda user, ctx: Employer.objects.visible_to(user),
        required=False,
        allow_null=True,
        help_text=_("在册被申请单位的 id"),
    )
    employer_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    complainant_name = serializers.CharField(max_length=50)
    facts = serializers.CharField(max_length=5000)
    amount_claimed = serializers.DecimalField(required=False, **AMOUNT)
    workers_involved = serializers.IntegerField(min_value=1, max_value=MAX_WORKERS, default=1)

    class Meta:
        model = Case
        fields = [
            "union",
            "channel",
            "service_point",
            "kind",
            "complainant_name",
            "phone",
            "employer",
            "employer_name",
            "facts",
            "amount_claimed",
            "workers_involved",
        ]

    def validate(self, attrs):
        point = attrs.get("service_point")
        if attrs.get("union") is None:
            if point is None:
                raise serializers.ValidationError({"union": [_("请选择承办工会")]})
            attrs["union"] = point.organisation
        if attrs.get("employer") is None and not (attrs.get("employer_name") or "").strip():
            raise serializers.ValidationError(
                {"employer_name": [_("请给出在册企业 employer 或被申请单位名称")]}
            )
        return attrs

    def to_representation(self, instance):
        return CaseDetailSerializer(instance, context=self.context).data


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, help_text=_("理由（职工可以看到）"))


class AssignSerializer(NoteSerializer):
    counsel = _ByUserField(
        choices=lambda user, ctx: case_queries.counsel_choices(user, ctx.get("case")),
        help_text=_("律师/调解员的 id：在册、属承办工会本级、上级或下级的（如县总工会的律师）"),
    )


class OutcomeSerializer(NoteSerializer):
    outcome = serializers.ChoiceField(choices=OUTCOME_CHOICES)
    amount_recovered = serializers.DecimalField(required=False, **AMOUNT)


class RecoverySerializer(NoteSerializer):
    amount_recovered = serializers.DecimalField(**AMOUNT, help_text=_("追回金额合计（元）"))


class CaseNoteSerializer(serializers.ModelSerializer):
    author_name = serializers.SerializerMethodField()

    class Meta:
        model = CaseNote
        fields = ["id", "text", "author_name", "created_at"]
        read_only_fields = ["id", "author_name", "created_at"]
        extra_kwargs = {"text": {"max_length": 5000}}

    def get_author_name(self, obj) -> str:
        return obj.author.get_full_name() or obj.author.get_username()


class CourtExportSerializer(serializers.Serializer):
    include_phone = serializers.BooleanField(
        default=False,
        help_text=_("包含申请人手机号码明文（仅管理员、经办人、审核人；记入审计日志）"),
    )


class CourtResultSerializer(serializers.Serializer):
    """法院调解平台的调解结果（格式见 docs/court-mediation.md）。"""

    schema = serializers.ChoiceField(choices=[court.RESULT_SCHEMA])
    version = serializers.ChoiceField(choices=[court.VERSION])
    case_number = serializers.CharField(max_length=20)
    court_ref = serializers.CharField(max_length=court.COURT_REF_LIMIT)
    result = serializers.ChoiceField(choices=list(court.RESULTS))
    amount_recovered = serializers.DecimalField(required=False, **AMOUNT)
    decided_on = serializers.DateField()
    note = serializers.CharField(max_length=court.NOTE_LIMIT, required=False, allow_blank=True)

    def to_document(self) -> dict:
        data = dict(self.validated_data)
        data["decided_on"] = data["decided_on"].isoformat()
        if "amount_recovered" in data:
            data["amount_recovered"] = str(data["amount_recovered"])
        return data


# ---------------------------------------------------------------------------------------------
# The viewset
# ---------------------------------------------------------------------------------------------


def _action_schema(summary: str, description: str, request, responses=None):
    return extend_schema(
        tags=[TAG],
        summary=summary,
        description=description,
        request=request,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses=responses
        or {200: CaseDetailSerializer, **ERROR_RESPONSES, **FORBIDDEN, **NOT_FOUND},
    )


@extend_schema_view(
    list=extend_schema(
        tags=[TAG],
        summary="维权案件列表",
        description=(
            "您范围内的案件（律师/调解员只见指派给本人的）；筛选条件与页面相同："
            "status、kind、union（承办工会及其下级）、counsel、overdue、q（编号或姓名）。"
        ),
    ),
    retrieve=extend_schema(
        tags=[TAG],
        summary="维权案件详情",
        description="含逐项办理记录。不在您范围内的案件与不存在的一样答 404。",
        responses={200: CaseDetailSerializer, **NOT_FOUND},
    ),
    create=extend_schema(
        tags=[TAG],
        summary="登记维权案件",
        description=(
            "经办人或管理员录入（channel=clerk），或服务点来访登记（channel=visit，值班律师也可）。"
            "新案件为“已收件”，须由录入人以外的经办人受理。没有删除操作：案件以结案或撤回结束。"
        ),
        request=CaseCreateSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={201: CaseDetailSerializer, **ERROR_RESPONSES},
    ),
)
class CaseViewSet(IdempotentCreateMixin, mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    model = Case
    select_related = ("union", "counsel", "service_point")
    serializer_class = CaseSerializer
    filterset_class = CaseFilterSet
    permission_classes = [permissions.IsAuthenticated, CaseUserPermission]

    def get_queryset(self):
        qs = super().get_queryset().defer("phone")
        if self.action != "list":
            qs = qs.prefetch_related("events__actor")
        return qs

    def get_serializer_class(self):
        if self.action == "create":
            return CaseCreateSerializer
        if self.action == "list":
            return CaseSerializer
        return CaseDetailSerializer

    def perform_create(self, serializer):
        with service_errors():
            serializer.instance = cases.receive_case(
                actor=self.request.user, **serializer.validated_data
            )

    def _answer(self, case, code=status.HTTP_200_OK) -> Response:
        case = self.get_queryset().get(pk=case.pk)
        return Response(CaseDetailSerializer(case).data, status=code)

    def _step(self, request, serializer_class, perform):
        case = self.get_object()
        data = None
        if serializer_class is not None:
            serializer = serializer_class(
                data=request.data, context={"request": request, "case": case}
            )
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data

        def run():
            with service_errors():
                perform(case, data)
            return self._answer(case)

        return once(request, run)

    @_action_schema(
        "受理", "承办工会的经办人或管理员办理；录入人不能受理本人录入的案件。", NoteSerializer
    )
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._step(
            request, NoteSerializer,
            lambda case, d: cases.accept_case(actor=request.user, case=case, note=d["note"]),
        )  # fmt: skip

    @_action_schema(
        "不予受理", "理由必填（职工可以看到）；录入人不能办理本人录入的案件。", ReasonSerializer
    )
    @action(detail=True, methods=["post"])
    def decline(self, request, pk=None):
        return self._step(
            request, ReasonSerializer,
            lambda case, d: cases.decline_case(actor=request.user, case=case, reason=d["reason"]),
        )  # fmt: skip

    @_action_schema("指派律师/调解员", "受理后指派；有结果前可改派。", AssignSerializer)
    @action(detail=True, methods=["post"])
    def assign(self, request, pk=None):
        return self._step(
            request, AssignSerializer,
            lambda case, d: cases.assign_case(
                actor=request.user, case=case, counsel=d["counsel"], note=d["note"]
            ),
        )  # fmt: skip

    @_action_schema("开始调解", "本案律师/调解员或承办工会经办人办理。", NoteSerializer)
    @action(detail=True, methods=["post"])
    def mediate(self, request, pk=None):
        return self._step(
            request, NoteSerializer,
            lambda case, d: cases.start_mediation(actor=request.user, case=case, note=d["note"]),
        )  # fmt: skip

    @_action_schema(
        "登记调解结果", "达成协议、转仲裁或转诉讼，及已追回金额（元，字符串）。", OutcomeSerializer
    )
    @action(detail=True, methods=["post"])
    def outcome(self, request, pk=None):
        return self._step(
            request, OutcomeSerializer,
            lambda case, d: cases.record_outcome(
                actor=request.user, case=case, outcome=d["outcome"],
                amount_recovered=d.get("amount_recovered", ""), note=d["note"],
            ),
        )  # fmt: skip

    @_action_schema("登记追回金额", "有结果后更正或补记追回金额合计。", RecoverySerializer)
    @action(detail=True, methods=["post"])
    def recovery(self, request, pk=None):
        return self._step(
            request, RecoverySerializer,
            lambda case, d: cases.record_recovery(
                actor=request.user, case=case, amount_recovered=d["amount_recovered"],
                note=d["note"],
            ),
        )  # fmt: skip

    @_action_schema("登记撤回", "申请人撤回（结果登记之前）。", NoteSerializer)
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        return self._step(
            request, NoteSerializer,
            lambda case, d: cases.withdraw_case(actor=request.user, case=case, note=d["note"]),
        )  # fmt: skip

    @_action_schema("结案", "登记结果（或撤回）之后结案。", NoteSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        return self._step(
            request, NoteSerializer,
            lambda case, d: cases.close_case(actor=request.user, case=case, note=d["note"]),
        )  # fmt: skip

    @_action_schema(
        "重新办理",
        "不予受理的回到“已收件”，已结案的回到“已受理”（承办律师不变）；理由必填。",
        ReasonSerializer,
    )
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._step(
            request, ReasonSerializer,
            lambda case, d: cases.reopen_case(actor=request.user, case=case, reason=d["reason"]),
        )  # fmt: skip

    @extend_schema(
        methods=["GET"],
        tags=[TAG],
        summary="办案记录列表",
        description="只有本案律师/调解员及承办工会（及其上级）可见。",
        responses={200: CaseNoteSerializer(many=True), **NOT_FOUND},
    )
    @extend_schema(
        methods=["POST"],
        tags=[TAG],
        summary="添加办案记录",
        request=CaseNoteSerializer,
        parameters=[IDEMPOTENCY_PARAMETER],
        responses={201: CaseNoteSerializer, **ERROR_RESPONSES, **FORBIDDEN, **NOT_FOUND},
    )
    # The case list's filters are not this list's: neither documented here nor applied to the case.
    @action(detail=True, methods=["get", "post"], pagination_class=None, filter_backends=[])
    def notes(self, request, pk=None):
        case = self.get_object()
        if request.method == "GET":
            rows = case_queries.notes_of(request.user, case)
            return Response(CaseNoteSerializer(rows, many=True).data)
        serializer = CaseNoteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def run():
            with service_errors():
                note = cases.add_note(
                    actor=request.user, case=case, text=serializer.validated_data["text"]
                )
            return Response(CaseNoteSerializer(note).data, status=status.HTTP_201_CREATED)

        return once(request, run)

    @_action_schema(
        "导出至法院调解平台",
        "按 docs/court-mediation.md 的格式（schema gonghui.court-mediation.case，version 1）返回"
        "案件；记入办理记录（COURT_EXPORT）和审计日志。手机号码默认脱敏。",
        CourtExportSerializer,
        responses={200: OpenApiTypes.OBJECT, **ERROR_RESPONSES, **FORBIDDEN, **NOT_FOUND},
    )
    @action(detail=True, methods=["post"], url_path="court-export", url_name="court-export")
    def court_export(self, request, pk=None):
        case = self.get_object()
        serializer = CourtExportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def run():
            with service_errors():
                document = court.export_case(
                    actor=request.user, case=case, **serializer.validated_data
                )
            return Response(document)

        return once(request, run)

    @_action_schema(
        "导入法院调解结果",
        "调解成功（success）、转仲裁（to_arbitration）、转诉讼（to_litigation）或撤回"
        "（withdrawn），经案件服务登记；有误时答 400 并指明字段，不做任何改动。",
        CourtResultSerializer,
    )
    @action(detail=True, methods=["post"], url_path="court-import", url_name="court-import")
    def court_import(self, request, pk=None):
        case = self.get_object()
        serializer = CourtResultSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def run():
            with service_errors():
                court.import_result(actor=request.user, case=case, payload=serializer.to_document())
            return self._answer(case)

        return once(request, run)


ROUTES = [("cases", CaseViewSet, "rights-case")]
