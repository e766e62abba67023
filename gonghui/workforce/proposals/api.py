"""Proposals in the workforce API (/api/workforce/): the clerk's register (with the submitter;
implement, verify the benefit) and the review panel's (`proposal-reviews`: the panel's fields
only, never the submitter; start the review, adopt, reject). Scoped like the pages."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, permissions, serializers, status
from rest_framework.response import Response

from gonghui.core.api import (
    ERROR_RESPONSES,
    NOT_FOUND,
    EditorPermission,
    ScopedReadOnlyViewSet,
    service_errors,
)
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField
from gonghui.registry.models import Member
from gonghui.workforce.models import Proposal
from gonghui.workforce.models.proposals import PANEL_FIELDS, AwardTier
from gonghui.workforce.points.api import step
from gonghui.workforce.proposals import services, views

TAG, TAG_PANEL = "workforce-proposals", "workforce-proposal-reviews"


class ProposalSerializer(serializers.ModelSerializer):
    member_name = serializers.CharField(source="member.name", read_only=True)

    class Meta:
        model = Proposal
        fields = ["id", "number", "union", "member", "member_name", "employer", "category",
                  "title", "problem", "idea", "expected_benefit", "channel", "status",
                  "reject_reason", "award_tier", "verified_benefit", "verified_by_name",
                  "verified_on", "submitted_on", "adopted_on", "implemented_on"]  # fmt: skip


class ProposalEntrySerializer(ScopedModelSerializer):
    member = ScopedRelatedField(queryset=Member.objects.all(), help_text="提出人（在会会员）id")
    submitted_on = serializers.DateField(required=False, help_text="提出日期，默认今天")

    class Meta:
        model = Proposal
        fields = ["member", "category", "title", "problem", "idea", "expected_benefit",
                  "submitted_on"]  # fmt: skip


class PanelSerializer(serializers.ModelSerializer):
    class Meta:
        model = Proposal
        fields = list(PANEL_FIELDS)


class ImplementSerializer(serializers.Serializer):
    implemented_on = serializers.DateField(required=False)


class BenefitSerializer(serializers.Serializer):
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, min_value=0,
                                      help_text="核实效益（元）")  # fmt: skip
    verified_by_name = serializers.CharField(max_length=50, help_text="效益核实人")


class AdoptSerializer(serializers.Serializer):
    award_tier = serializers.ChoiceField(choices=AwardTier.choices, required=False,
                                         allow_blank=True)  # fmt: skip


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200, help_text="未采纳原因（职工可见）")


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="合理化建议列表"),
    retrieve=extend_schema(tags=[TAG], summary="合理化建议详情",
                           responses={200: ProposalSerializer, **NOT_FOUND}),
    create=extend_schema(tags=[TAG], summary="录入合理化建议（经办人代职工录入）",
                         request=ProposalEntrySerializer,
                         responses={201: ProposalSerializer, **ERROR_RESPONSES}),
)  # fmt: skip
class ProposalViewSet(mixins.CreateModelMixin, ScopedReadOnlyViewSet):
    model = Proposal
    select_related = ("member",)
    serializer_class = ProposalSerializer
    filterset_class = views.ProposalFilterSet
    permission_classes = [permissions.IsAuthenticated, EditorPermission]

    def get_serializer_class(self):
        return ProposalEntrySerializer if self.action == "create" else ProposalSerializer

    def create(self, request, *args, **kwargs):
        body = ProposalEntrySerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        with service_errors():
            proposal = services.submit_proposal(actor=request.user, **body.validated_data)
        return Response(ProposalSerializer(proposal).data, status=status.HTTP_201_CREATED)

    def get_queryset(self):
        return super().get_queryset().order_by("-pk")

    implement = step("implement", lambda u, p, d: services.implement(actor=u, proposal=p, **d),
                     ImplementSerializer, "登记实施", ProposalSerializer, tag=TAG)  # fmt: skip
    verify_benefit = step(
        "verify_benefit", lambda u, p, d: services.verify_benefit(actor=u, proposal=p, **d),
        BenefitSerializer, "登记核实效益（元）与核实人", ProposalSerializer, tag=TAG,
    )  # fmt: skip


@extend_schema_view(
    list=extend_schema(tags=[TAG_PANEL], summary="评审中的建议（不含提出人）"),
    retrieve=extend_schema(tags=[TAG_PANEL], summary="评审建议详情（不含提出人）",
                           responses={200: PanelSerializer, **NOT_FOUND}),
)  # fmt: skip
class PanelViewSet(ScopedReadOnlyViewSet):
    model = Proposal
    serializer_class = PanelSerializer
    filterset_class = views.PanelFilterSet

    def get_queryset(self):
        return super().get_queryset().only(*PANEL_FIELDS, "union").order_by("-pk")

    start_review = step("start_review",
                        lambda u, p, d: services.start_review(actor=u, proposal=p), None,
                        "进入评审", PanelSerializer, tag=TAG_PANEL)  # fmt: skip
    adopt = step("adopt", lambda u, p, d: services.adopt(actor=u, proposal=p, **d),
                 AdoptSerializer, "采纳（可定奖励等次；按规则计积分）", PanelSerializer,
                 tag=TAG_PANEL)  # fmt: skip
    reject = step("reject", lambda u, p, d: services.reject(actor=u, proposal=p, **d),
                  RejectSerializer, "不采纳（写明职工可见的原因）", PanelSerializer,
                  tag=TAG_PANEL)  # fmt: skip


ROUTES = [
    ("proposals", ProposalViewSet, "workforce-proposal"),
    ("proposal-reviews", PanelViewSet, "workforce-proposal-review"),
]
