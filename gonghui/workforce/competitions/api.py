"""Competitions in the workforce API (/api/workforce/): the catalogue (read, create, update),
each competition with its quotas, rounds and criteria; entrants (read, register, confirm,
withdraw); marks entered per judge, entrant and criterion; closing registration, publishing and
the ranking. Scoped like the pages (out of scope is 404); writes go through the services (input
errors 400, who may act 403)."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from drf_spectacular.utils import extend_schema, extend_schema_serializer, extend_schema_view
from rest_framework import permissions, serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from gonghui.core.api import (
    ERROR_RESPONSES,
    NOT_FOUND,
    EditorPermission,
    ScopedModelViewSet,
    ScopedReadOnlyViewSet,
    service_errors,
)
from gonghui.core.models import Organisation
from gonghui.core.scoping import may_edit_org
from gonghui.core.serializers import ScopedModelSerializer, ScopedRelatedField
from gonghui.registry.models import Member
from gonghui.workforce.competitions import scoring, services
from gonghui.workforce.competitions.filters import CompetitionFilterSet, EntrantFilterSet
from gonghui.workforce.models import Competition, Entrant, Round, ScoreCriterion

TAG, TAG_ENTRANTS = "workforce-competitions", "workforce-entrants"


class CriterionSerializer(serializers.ModelSerializer):
    class Meta:
        model = ScoreCriterion
        fields = ["id", "name", "weight", "max_score"]


@extend_schema_serializer(component_name="CompetitionRound")  # rights has a "Round" too
class RoundSerializer(serializers.ModelSerializer):
    criteria = CriterionSerializer(many=True, read_only=True)

    class Meta:
        model = Round
        fields = ["id", "name", "kind", "weight", "held_on", "criteria"]


class QuotaSerializer(serializers.Serializer):
    organisation = serializers.IntegerField(source="organisation_id")
    quota = serializers.IntegerField()


class CompetitionSerializer(ScopedModelSerializer):
    organisation = ScopedRelatedField(
        queryset=Organisation.objects.all(), help_text="主办工会 id；登记后不能更改"
    )
    rounds = RoundSerializer(many=True, read_only=True)
    quotas = QuotaSerializer(many=True, read_only=True)

    class Meta:
        model = Competition
        fields = ["id", "organisation", *services.COMPETITION_FIELDS, "status", "published_on",
                  "rounds", "quotas"]  # fmt: skip
        read_only_fields = ["status", "published_on"]


class LineSerializer(serializers.Serializer):
    entrant = serializers.IntegerField(source="entrant.pk")
    name = serializers.CharField(source="entrant.name")
    rank = serializers.IntegerField(allow_null=True)
    total = serializers.DecimalField(max_digits=7, decimal_places=2, allow_null=True)


class MarkSerializer(serializers.Serializer):
    judge = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    entrant = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    criterion = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    value = serializers.DecimalField(max_digits=6, decimal_places=2)


def _refused(exc):
    return PermissionDenied(str(exc))


def _run(perform):
    try:
        with service_errors():
            return perform()
    except DjangoPermissionDenied as exc:
        raise _refused(exc) from exc


ACT = dict(detail=True, methods=["post"], permission_classes=[permissions.IsAuthenticated])


@extend_schema_view(
    list=extend_schema(tags=[TAG], summary="竞赛列表",
                       description="您管理范围内主办的竞赛及上级主办的竞赛"),
    retrieve=extend_schema(tags=[TAG], summary="竞赛详情",
                           responses={200: CompetitionSerializer, **NOT_FOUND}),
    create=extend_schema(tags=[TAG], summary="登记竞赛",
                         responses={201: CompetitionSerializer, **ERROR_RESPONSES}),
    update=extend_schema(tags=[TAG], summary="修改竞赛",
                         responses={200: CompetitionSerializer, **ERROR_RESPONSES, **NOT_FOUND}),
    partial_update=extend_schema(tags=[TAG], summary="修改竞赛（部分字段）",
                                 responses={200: CompetitionSerializer, **ERROR_RESPONSES,
                                            **NOT_FOUND}),
)  # fmt: skip
class CompetitionViewSet(ScopedModelViewSet):
    model = Competition
    select_related = ("organisation",)
    serializer_class = CompetitionSerializer
    filterset_class = CompetitionFilterSet
    create_service = staticmethod(services.create_competition)

    def get_queryset(self):
        return super().get_queryset().prefetch_related("rounds__criteria", "quotas").order_by("pk")

    def perform_update(self, serializer):
        data = {k: v for k, v in serializer.validated_data.items() if k != "organisation"}
        with service_errors():
            serializer.instance = services.update_competition(
                actor=self.request.user, competition=serializer.instance, **data
            )

    def _editor(self, contest):
        if not may_edit_org(self.request.user, contest.organisation):
            raise PermissionDenied("不在您的管理范围内")

    @extend_schema(tags=[TAG], summary="成绩排名",
                   description="已公布的排名；未公布时主办方看到实时计算的预览，其他人为空",
                   responses={200: LineSerializer(many=True), **NOT_FOUND})  # fmt: skip
    @action(detail=True, methods=["get"], filter_backends=[])
    def ranking(self, request, pk=None):
        contest = self.get_object()
        if contest.status == "published":
            # Others' entrants appear by rank and mark only, as on the page.
            visible = set(Entrant.objects.visible_to(request.user).filter(competition=contest)
                          .values_list("pk", flat=True))  # fmt: skip
            fixed = contest.entrants.filter(rank__isnull=False).order_by("rank")
            rows = [{"entrant": e.pk, "name": e.name if e.pk in visible else "",
                     "rank": e.rank, "total": f"{e.total:.2f}"} for e in fixed]  # fmt: skip
            return Response(rows)
        if not may_edit_org(request.user, contest.organisation):
            return Response([])
        return Response(LineSerializer(scoring.results(contest), many=True).data)

    @extend_schema(tags=[TAG], summary="录入评分（一名评委、一名选手、一个评分项）",
                   description="评委与选手同一单位时拒绝（回避）；竞赛须在评分中",
                   request=MarkSerializer, responses={200: LineSerializer(many=True),
                                                      **ERROR_RESPONSES, **NOT_FOUND})  # fmt: skip
    @action(**ACT, filter_backends=[])
    def scores(self, request, pk=None):
        contest = self.get_object()
        self._editor(contest)
        body = MarkSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        d = body.validated_data
        judge = contest.judges.filter(pk=d["judge"]).first()
        entrant = contest.entrants.filter(pk=d["entrant"]).first()
        criterion = ScoreCriterion.objects.filter(pk=d["criterion"],
                                                  round__competition=contest).first()  # fmt: skip
        found = {"judge": judge, "entrant": entrant, "criterion": criterion}
        missing = {k: ["本竞赛没有该记录"] for k, v in found.items() if v is None}
        if missing:
            raise serializers.ValidationError(missing)
        _run(lambda: scoring.enter_scores(actor=request.user, judge=judge, entrant=entrant,
                                          marks={criterion: d["value"]}))  # fmt: skip
        return Response(LineSerializer(scoring.results(contest), many=True).data)

    @extend_schema(tags=[TAG], summary="截止报名，进入评分", request=None,
                   responses={200: CompetitionSerializer, **ERROR_RESPONSES, **NOT_FOUND})
    @action(**ACT, filter_backends=[])
    def close(self, request, pk=None):
        contest = self.get_object()
        _run(lambda: services.close_registration(actor=request.user, competition=contest))
        contest.refresh_from_db()
        return Response(CompetitionSerializer(contest, context={"request": request}).data)

    @extend_schema(tags=[TAG], summary="公布成绩", request=None,
                   responses={200: CompetitionSerializer, **ERROR_RESPONSES, **NOT_FOUND})
    @action(**ACT, filter_backends=[])
    def publish(self, request, pk=None):
        contest = self.get_object()
        publish = scoring.publish if contest.is_skills else scoring.publish_labour
        _run(lambda: publish(actor=request.user, competition=contest))
        contest.refresh_from_db()
        return Response(CompetitionSerializer(contest, context={"request": request}).data)


class EntrantSerializer(serializers.ModelSerializer):
    class Meta:
        model = Entrant
        fields = ["id", "competition", "union", "member", "name", "employer", "trade", "source",
                  "status", "registered_at", "total", "rank"]  # fmt: skip
        read_only_fields = fields


class RegisterSerializer(ScopedModelSerializer):
    competition = serializers.PrimaryKeyRelatedField(
        queryset=Competition.objects.all(), help_text="竞赛 id（您可见的竞赛）"
    )
    member = ScopedRelatedField(queryset=Member.objects.all(), help_text="报名会员 id")
    trade = serializers.CharField(max_length=50, required=False, allow_blank=True)

    class Meta:
        model = Entrant
        fields = ["competition", "member", "trade"]
        validators = []  # a second entry is the service's refusal, in its words

    def validate_competition(self, value):
        visible = Competition.objects.visible_to(self.context["request"].user)
        if not visible.filter(pk=value.pk).exists():
            raise serializers.ValidationError("不存在或不在您的管理范围内")
        return value


@extend_schema_view(
    list=extend_schema(tags=[TAG_ENTRANTS], summary="参赛选手列表"),
    retrieve=extend_schema(tags=[TAG_ENTRANTS], summary="参赛选手详情",
                           responses={200: EntrantSerializer, **NOT_FOUND}),
)  # fmt: skip
class EntrantViewSet(ScopedReadOnlyViewSet):
    model = Entrant
    select_related = ("competition",)
    serializer_class = EntrantSerializer
    filterset_class = EntrantFilterSet
    permission_classes = [permissions.IsAuthenticated, EditorPermission]

    def get_queryset(self):
        return super().get_queryset().order_by("-pk")

    @extend_schema(tags=[TAG_ENTRANTS], summary="工会为会员报名",
                   description="按名额与报名条件（在会会员、年龄、工种）检查；经办人只能为本工会会员报名",
                   request=RegisterSerializer,
                   responses={201: EntrantSerializer, **ERROR_RESPONSES})  # fmt: skip
    def create(self, request):
        body = RegisterSerializer(data=request.data, context={"request": request})
        body.is_valid(raise_exception=True)
        entrant = _run(lambda: services.register(actor=request.user, **body.validated_data))
        return Response(EntrantSerializer(entrant).data, status=status.HTTP_201_CREATED)

    @extend_schema(tags=[TAG_ENTRANTS], summary="确认职工自行报名", request=None,
                   responses={200: EntrantSerializer, **ERROR_RESPONSES, **NOT_FOUND})
    @action(**ACT, filter_backends=[])
    def confirm(self, request, pk=None):
        entrant = _run(lambda: services.confirm_entrant(actor=request.user,
                                                        entrant=self.get_object()))  # fmt: skip
        return Response(EntrantSerializer(entrant).data)

    @extend_schema(tags=[TAG_ENTRANTS], summary="退出竞赛", request=None,
                   responses={200: EntrantSerializer, **ERROR_RESPONSES, **NOT_FOUND})
    @action(**ACT, filter_backends=[])
    def withdraw(self, request, pk=None):
        entrant = _run(lambda: services.withdraw_entrant(actor=request.user,
                                                         entrant=self.get_object()))  # fmt: skip
        return Response(EntrantSerializer(entrant).data)


ROUTES = [
    ("competitions", CompetitionViewSet, "workforce-competition"),
    ("entrants", EntrantViewSet, "workforce-entrant"),
]
