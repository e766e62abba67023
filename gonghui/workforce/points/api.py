"""Points in the workforce API (/api/workforce/): rules and rewards (read and write through the
services), accounts with their balance, the ledger's rows, claims (approve, refuse) and
redemptions (hand out, cancel). Scoped like the pages (`visible_to`: out of scope is 404);
input errors 400, who may act 403."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import permissions, serializers
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from gonghui.core.api import (
    ERROR_RESPONSES,
    NOT_FOUND,
    ScopedModelViewSet,
    ScopedReadOnlyViewSet,
    describe,
    service_errors,
)
from gonghui.core.models import Organisation
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField
from gonghui.workforce.models import (
    PointsAccount,
    PointsClaim,
    PointsEntry,
    PointsRule,
    Redemption,
    Reward,
)
from gonghui.workforce.points import ledger, services, views

TAG = "workforce-points"


def step(name, perform, request_serializer, summary, response_serializer, tag=TAG):
    """A POST action on one record: validate the body, run the service, answer the record."""

    def view(self, request, pk=None):
        record = self.get_object()
        data = {}
        if request_serializer is not None:
            body = request_serializer(data=request.data)
            body.is_valid(raise_exception=True)
            data = body.validated_data
        try:
            with service_errors():
                perform(request.user, record, data)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        return Response(response_serializer(self.get_object()).data)

    view.__name__ = name
    view = action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])(
        view
    )
    return extend_schema(
        tags=[tag], summary=summary, request=request_serializer,
        responses={200: response_serializer, **ERROR_RESPONSES, **NOT_FOUND},
    )(view)  # fmt: skip


class RuleSerializer(ScopedModelSerializer):
    union = ScopedRelatedField(queryset=Organisation.objects.all(),
                               help_text="基层工会（企业工会）id；登记后不能更改")  # fmt: skip

    class Meta:
        model = PointsRule
        fields = ["id", "union", *services.RULE_FIELDS]


@describe("积分规则", tag=TAG, ending="规则以停用（is_active=false）结束")
class RuleViewSet(ScopedModelViewSet):
    model = PointsRule
    select_related = ("union",)
    serializer_class = RuleSerializer
    create_service = staticmethod(services.create_rule)
    update_service = staticmethod(services.update_rule)

    def get_queryset(self):
        return super().get_queryset().order_by("pk")


class RewardSerializer(ScopedModelSerializer):
    union = ScopedRelatedField(queryset=Organisation.objects.all(),
                               help_text="基层工会（企业工会）id；登记后不能更改")  # fmt: skip

    class Meta:
        model = Reward
        fields = ["id", "union", *services.REWARD_FIELDS]


@describe("奖品", tag=TAG, ending="奖品以停止兑换（is_active=false）结束")
class RewardViewSet(ScopedModelViewSet):
    model = Reward
    select_related = ("union",)
    serializer_class = RewardSerializer
    create_service = staticmethod(services.create_reward)
    update_service = staticmethod(services.update_reward)

    def get_queryset(self):
        return super().get_queryset().order_by("pk")


class AccountSerializer(serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.name", read_only=True)
    balance = serializers.SerializerMethodField()

    class Meta:
        model = PointsAccount
        fields = ["id", "union", "member", "member_name", "balance"]

    def get_balance(self, account) -> int:
        return ledger.balance(account)


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="积分账户列表"),
    retrieve=extend_schema(tags=[TAG], summary="积分账户详情（含余额）",
                           responses={200: AccountSerializer, **NOT_FOUND}),
)  # fmt: skip
class AccountViewSet(ScopedReadOnlyViewSet):
    model = PointsAccount
    select_related = ("member",)
    serializer_class = AccountSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("pk")


class EntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = PointsEntry
        fields = ["id", "account", "kind", "points", "on", "rule", "source_key", "offsets",
                  "note", "created_at"]  # fmt: skip


class PointsReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="积分流水", description="只增不改；余额为各行之和"),
    retrieve=extend_schema(tags=[TAG], summary="积分流水详情",
                           responses={200: EntrySerializer, **NOT_FOUND}),
)  # fmt: skip
class EntryViewSet(ScopedReadOnlyViewSet):
    model = PointsEntry
    serializer_class = EntrySerializer

    def get_queryset(self):
        return super().get_queryset().order_by("-pk")

    reverse = step("reverse", lambda u, e, d: ledger.reverse_entry(actor=u, entry=e, **d),
                   PointsReasonSerializer, "冲正一笔获得的积分（每笔一次，余额不低于零）",
                   EntrySerializer)  # fmt: skip


class ClaimSerializer(serializers.ModelSerializer):
    class Meta:
        model = PointsClaim
        fields = ["id", "union", "account", "rule", "description", "occurred_on", "status",
                  "refusal_reason", "decided_at", "entry"]  # fmt: skip


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="积分申报列表"),
    retrieve=extend_schema(tags=[TAG], summary="积分申报详情",
                           responses={200: ClaimSerializer, **NOT_FOUND}),
)  # fmt: skip
class ClaimViewSet(ScopedReadOnlyViewSet):
    model = PointsClaim
    serializer_class = ClaimSerializer
    filterset_class = views.ClaimFilterSet

    def get_queryset(self):
        return super().get_queryset().order_by("-pk")

    approve = step("approve", lambda u, c, d: services.approve_claim(actor=u, claim=c), None,
                   "通过申报并按规则入账（录入人不能审核）", ClaimSerializer)  # fmt: skip
    refuse = step("refuse", lambda u, c, d: services.refuse_claim(actor=u, claim=c, **d),
                  PointsReasonSerializer, "退回申报（写明原因）", ClaimSerializer)  # fmt: skip


class RedemptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Redemption
        fields = ["id", "union", "reward", "account", "points", "status", "created_at",
                  "handed_by", "handed_at", "signed_by", "cancel_reason"]  # fmt: skip


class HandOutSerializer(serializers.Serializer):
    signed_by = serializers.CharField(max_length=50, help_text="领取人签名")


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="积分兑换列表"),
    retrieve=extend_schema(tags=[TAG], summary="积分兑换详情",
                           responses={200: RedemptionSerializer, **NOT_FOUND}),
)  # fmt: skip
class RedemptionViewSet(ScopedReadOnlyViewSet):
    model = Redemption
    serializer_class = RedemptionSerializer
    filterset_class = views.RedemptionFilterSet

    def get_queryset(self):
        return super().get_queryset().order_by("-pk")

    hand_out = step("hand_out", lambda u, r, d: services.hand_out(actor=u, redemption=r, **d),
                    HandOutSerializer, "发放奖品并由职工签收", RedemptionSerializer)  # fmt: skip
    cancel = step("cancel",
                  lambda u, r, d: services.cancel_redemption(actor=u, redemption=r, **d),
                  PointsReasonSerializer, "取消兑换（退回积分与库存）",
                  RedemptionSerializer)  # fmt: skip


ROUTES = [
    ("points-rules", RuleViewSet, "workforce-points-rule"),
    ("rewards", RewardViewSet, "workforce-reward"),
    ("points-accounts", AccountViewSet, "workforce-points-account"),
    ("points-entries", EntryViewSet, "workforce-points-entry"),
    ("points-claims", ClaimViewSet, "workforce-points-claim"),
    ("redemptions", RedemptionViewSet, "workforce-redemption"),
]
