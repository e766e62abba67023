"""Quarterly reviews and annual assessments in the cadres API (/api/cadres/), read only (given
and signed off on the pages). Scoped like the pages."""

from rest_framework import serializers

from gonghui.cadres.models import AnnualAssessment, QuarterlyReview
from gonghui.cadres.records.api import _read_only
from gonghui.cadres.reviews.filters import AssessmentFilterSet, ReviewFilterSet
from gonghui.core.api import ScopedReadOnlyViewSet


class QuarterlyReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = QuarterlyReview
        fields = [
            "id", "worker", "year", "quarter", "self_score", "self_note", "union_score",
            "union_note", "county_score", "county_note",
        ]  # fmt: skip


@_read_only("季度评议")
class ReviewViewSet(ScopedReadOnlyViewSet):
    model = QuarterlyReview
    serializer_class = QuarterlyReviewSerializer
    filterset_class = ReviewFilterSet

    def get_queryset(self):
        return super().get_queryset().order_by("-year", "-quarter", "-pk")


class AnnualAssessmentSerializer(serializers.ModelSerializer):
    grade_label = serializers.CharField(source="get_grade_display", read_only=True)

    class Meta:
        model = AnnualAssessment
        fields = [
            "id", "worker", "year", "host_score", "county_score", "appraisal_score",
            "appraisal_votes", "total", "grade", "grade_label", "note", "status",
            "signed_off_at", "appeal_status", "appeal_text", "appeal_answer",
        ]  # fmt: skip


@_read_only("年度考核")
class AssessmentViewSet(ScopedReadOnlyViewSet):
    model = AnnualAssessment
    serializer_class = AnnualAssessmentSerializer
    filterset_class = AssessmentFilterSet

    def get_queryset(self):
        return super().get_queryset().order_by("-year", "-pk")


ROUTES = [
    ("quarterly-reviews", ReviewViewSet, "cadres-review"),
    ("assessments", AssessmentViewSet, "cadres-assessment"),
]
