"""Cadres demo data for `gonghui demo` (registered in gonghui.cadres.registration), generated
through the services: filled in by gonghui.cadres.workers.demo."""


def generate(*, rng, today, town1, town2) -> list[str]:
    from gonghui.cadres.ratings.demo import generate as ratings
    from gonghui.cadres.training.demo import generate as training
    from gonghui.cadres.workers.demo import generate as workers

    lines = workers(rng=rng, today=today, town1=town1, town2=town2)
    lines += training(rng=rng, today=today, town1=town1, town2=town2)
    return lines + ratings(rng=rng, today=today, town1=town1, town2=town2)


def reset() -> None:
    from gonghui.cadres import models as m

    for model in (
        m.ModelHome, m.OrgRating, m.RatingEvidence, m.CriterionScore, m.SelfAssessment,
        m.RatingRound, m.Criterion, m.RatingScheme, m.Enrolment, m.Course, m.AssessmentReport,
        m.AnnualAssessment, m.AssessmentWeights, m.QuarterlyReview, m.RecordAttachment,
        m.MonthlyRecord, m.Attendance, m.TrainingEntry, m.Certificate, m.SocialWorker,
    ):  # fmt: skip
        model.objects.all().delete()
