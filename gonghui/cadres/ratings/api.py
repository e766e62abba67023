"""Rating schemes, rounds, self-assessments, ratings and model homes in the cadres API
(/api/cadres/), read only (written on the pages). Scoped like the pages."""

from rest_framework import serializers

from gonghui.cadres.models import ModelHome, OrgRating, RatingRound, RatingScheme, SelfAssessment
from gonghui.cadres.records.api import _read_only
from gonghui.core.api import ScopedReadOnlyViewSet


class RatingCriterionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    points = serializers.IntegerField()
    evidence = serializers.CharField()


class RatingSchemeSerializer(serializers.ModelSerializer):
    levels = serializers.ListField(source="level_list", child=serializers.CharField())
    criteria = RatingCriterionSerializer(many=True, read_only=True)

    class Meta:
        model = RatingScheme
        fields = ["id", "county", "name", "levels", "is_active", "criteria"]


class RatingRoundSerializer(serializers.ModelSerializer):
    class Meta:
        model = RatingRound
        fields = ["id", "scheme", "year", "is_open"]


class UnionSelfAssessmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = SelfAssessment
        fields = [
            "id", "round", "union", "status", "claimed_level", "points", "town_note",
            "decided_level", "county_note",
        ]  # fmt: skip


class OrgRatingSerializer(serializers.ModelSerializer):
    class Meta:
        model = OrgRating
        fields = ["id", "organisation", "scheme", "year", "level"]


class ModelHomeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ModelHome
        fields = ["id", "organisation", "kind", "level", "year", "note"]


def _viewset(noun, model_, serializer, order):
    @_read_only(noun)
    class ViewSet(ScopedReadOnlyViewSet):
        model = model_
        serializer_class = serializer

        def get_queryset(self):
            return super().get_queryset().order_by(*order)

    ViewSet.__name__ = ViewSet.__qualname__ = f"{model_.__name__}ViewSet"
    return ViewSet


@_read_only("评定方案")
class SchemeViewSet(ScopedReadOnlyViewSet):
    model = RatingScheme
    serializer_class = RatingSchemeSerializer

    def get_queryset(self):
        return super().get_queryset().prefetch_related("criteria").order_by("name", "pk")


RoundViewSet = _viewset("年度评定", RatingRound, RatingRoundSerializer, ("-year", "pk"))
SelfAssessmentViewSet = _viewset("工会自评", SelfAssessment, UnionSelfAssessmentSerializer, ("pk",))
RatingViewSet = _viewset("工会评定结果", OrgRating, OrgRatingSerializer, ("-year", "pk"))
HomeViewSet = _viewset("模范职工之家（小家）", ModelHome, ModelHomeSerializer, ("-year", "pk"))

ROUTES = [
    ("rating-schemes", SchemeViewSet, "cadres-scheme"),
    ("rating-rounds", RoundViewSet, "cadres-round"),
    ("self-assessments", SelfAssessmentViewSet, "cadres-self-assessment"),
    ("ratings", RatingViewSet, "cadres-rating"),
    ("model-homes", HomeViewSet, "cadres-home"),
]
