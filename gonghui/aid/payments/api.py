"""API of payments under /api/aid/: the ledger (list, detail, and POST to pay, honouring an
`Idempotency-Key`) and the bank batches (read only; batches are made on the pages).

A POST with a key is answered once per (user, key) by gonghui.core.idempotency (a retry gets the
first answer), and the same key, tied to the caller, reaches the payment service as the row's
idempotency key, so that even a retry that misses the stored answer pays once.
"""

import hashlib

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from gonghui.aid.models import AidApplication, Payment, PaymentBatch
from gonghui.aid.payments import services as payments
from gonghui.aid.payments.queries import BatchFilterSet, PaymentFilterSet, with_batch_totals
from gonghui.core import idempotency
from gonghui.core.api import (
    ERROR_RESPONSES,
    NOT_FOUND,
    WITHIN,
    EditorPermission,
    ScopedReadOnlyViewSet,
    service_errors,
)
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField

TAG = "aid-payments"
CIPHERTEXT = ("application__bank_account", "application__member__id_number",
              "application__member__phone")  # fmt: skip


class PaymentSerializer(ScopedModelSerializer):
    """一笔发放（正数）或对某笔发放的冲正（负数，`reverses` 指向被冲正的发放）。
    A payment (positive) or the reversal of one (negative). 未知的字段名答 400。"""

    application = ScopedRelatedField(
        queryset=AidApplication.objects.all(),
        help_text=_("救助申请的 id：须已批准且公示期满，并在您的可编辑范围内"),
    )
    amount = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        help_text=_("金额（元，最多两位小数，大于0）；以字符串返回，避免浮点误差"),
    )
    member_name = serializers.CharField(
        source="application.member.name", read_only=True, help_text=_("申请人姓名")
    )
    is_paid = serializers.BooleanField(
        read_only=True, help_text=_("已到账：直接发放，或所在批次已银行回单")
    )

    class Meta:
        model = Payment
        fields = [
            "id",
            "programme",
            "application",
            "member_name",
            "amount",
            "batch",
            "reverses",
            "booked_on",
            "is_paid",
            "note",
            "created_at",
        ]
        read_only_fields = ["programme", "batch", "reverses", "booked_on", "created_at"]


class PaymentBatchSerializer(serializers.ModelSerializer):
    line_count = serializers.IntegerField(read_only=True, help_text=_("发放笔数（不含冲正）"))
    total = serializers.DecimalField(
        max_digits=14, decimal_places=2, read_only=True, help_text=_("发放金额合计（元）")
    )
    failed_total = serializers.DecimalField(
        max_digits=14,
        decimal_places=2,
        read_only=True,
        help_text=_("转账失败冲正合计（元，负数）"),
    )

    class Meta:
        model = PaymentBatch
        fields = [
            "id",
            "programme",
            "status",
            "line_count",
            "total",
            "failed_total",
            "created_at",
            "exported_at",
            "settled_on",
            "bank_reference",
        ]


def service_key(user, key: str | None) -> str | None:
    """The caller's key as the payment row's key: tied to the user (two callers' keys never
    collide) and hashed to a fixed length (the header allows 100 characters, so does the row)."""
    if key is None:
        return None
    return f"{user.pk}:{hashlib.sha256(key.encode()).hexdigest()}"


class ReverseSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200, help_text="冲正原因")


@extend_schema_view(
    list=extend_schema(
        tags=[TAG],
        summary="救助发放台账",
        description=(
            "您管理范围内（按申请人所在工会）的发放与冲正记录；筛选条件与页面相同；"
            "键集（cursor）分页。"
        ),
        parameters=[WITHIN],
    ),
    retrieve=extend_schema(
        tags=[TAG],
        summary="救助发放详情",
        description="不在您管理范围内的记录与不存在的记录一样答 404。",
        responses={200: PaymentSerializer, **NOT_FOUND},
    ),
    create=extend_schema(
        tags=[TAG],
        summary="发放救助金",
        description=(
            "需要主办工会（或其上级）的管理员或经办人角色。申请须已批准且公示期满；"
            "该申请已发放合计加本次不超过批准金额，项目已发放（含待银行回单）合计加本次"
            "不超过预算，否则 400，消息写明已发放、预算和剩余金额。"
            "带 Idempotency-Key 重发只发放一次。没有删除或修改："
            "发错的用 POST …/reverse/ 冲正（写一笔负数记录）。"
        ),
        parameters=[idempotency.IDEMPOTENCY_PARAMETER],
        responses={201: PaymentSerializer, **ERROR_RESPONSES},
    ),
)
class PaymentViewSet(
    idempotency.IdempotentCreateMixin, mixins.CreateModelMixin, ScopedReadOnlyViewSet
):
    model = Payment
    serializer_class = PaymentSerializer
    filterset_class = PaymentFilterSet
    permission_classes = [permissions.IsAuthenticated, EditorPermission]
    select_related = ("application__member", "batch")

    def get_queryset(self):
        # Masked answers only: the ciphertext is neither fetched nor decrypted.
        return super().get_queryset().defer(*CIPHERTEXT)

    @extend_schema(
        tags=[TAG],
        summary="冲正一笔直接发放",
        description=(
            "发错或退回的直接发放：写一笔负数冲正记录（原记录不改），须填原因；只能冲正一次。"
            "批次中的发放由批次处理（未导出的移出，银行失败的在回单时勾选）。"
            "需要主办工会的管理员或经办人角色。带 Idempotency-Key 重发只冲正一次。"
        ),
        request=ReverseSerializer,
        parameters=[idempotency.IDEMPOTENCY_PARAMETER],
        responses={201: PaymentSerializer, **ERROR_RESPONSES, **NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def reverse(self, request, pk=None):
        payment = self.get_object()
        serializer = ReverseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)

        def perform():
            with service_errors():
                reversal = payments.reverse_payment(
                    actor=request.user,
                    payment=payment,
                    reason=serializer.validated_data["reason"],
                )
            return Response(self.get_serializer(reversal).data, status=201)

        return idempotency.once(request, perform)

    def perform_create(self, serializer):
        user = self.request.user
        data = serializer.validated_data
        with service_errors():
            serializer.instance = payments.pay(
                actor=user,
                application=data["application"],
                amount=data["amount"],
                note=data.get("note", ""),
                idempotency_key=service_key(user, idempotency.request_key(self.request)),
            )


@extend_schema_view(
    list=extend_schema(
        tags=[TAG],
        summary="发放批次列表",
        description="主办工会在您管理范围内的发放批次（只读；制单、导出和回单在页面办理）。",
    ),
    retrieve=extend_schema(
        tags=[TAG],
        summary="发放批次详情",
        description="不在您管理范围内的批次与不存在的批次一样答 404。",
        responses={200: PaymentBatchSerializer, **NOT_FOUND},
    ),
)
class PaymentBatchViewSet(ScopedReadOnlyViewSet):
    model = PaymentBatch
    serializer_class = PaymentBatchSerializer
    filterset_class = BatchFilterSet

    def get_queryset(self):
        return with_batch_totals(super().get_queryset())


ROUTES = [
    ("payments", PaymentViewSet, "aid-payment"),
    ("payment-batches", PaymentBatchViewSet, "aid-payment-batch"),
]
