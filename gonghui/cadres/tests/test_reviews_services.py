"""Quarterly reviews, the county's weights and the annual assessment with its appeal."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from gonghui.cadres.choices import AppealStatus, Grade
from gonghui.cadres.reviews import services

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year - 1


def test_each_part_is_given_by_its_own(county, alice, bob, sam):
    services.review_quarter(
        actor=sam.user, worker=sam, year=YEAR, quarter=2, part="self", score=85, note="完成走访"
    )
    with pytest.raises(PermissionDenied):
        services.review_quarter(
            actor=sam.user, worker=sam, year=YEAR, quarter=2, part="union", score=100
        )
    with pytest.raises(PermissionDenied):
        services.review_quarter(
            actor=bob, worker=sam, year=YEAR, quarter=2, part="county", score=90
        )
    services.review_quarter(actor=bob, worker=sam, year=YEAR, quarter=2, part="union", score=88)
    review = services.review_quarter(
        actor=alice, worker=sam, year=YEAR, quarter=2, part="county", score=90
    )
    assert (review.self_score, review.union_score, review.county_score) == (85, 88, 90)
    with pytest.raises(ValidationError):  # closed once the county has reviewed
        services.review_quarter(actor=bob, worker=sam, year=YEAR, quarter=2, part="union", score=60)


def test_scores_and_quarters_are_checked(county, sam):
    with pytest.raises(ValidationError) as exc:
        services.review_quarter(
            actor=sam.user, worker=sam, year=YEAR, quarter=5, part="self", score=101
        )
    assert set(exc.value.message_dict) == {"quarter", "score"}


def test_weights_must_sum_to_a_hundred(county, alice, bob):
    with pytest.raises(ValidationError) as exc:
        services.set_weights(
            actor=alice,
            county=county.county,
            year=YEAR,
            county_weight=50,
            host_weight=30,
            service_weight=30,
        )
    assert "110%" in str(exc.value)
    with pytest.raises(ValidationError):
        services.set_weights(
            actor=bob,
            county=county.county,
            year=YEAR,
            county_weight=50,
            host_weight=30,
            service_weight=20,
        )
    weights = services.set_weights(
        actor=alice,
        county=county.county,
        year=YEAR,
        county_weight=50,
        host_weight=30,
        service_weight=20,
    )
    assert str(weights).startswith(f"{YEAR}年")


def _assessed(county, alice, bob, sam):
    services.set_weights(
        actor=alice,
        county=county.county,
        year=YEAR,
        county_weight=50,
        host_weight=30,
        service_weight=20,
    )
    for quarter, score in ((1, 90), (2, 80)):
        services.review_quarter(
            actor=bob, worker=sam, year=YEAR, quarter=quarter, part="union", score=score
        )
    assessment = services.open_assessment(actor=sam.user, worker=sam, year=YEAR)
    assert assessment.host_score == Decimal("85.0")  # the mean of the union's quarters
    services.upload_report(
        actor=sam.user,
        assessment=assessment,
        upload=SimpleUploadedFile("述职.pdf", b"%PDF-1.4\n", "application/pdf"),
    )
    return assessment


def test_sign_off_weighs_grades_and_locks(county, alice, bob, sam):
    assessment = _assessed(county, alice, bob, sam)
    with pytest.raises(PermissionDenied):
        services.score_assessment(
            actor=bob, assessment=assessment, host_score=85, county_score=90, appraisal_score=95
        )
    with pytest.raises(ValidationError) as exc:
        services.sign_off(actor=alice, assessment=assessment)
    assert "county_score" in exc.value.message_dict
    services.score_assessment(
        actor=alice,
        assessment=assessment,
        host_score="85",
        county_score="92",
        appraisal_score="95.5",
        appraisal_votes=30,
    )
    assessment = services.sign_off(actor=alice, assessment=assessment)
    # 92×50% + 85×30% + 95.5×20% = 46 + 25.5 + 19.1
    assert assessment.total == Decimal("90.6")
    assert assessment.grade == Grade.EXCELLENT and assessment.is_locked
    with pytest.raises(ValidationError):
        services.score_assessment(
            actor=alice, assessment=assessment, host_score=1, county_score=1, appraisal_score=1
        )
    with pytest.raises(ValidationError):
        services.upload_report(
            actor=sam.user,
            assessment=assessment,
            upload=SimpleUploadedFile("b.pdf", b"%PDF-1.4\n", "application/pdf"),
        )
    with pytest.raises(ValidationError):  # the year's weights stay once used
        services.set_weights(
            actor=alice,
            county=county.county,
            year=YEAR,
            county_weight=40,
            host_weight=40,
            service_weight=20,
        )


def test_sign_off_needs_the_years_weights(county, alice, bob, sam):
    assessment = services.open_assessment(actor=alice, worker=sam, year=YEAR)
    services.score_assessment(
        actor=alice, assessment=assessment, host_score=70, county_score=70, appraisal_score=70
    )
    with pytest.raises(ValidationError) as exc:
        services.sign_off(actor=alice, assessment=assessment)
    assert "weights" in exc.value.message_dict


def test_the_worker_appeals_once_and_the_county_answers(county, alice, bob, sam, tina):
    assessment = _assessed(county, alice, bob, sam)
    with pytest.raises(ValidationError):  # not before sign-off
        services.appeal(actor=sam.user, assessment=assessment, reason="不服")
    services.score_assessment(
        actor=alice, assessment=assessment, host_score=60, county_score=65, appraisal_score=70
    )
    assessment = services.sign_off(actor=alice, assessment=assessment, grade=Grade.BASIC)
    with pytest.raises(PermissionDenied):
        services.appeal(actor=tina.user, assessment=assessment, reason="代申诉")
    services.appeal(actor=sam.user, assessment=assessment, reason="第四季度工作未计入")
    with pytest.raises(ValidationError):
        services.appeal(actor=sam.user, assessment=assessment, reason="再诉")
    with pytest.raises(PermissionDenied):
        services.answer_appeal(actor=bob, assessment=assessment, answer="同意")
    assessment = services.answer_appeal(
        actor=alice, assessment=assessment, answer="经复核，改为称职", grade=Grade.COMPETENT
    )
    assert assessment.grade == Grade.COMPETENT
    assert assessment.grade_before_appeal == Grade.BASIC
    assert assessment.appeal_status == AppealStatus.UPHELD
