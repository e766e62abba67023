"""The cadres pages and API in the permission matrix (gonghui/tests/test_url_scoping.py): town
B (charlie) gets 404 on town A's social worker, records, reviews and assessments; alice (the
county) reaches them."""

import datetime

SECRET_WORKER = "甲镇保密社工"

LIST_URLS = {
    "cadres:index": 200,
    "cadres:worker_list": 200,
    "cadres:worker_add": 200,
    "cadres:record_list": 200,
    "cadres:review_list": 200,
    "cadres:assessment_list": 200,
    "cadres:weights_list": 200,
    "cadres:record_add": 200,
    "cadres-worker-list": 200,
    "cadres-record-list": 200,
    "cadres-attendance-list": 200,
    "cadres-training-list": 200,
    "cadres-review-list": 200,
    "cadres-assessment-list": 200,
    "cadres:course_list": 200,
    "cadres:course_add": 200,
    "cadres:cadre_hours": 200,
    "cadres-course-list": 200,
    "cadres-enrolment-list": 200,
    "cadres:scheme_list": 200,
    "cadres:home_list": 200,
    "cadres-scheme-list": 200,
    "cadres-round-list": 200,
    "cadres-self-assessment-list": 200,
    "cadres-rating-list": 200,
    "cadres-home-list": 200,
}
TOWN_A_SECRETS = [SECRET_WORKER]


def town_a_worker(county, user):
    from gonghui.cadres.models import SocialWorker

    found = SocialWorker.objects.filter(name=SECRET_WORKER).first()
    return found or SocialWorker.objects.create(
        organisation=county.town_a, name=SECRET_WORKER, post="社工"
    )


def _month():
    return datetime.date.today().replace(day=1)


def town_a_record(county, user) -> int:
    from gonghui.cadres.models import MonthlyRecord

    return MonthlyRecord.objects.create(
        worker=town_a_worker(county, user), month=_month(), work_done="走访"
    ).pk


