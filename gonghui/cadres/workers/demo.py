"""Demo data of the cadres module, generated through its services: the demo's social worker
(login `socialworker`, town 1) and two colleagues, each with six months of records (the current
month still open), attendance and training, last year's and this year's quarterly reviews, the
county's weights for last year and last year's assessments signed off (the demo worker's
appealed and answered)."""

import datetime

from gonghui.cadres.records import services as records
from gonghui.cadres.reviews import services as reviews
from gonghui.cadres.workers import services
from gonghui.core.models import User

WORK = (
    "走访辖区企业 {n} 家，宣传入会政策；协助基层工会办理会员入会、转会；",
    "入户走访困难职工 {n} 户，收集帮扶需求并协助提交救助申请；",
    "参加新就业形态劳动者集中入会活动，现场登记 {n} 人；",
    "接待职工来访 {n} 人次，转法律援助工作站处理欠薪诉求；",
)
COURSES = ("工会社工岗位培训", "劳动法律法规实务", "困难职工帮扶政策解读", "职工心理疏导")


def _months_back(today: datetime.date, n: int) -> datetime.date:
    year, month = today.year, today.month - n
    while month < 1:
        year, month = year - 1, month + 12
    return datetime.date(year, month, 1)


def generate(*, rng, today, town1, town2) -> list[str]:
    admin = User.objects.get(username="admin")
    county = town1.parent
    login = User.objects.filter(username="socialworker").first()
    workers = [
        services.create_worker(
            actor=admin,
            organisation=town1,
            name=login.name if login else "孙晓燕",
            post="驻镇工会社工",
            grade="intermediate",
            employer_of_record="县职工服务中心",
            contract_starts_on=datetime.date(today.year - 2, 3, 1),
            contract_ends_on=datetime.date(today.year + 1, 2, 28),
            user=login,
        ),
        services.create_worker(
            actor=admin,
            organisation=town1,
            name="李文静",
            post="驻镇工会社工",
            employer_of_record="县职工服务中心",
            contract_starts_on=datetime.date(today.year - 1, 7, 1),
            contract_ends_on=datetime.date(today.year + 2, 6, 30),
        ),
        services.create_worker(
            actor=admin,
            organisation=town2,
            name="周海涛",
            post="驻镇工会社工",
            grade="senior",
            employer_of_record="县职工服务中心",
            contract_starts_on=datetime.date(today.year - 3, 1, 1),
            contract_ends_on=datetime.date(today.year, 12, 31),
        ),
    ]
    services.add_certificate(
        actor=admin,
        worker=workers[0],
        name="助理社会工作师",
        number="2023350101",
        issued_on=datetime.date(today.year - 2, 11, 20),
    )
    record_count = 0
    for worker in workers:
        actor = worker.user or admin
        for back in range(5, -1, -1):
            month = _months_back(today, back)
            text = "".join(rng.choice(WORK).format(n=rng.randint(2, 12)) for _ in range(2))
            record = records.create_record(actor=actor, worker=worker, month=month, work_done=text)
            record_count += 1
            if back:
                records.submit_record(actor=actor, record=record)
                records.record_attendance(
                    actor=admin,
                    worker=worker,
                    month=month,
                    days_signed_in=rng.randint(19, 22),
                    days_leave=rng.randint(0, 2),
                )
        for _ in range(2):
            records.add_training(
                actor=admin,
                worker=worker,
                kind="course",
                title=rng.choice(COURSES),
                date=today - datetime.timedelta(days=rng.randint(10, 150)),
                hours=rng.choice(("4", "6", "8", "12")),
                result="合格",
            )
    last = today.year - 1
    reviews.set_weights(
        actor=admin, county=county, year=last, county_weight=50, host_weight=30, service_weight=20
    )
    current_quarter = (today.month - 1) // 3 + 1
    quarters = [(last, q) for q in range(1, 5)] + [
        (today.year, q) for q in range(1, current_quarter)
    ]
    for worker in workers:
        for year, quarter in quarters:
            if worker.user:
                reviews.review_quarter(
                    actor=worker.user,
                    worker=worker,
                    year=year,
                    quarter=quarter,
                    part="self",
                    score=rng.randint(80, 95),
                    note="按计划完成本季度工作",
                )
            reviews.review_quarter(
                actor=admin,
                worker=worker,
                year=year,
                quarter=quarter,
                part="union",
                score=rng.randint(75, 95),
                note="工作扎实",
            )
            if year == last:
                reviews.review_quarter(
                    actor=admin,
                    worker=worker,
                    year=year,
                    quarter=quarter,
                    part="county",
                    score=rng.randint(75, 95),
                )
        assessment = reviews.open_assessment(actor=admin, worker=worker, year=last)
        reviews.score_assessment(
            actor=admin,
            assessment=assessment,
            host_score=assessment.host_score,
            county_score=rng.randint(78, 96),
            appraisal_score=rng.randint(80, 98),
            appraisal_votes=rng.randint(20, 40),
            note="年度工作完成良好",
        )
        reviews.sign_off(actor=admin, assessment=assessment)
    if workers[0].user:
        appealed = reviews.open_assessment(actor=admin, worker=workers[0], year=last)
        reviews.appeal(
            actor=workers[0].user, assessment=appealed, reason="下半年驻村工作未计入民主测评"
        )
        reviews.answer_appeal(
            actor=admin, assessment=appealed, answer="经复核，测评已含驻村工作，维持原等次"
        )
    return [
        f"工会社工：{len(workers)} 名（登录 socialworker 为{workers[0].name}），"
        f"月度纪实 {record_count} 份，{last} 年度考核 {len(workers)} 份已审定",
    ]
