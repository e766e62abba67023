"""The honours area of the workforce API (/api/workforce/): kinds, cycles (with the live share of
each rule), nominations (with their steps) and the honour roll. Scoped like the pages
(`visible_to`: out of scope is 404). Kinds are written through the services like the pages;
a nomination's steps are POST actions on it, through gonghui.workforce.honours.nominations
(input errors 400, who may act 403)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
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
from gonghui.workforce.honours import nominations, queries, services
from gonghui.workforce.models import Honour, HonourCycle, HonourKind, Nomination

TAG_KINDS, TAG_CYCLES, TAG_NOMINATIONS, TAG_HONOURS = (
    "workforce-kinds", "workforce-cycles", "workforce-nominations", "workforce-honours",
)  # fmt: skip


class KindSerializer(ScopedModelSerializer):
    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(), help_text="授予组织 id；登记后不能更改"
    )

    class Meta:
        model = HonourKind
        fields = ["id", "organisation", *services.KIND_FIELDS]


@describe("荣誉类别", tag=TAG_KINDS, ending="类别以停用（is_active=false）结束")
class KindViewSet(ScopedModelViewSet):
    model = HonourKind
    select_related = ("organisation",)
    serializer_class = KindSerializer
    create_service = staticmethod(services.create_kind)
    update_service = staticmethod(services.update_kind)

    def get_queryset(self):
        return super().get_queryset().order_by("pk")


class RuleShareSerializer(serializers.Serializer):
    criterion = serializers.CharField()
    comparison = serializers.CharField()
    percent_required = serializers.DecimalField(max_digits=5, decimal_places=2)
    count = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.DecimalField(max_digits=5, decimal_places=1, allow_null=True)
    passes = serializers.BooleanField()


class CycleSerializer(serializers.ModelSerializer):
    rules = serializers.SerializerMethodField()

    class Meta:
        model = HonourCycle
        fields = ["id", "kind", "organisation", "year", "name", "status", "closes_on",
                  "notice_starts_on", "notice_ends_on", "rules"]  # fmt: skip

    @extend_schema_field(RuleShareSerializer(many=True))
    def get_rules(self, cycle) -> list:
        return [
            {
                "criterion": s.rule.criterion,
                "comparison": s.rule.comparison,
                "percent_required": s.rule.percent,
                "count": s.count,
                "total": s.total,
                "percent": s.percent,
                "passes": s.passes,
            }  # fmt: skip
            for s in queries.rule_shares(cycle)
        ]


@extend_schema_view(
    list=extend_schema(tags=[TAG_CYCLES], summary="评选周期列表",
                       description="含各比例要求在推荐名单上的实时比例"),
    retrieve=extend_schema(tags=[TAG_CYCLES], summary="评选周期详情",
                           responses={200: CycleSerializer, **NOT_FOUND}),
)  # fmt: skip
class CycleViewSet(ScopedReadOnlyViewSet):
    model = HonourCycle
    select_related = ("kind", "organisation")
    serializer_class = CycleSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("-year", "pk")


class NominationStepSerializer(serializers.Serializer):
    order = serializers.IntegerField()
    organisation = serializers.IntegerField(source="organisation_id")
    status = serializers.CharField()
    comment = serializers.CharField()


class NominationSerializer(serializers.ModelSerializer):
    nominee_name = serializers.CharField(read_only=True)
    steps = NominationStepSerializer(many=True, read_only=True)

    class Meta:
        model = Nomination
        fields = ["id", "cycle", "union", "member", "employer", "team_name", "nominee_name",
                  "position", "appraised_on", "voters", "votes_for", "status",
                  "refusal_reason", "steps"]  # fmt: skip


class NominationCommentSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=200, required=False, allow_blank=True)


class NominationReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


class NominationDecisionSerializer(serializers.Serializer):
    document_number = serializers.CharField(max_length=60)
    awarded_on = serializers.DateField(required=False)


STEP_RESPONSES = {200: NominationSerializer, **ERROR_RESPONSES, **NOT_FOUND}


def _step(name, perform, request_serializer, summary):
    def view(self, request, pk=None):
        nomination = self.get_object()
        data = {}
        if request_serializer is not None:
            body = request_serializer(data=request.data)
            body.is_valid(raise_exception=True)
            data = body.validated_data
        try:
            with service_errors():
                perform(request.user, nomination, data)
        except DjangoPermissionDenied as exc:
            raise PermissionDenied(str(exc)) from exc
        nomination.refresh_from_db()
        return Response(NominationSerializer(nomination).data)

    view.__name__ = name
    view = action(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])(
        view
    )
    return extend_schema(
        tags=[TAG_NOMINATIONS], summary=summary, request=request_serializer,
        responses=STEP_RESPONSES,
    )(view)  # fmt: skip


@extend_schema_view(
    list=extend_schema(tags=[TAG_NOMINATIONS], summary="推荐列表"),
    retrieve=extend_schema(tags=[TAG_NOMINATIONS], summary="推荐详情",
                           responses={200: NominationSerializer, **NOT_FOUND}),
)  # fmt: skip
class NominationViewSet(ScopedReadOnlyViewSet):
    model = Nomination
    select_related = ("member", "employer", "union")
    serializer_class = NominationSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("steps").order_by("-pk")

    submit = _step(
        "submit", lambda u, n, d: nominations.submit(actor=u, nomination=n), None, "报送上级"
    )
    send_on = _step("send_on", lambda u, n, d: nominations.send_on(actor=u, nomination=n, **d),
                    NominationCommentSerializer, "本级同意上报")  # fmt: skip
    refuse = _step("refuse", lambda u, n, d: nominations.refuse(actor=u, nomination=n, **d),
                   NominationReasonSerializer, "不同意（写明原因）")  # fmt: skip
    approve = _step("approve", lambda u, n, d: nominations.approve(actor=u, nomination=n, **d),
                    NominationDecisionSerializer, "批准表彰（公示期满、异议均已答复）")  # fmt: skip


class HonourSerializer(serializers.ModelSerializer):
    holder_name = serializers.CharField(read_only=True)

    class Meta:
        model = Honour
        fields = ["id", "kind", "honouree", "employer", "team_name", "holder_name", "union",
                  "year", "awarded_on", "document_number", "certificate_no", "status"]  # fmt: skip


@extend_schema_view(
    list=extend_schema(tags=[TAG_HONOURS], summary="荣誉榜"),
    retrieve=extend_schema(tags=[TAG_HONOURS], summary="荣誉详情",
                           responses={200: HonourSerializer, **NOT_FOUND}),
)  # fmt: skip
class HonourViewSet(ScopedReadOnlyViewSet):
    model = Honour
    select_related = ("kind", "honouree", "employer")
    serializer_class = HonourSerializer

    def get_queryset(self):
        return super().get_queryset().order_by("-awarded_on", "-pk")


ROUTES = [
    ("honour-kinds", KindViewSet, "workforce-kind"),
    ("cycles", CycleViewSet, "workforce-cycle"),
    ("nominations", NominationViewSet, "workforce-nomination"),
    ("honours", HonourViewSet, "workforce-honour"),
]