def town_a_attachment(county, user) -> int:
    from django.core.files.base import ContentFile

    from gonghui.cadres.models import MonthlyRecord, RecordAttachment

    document = RecordAttachment(
        record=MonthlyRecord.objects.get(pk=town_a_record(county, user)),
        kind="照片",
        original_name="a.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    document.upload.save("a", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    return document.pk


def town_a_review(county, user) -> int:
    from gonghui.cadres.models import QuarterlyReview

    return QuarterlyReview.objects.create(
        worker=town_a_worker(county, user), year=_month().year, quarter=1, self_score=80
    ).pk


def town_a_assessment(county, user) -> int:
    from gonghui.cadres.models import AnnualAssessment

    return AnnualAssessment.objects.create(
        worker=town_a_worker(county, user), year=_month().year
    ).pk


def town_a_report(county, user) -> int:
    from django.core.files.base import ContentFile

    from gonghui.cadres.models import AnnualAssessment, AssessmentReport

    document = AssessmentReport(
        assessment=AnnualAssessment.objects.get(pk=town_a_assessment(county, user)),
        kind="述职报告",
        original_name="r.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    document.upload.save("r", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    return document.pk


SECRET_COURSE = "甲镇保密培训班"
TOWN_A_SECRETS.append(SECRET_COURSE)
TOWN_A_SECRETS.append("甲镇保密评定方案")


def town_a_course(county, user) -> int:
    from gonghui.cadres.models import Course

    found = Course.objects.filter(title=SECRET_COURSE).first()
    return (
        found
        or Course.objects.create(
            organisation=county.town_a,
            title=SECRET_COURSE,
            kind="topic",
            starts_on=_month(),
            ends_on=_month(),
            hours=6,
        )
    ).pk


def town_a_enrolment(county, user) -> int:
    from gonghui.cadres.models import Course, Enrolment

    return Enrolment.objects.create(
        course=Course.objects.get(pk=town_a_course(county, user)),
        union=county.union_a,
        name="甲学员",
    ).pk


def town_a_attendance(county, user) -> int:
    from gonghui.cadres.models import Attendance

    return Attendance.objects.create(
        worker=town_a_worker(county, user), month=_month(), days_signed_in=20
    ).pk


def town_a_training(county, user) -> int:
    from gonghui.cadres.models import TrainingEntry

    return TrainingEntry.objects.create(
        worker=town_a_worker(county, user), kind="course", title="甲镇课程", date=_month()
    ).pk


SECRET_SCHEME = "甲镇保密评定方案"


def county_scheme(county):
    """A county scheme and this year's round: town B sees them too (offered to every union);
    town A's self-assessment is what it must not see."""
    from gonghui.cadres.models import Criterion, RatingRound, RatingScheme

    scheme = RatingScheme.objects.filter(name="县十星级").first()
    if scheme is None:
        scheme = RatingScheme.objects.create(county=county.county, name="县十星级", levels="一星")
        Criterion.objects.create(scheme=scheme, title="有组织", points=10)
        RatingRound.objects.create(scheme=scheme, year=_month().year)
    return scheme


def town_a_self_assessment(county, user) -> int:
    from gonghui.cadres.models import SelfAssessment

    rating_round = county_scheme(county).rounds.get()
    return SelfAssessment.objects.get_or_create(
        round=rating_round, union=county.union_a, defaults={"claimed_level": "一星", "points": 7}
    )[0].pk


def town_a_evidence(county, user) -> int:
    from django.core.files.base import ContentFile

    from gonghui.cadres.models import RatingEvidence, SelfAssessment

    document = RatingEvidence(
        assessment=SelfAssessment.objects.get(pk=town_a_self_assessment(county, user)),
        kind="照片",
        original_name="e.pdf",
        content_type="application/pdf",
        size=9,
        sha256="0" * 64,
    )
    document.upload.save("e", ContentFile(b"%PDF-1.4\n"), save=False)
    document.save()
    return document.pk


def town_a_scheme(county, user) -> int:
    """A scheme owned on town A's line (the services let only a county make one; written here
    directly), so that town B must not see it: a county's scheme is offered to every union."""
    from gonghui.cadres.models import RatingRound, RatingScheme

    scheme = RatingScheme.objects.filter(name=SECRET_SCHEME).first()
    if scheme is None:
        scheme = RatingScheme.objects.create(
            county=county.town_a, name=SECRET_SCHEME, levels="一星"
        )
        RatingRound.objects.create(scheme=scheme, year=_month().year)
    return scheme.pk


def town_a_round(county, user) -> int:
    from gonghui.cadres.models import RatingRound

    return RatingRound.objects.get(scheme_id=town_a_scheme(county, user)).pk


def town_a_rating(county, user) -> int:
    from gonghui.cadres.models import OrgRating

    return OrgRating.objects.get_or_create(
        organisation=county.union_a,
        scheme=county_scheme(county),
        year=_month().year,
        defaults={"level": "一星"},
    )[0].pk


def town_a_home(county, user) -> int:
    from gonghui.cadres.models import ModelHome

    return ModelHome.objects.create(
        organisation=county.union_a,
        kind="home",
        level="county",
        year=_month().year,
        note=SECRET_SCHEME,
    ).pk


def _worker(method="GET"):
    return (method, lambda c, u: {"pk": town_a_worker(c, u).pk})


def _record(method="GET"):
    return (method, lambda c, u: {"pk": town_a_record(c, u)})


def _assessment(method="GET"):
    return (method, lambda c, u: {"pk": town_a_assessment(c, u)})


OBJECT_URLS = {
    "cadres:worker_detail": _worker(),
    "cadres:worker_edit": _worker(),
    "cadres:worker_print": _worker(),
    "cadres:certificate_add": _worker("POST"),
    "cadres:attendance_add": _worker("POST"),
    "cadres:training_add": _worker("POST"),
    "cadres:review_give": _worker(),
    "cadres:assessment_open": _worker("POST"),
    "cadres:record_detail": _record(),
    "cadres:record_edit": _record(),
    "cadres:record_submit": _record("POST"),
    "cadres:record_refresh": _record("POST"),
    "cadres:record_attach": _record("POST"),
    "cadres:attachment_download": ("GET", lambda c, u: {"pk": town_a_attachment(c, u)}),
    "cadres:review_detail": ("GET", lambda c, u: {"pk": town_a_review(c, u)}),
    "cadres:assessment_detail": _assessment(),
    "cadres:assessment_report": _assessment("POST"),
    "cadres:assessment_score": _assessment("POST"),
    "cadres:assessment_sign_off": _assessment("POST"),
    "cadres:assessment_appeal": _assessment("POST"),
    "cadres:assessment_answer": _assessment("POST"),
    "cadres:report_download": ("GET", lambda c, u: {"pk": town_a_report(c, u)}),
    "cadres:course_detail": ("GET", lambda c, u: {"pk": town_a_course(c, u)}),
    "cadres:course_edit": ("GET", lambda c, u: {"pk": town_a_course(c, u)}),
    "cadres:course_enrol": ("POST", lambda c, u: {"pk": town_a_course(c, u)}),
    "cadres:enrolment_attend": ("POST", lambda c, u: {"pk": town_a_enrolment(c, u)}),
    "cadres-course-detail": ("GET", lambda c, u: {"pk": town_a_course(c, u)}),
    "cadres-enrolment-detail": ("GET", lambda c, u: {"pk": town_a_enrolment(c, u)}),
    "cadres-attendance-detail": ("GET", lambda c, u: {"pk": town_a_attendance(c, u)}),
    "cadres-training-detail": ("GET", lambda c, u: {"pk": town_a_training(c, u)}),
    "cadres:scheme_detail": ("GET", lambda c, u: {"pk": town_a_scheme(c, u)}),
    "cadres:scheme_criterion": ("POST", lambda c, u: {"pk": town_a_scheme(c, u)}),
    "cadres:scheme_round": ("POST", lambda c, u: {"pk": town_a_scheme(c, u)}),
    "cadres:round_detail": ("GET", lambda c, u: {"pk": town_a_round(c, u)}),
    "cadres-scheme-detail": ("GET", lambda c, u: {"pk": town_a_scheme(c, u)}),
    "cadres-round-detail": ("GET", lambda c, u: {"pk": town_a_round(c, u)}),
    "cadres:self_assess": (
        "GET",
        lambda c, u: {"pk": county_scheme(c).rounds.get().pk, "union_pk": c.union_a.pk},
    ),
    "cadres:self_assessment_detail": ("GET", lambda c, u: {"pk": town_a_self_assessment(c, u)}),
    "cadres:self_assessment_submit": ("POST", lambda c, u: {"pk": town_a_self_assessment(c, u)}),
    "cadres:self_assessment_check": ("POST", lambda c, u: {"pk": town_a_self_assessment(c, u)}),
    "cadres:self_assessment_decide": ("POST", lambda c, u: {"pk": town_a_self_assessment(c, u)}),
    "cadres:self_assessment_attach": ("POST", lambda c, u: {"pk": town_a_self_assessment(c, u)}),
    "cadres:evidence_download": ("GET", lambda c, u: {"pk": town_a_evidence(c, u)}),
    "cadres-self-assessment-detail": ("GET", lambda c, u: {"pk": town_a_self_assessment(c, u)}),
    "cadres-rating-detail": ("GET", lambda c, u: {"pk": town_a_rating(c, u)}),
    "cadres-home-detail": ("GET", lambda c, u: {"pk": town_a_home(c, u)}),
    "cadres-worker-detail": _worker(),
    "cadres-record-detail": _record(),
    "cadres-review-detail": ("GET", lambda c, u: {"pk": town_a_review(c, u)}),
    "cadres-assessment-detail": _assessment(),
}
