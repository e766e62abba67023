"""The cadres models, one module per feature."""

from gonghui.cadres.models.ratings import (
    Criterion,
    CriterionScore,
    ModelHome,
    OrgRating,
    RatingEvidence,
    RatingRound,
    RatingScheme,
    SelfAssessment,
)
from gonghui.cadres.models.records import Attendance, MonthlyRecord, RecordAttachment, TrainingEntry
from gonghui.cadres.models.reviews import (
    AnnualAssessment,
    AssessmentReport,
    AssessmentWeights,
    QuarterlyReview,
)
from gonghui.cadres.models.training import Course, Enrolment
from gonghui.cadres.models.workers import Certificate, SocialWorker

__all__ = [
    "AnnualAssessment", "AssessmentReport", "AssessmentWeights", "Attendance", "Certificate",
    "Course", "Criterion", "CriterionScore", "Enrolment", "ModelHome", "OrgRating",
    "RatingEvidence", "RatingRound", "RatingScheme", "SelfAssessment",
    "MonthlyRecord", "QuarterlyReview", "RecordAttachment", "SocialWorker", "TrainingEntry",
]  # fmt: skip
