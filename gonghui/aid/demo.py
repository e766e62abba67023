"""Aid data for `gonghui demo` (registered in gonghui.aid.registration): hardship files,
programmes with applications at every stage and their payments, a winter care campaign, the
mutual-aid plan, member-day offers and fee refunds. Everything goes through the services, as the
registry's demo activity does; only dates are moved back, as if the work had been done earlier.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.db.models import Q

from gonghui.aid.benefits import services as benefits
from gonghui.aid.care import services as care
from gonghui.aid.choices import CareSeason, Eligibility, HardshipCause, HardshipLevel
from gonghui.aid.hardship import services as hardship
from gonghui.aid.insurance import services as insurance
from gonghui.aid.models import (
    AidApplication,
    BenefitOffer,
    CareCampaign,
    CareVisit,
    Claim,
    ClaimPayment,
    Document,
    Enrolment,
    FeeRefund,
    HardshipFile,
    InsurancePlan,
    Merchant,
    Payment,
    PaymentBatch,
    Programme,
    ProgrammeKind,
    Redemption,
    RefundPayment,
    RefundPolicy,
    ReviewStep,
)
from gonghui.aid.payments import services as payments
from gonghui.aid.programmes import applications
from gonghui.aid.programmes import services as programmes
from gonghui.aid.refunds import services as fee_refunds
from gonghui.core import sms
from gonghui.core.models import OrgKind, User
from gonghui.portal.cards import card_token
from gonghui.registry.models import Employer, Member

Y = Decimal
HARDSHIP_FILES = 24  # per town
CAUSES = [c.value for c in HardshipCause]


def reset() -> None:
    for model in (
        RefundPayment, FeeRefund, RefundPolicy, Redemption, BenefitOffer, Merchant,
        ClaimPayment, Claim, Enrolment, InsurancePlan, CareVisit, CareCampaign, Payment,
        PaymentBatch, Document, ReviewStep, AidApplication, Programme, HardshipFile,
    ):  # fmt: skip
        model.objects.all().delete()
    ProgrammeKind.objects.filter(builtin=False).delete()


def generate(*, rng: random.Random, today: datetime.date, town1, town2) -> list[str]:
    names = ["admin", "clerk", "clerk2", "reviewer"]
    users = {u.username: u for u in User.objects.filter(username__in=names)}
    county = town1.parent
    with sms.muted():
        files = _hardship(rng, today, users, [town1, town2])
        grant = _programmes(rng, today, users, county, files)
        _care(rng, today, users, county, [town1, town2])
        _insurance(rng, today, users, county, town1)
        _benefits(rng, today, users, county, town1)
        _refunds(rng, today, users, county, town1)
    return [
        f"帮扶服务：困难职工档案 {HardshipFile.objects.on_file().count()} 户在档；"
        f"{grant.name}等救助项目的申请处于待提交、审核中、公示中、已发放各阶段。",
    ]


def _members(town, n: int, rng: random.Random, exclude=None, **filters) -> list[Member]:
    qs = Member.objects.active().filter(union__path__startswith=town.path, **filters)
    if exclude is not None:
        qs = qs.exclude(exclude)
    ids = list(qs.values_list("pk", flat=True)[: n * 5])
    return list(Member.objects.filter(pk__in=rng.sample(ids, min(n, len(ids)))))


def _hardship(rng, today, users, towns) -> list[HardshipFile]:
    files = []
    for town, clerk in zip(towns, (users["clerk"], users["clerk2"]), strict=True):
        for i, member in enumerate(_members(town, HARDSHIP_FILES, rng)):
            size = rng.randint(2, 5)
            file = hardship.create_file(
                actor=clerk, member=member, level=rng.choice([HardshipLevel.COUNTY] * 3 + [
                    HardshipLevel.PROVINCIAL, HardshipLevel.NATIONAL]),
                causes=rng.sample(CAUSES, rng.randint(1, 2)), cause_note="",
                household_size=size, monthly_income=Y(rng.randint(600, 700 * size)),
                local_line=Y("760.00"), file_number=f"KN{today.year}{town.pk:03d}{i:03d}",
                household=[{"name": f"{member.name[0]}家属{k}", "relation": "子女",
                            "birth_year": today.year - rng.randint(6, 20), "occupation": "在读",
                            "health": "健康", "monthly_income": Y("0")} for k in range(size - 1)],
            )  # fmt: skip
            if i % 6 != 5:  # most are reviewed by the county; some still wait
                hardship.decide_file(actor=users["reviewer"], file=file, approve=True)
                files.append(file)
    # Filed in earlier years: a few are due for their yearly review.
    due = [f.pk for f in files[:: len(files) // 4 or 1]]
    HardshipFile.objects.filter(pk__in=due).update(
        filed_on=today.replace(year=today.year - 2), reviewed_on=today.replace(year=today.year - 2)
    )
    return files


def _programmes(rng, today, users, county, files) -> Programme:
    year_start = datetime.date(today.year, 1, 1)
    common = {"actor": users["admin"], "organisation": county, "year": today.year,
              "opens_on": year_start, "closes_on": datetime.date(today.year, 12, 31)}  # fmt: skip
    grant = programmes.create_programme(
        kind=ProgrammeKind.objects.get(code="autumn_study"), name="金秋助学",
        budget=Y("200000.00"), cap=Y("3000.00"), eligibility=Eligibility.MEMBER,
        required_documents="", notice_days=5, **common,
    )  # fmt: skip
    medical = programmes.create_programme(
        kind=ProgrammeKind.objects.get(code="medical"), name="困难职工医疗救助",
        budget=Y("150000.00"), cap=Y("5000.00"), eligibility=Eligibility.FILED,
        review_levels=2, **common,
    )  # fmt: skip
    filed = [f.member for f in files]
    approved = []
    for member in filed[:10]:
        app = _apply(medical, member, Y(rng.choice([2000, 3000, 5000])), users)
        approved.append(_approve_all(app, users))
    for member in _members(county, 14, rng, phone_hash__gt=""):
        app = _apply(grant, member, Y(rng.choice([1000, 2000, 3000])), users, beneficiary="子女")
        approved.append(_approve_all(app, users))
    # Waiting at the county, and waiting for the union to send on (a worker's own application).
    for member in filed[10:13]:
        _apply(medical, member, Y("1500.00"), users)
    # Two more of the worker's own, from members who have not applied to the grant yet.
    applied = Q(aid_applications__programme=grant)
    for member in _members(county, 2, rng, exclude=applied, phone_hash__gt=""):
        applications.apply(programme=grant, member=member, amount_requested=Y("2000.00"),
                           beneficiary="子女", bank_account="6222020200112233445")  # fmt: skip
    # Most approvals are past their notice; the rest are on notice now (公示中).
    past = today - datetime.timedelta(days=20)
    old = [a.pk for a in approved[: len(approved) - 4]]
    AidApplication.objects.filter(pk__in=old).update(
        approved_on=past, notice_ends_on=past + datetime.timedelta(days=4)
    )
    for programme in (grant, medical):
        if AidApplication.objects.payable().filter(programme=programme).exists():
            batch = payments.create_batch(actor=users["admin"], programme=programme)
            payments.export_batch(actor=users["admin"], batch=batch)
            payments.settle_batch(actor=users["admin"], batch=batch, settled_on=today,
                                  bank_reference=f"YH{today:%Y%m%d}{batch.pk:03d}")  # fmt: skip
    return grant


def _clerk_for(member: Member, users) -> User:
    for name in ("clerk", "clerk2"):
        paths = users[name].role_assignments.values_list("organisation__path", flat=True)
        if any(member.union.path.startswith(p) for p in paths):
            return users[name]
    return users["admin"]


def _apply(programme, member, amount, users, *, beneficiary="", submit=True) -> AidApplication:
    clerk = _clerk_for(member, users)
    app = applications.apply(
        programme=programme, member=member, amount_requested=min(amount, programme.cap),
        beneficiary=beneficiary, bank_account="6222020200" + f"{member.pk:09d}", actor=clerk,
    )  # fmt: skip
    if submit:
        app = applications.submit(actor=clerk, application=app)
    return app


def _approve_all(app: AidApplication, users) -> AidApplication:
    """Each level approves: the town's level by the county admin (who holds it from above), the
    county's by the county reviewer; neither is the clerk who sent it."""
    deciders = [users["admin"], users["reviewer"]]
    while app.status == "reviewing":
        step = app.steps.filter(status="waiting").order_by("order").first()
        actor = deciders[1] if step.organisation.kind == OrgKind.COUNTY_FEDERATION else deciders[0]
        app = applications.approve_step(actor=actor, application=app)
    return app


def _care(rng, today, users, county, towns) -> None:
    start = datetime.date(today.year, 1, 10)
    winter = care.create_campaign(
        actor=users["admin"], organisation=county, season=CareSeason.WINTER,
        name="“两节”冬送温暖", year=today.year, starts_on=start,
        ends_on=start + datetime.timedelta(days=40), budget=Y("148000.00"),
    )  # fmt: skip
    for town, clerk in zip(towns, (users["clerk"], users["clerk2"]), strict=True):
        visits = care.add_filed_households(actor=clerk, campaign=winter, union=town)
        for visit in visits[: len(visits) * 3 // 4]:
            care.record_visit(
                actor=clerk, visit=visit, visitors="县总工会慰问组",
                visited_on=start + datetime.timedelta(days=rng.randint(0, 20)),
                cash=Y(rng.choice([500, 800, 1000])), goods="米、油", goods_value=Y("120.00"),
            )  # fmt: skip


def _insurance(rng, today, users, county, town1) -> None:
    plan = insurance.create_plan(
        actor=users["admin"], organisation=county, name="职工补充住院医疗互助保障",
        year=today.year, starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year, 12, 31), premium=Y("30.00"), insurer="中国职工保险互助会",
        max_claim=Y("10000.00"),
    )  # fmt: skip
    insurance.enrol_union(actor=users["admin"], plan=plan, union=town1)
    for enrolment in Enrolment.objects.filter(plan=plan).order_by("?")[:6]:
        claim = insurance.submit_claim(
            actor=users["clerk"], enrolment=enrolment,
            admitted_on=today - datetime.timedelta(days=rng.randint(20, 200)),
            hospital="县人民医院", expenses=Y("6000.00"), amount_claimed=Y("1800.00"),
        )  # fmt: skip
        insurance.decide_claim(actor=users["reviewer"], claim=claim, approve=True)
        insurance.pay_claim(actor=users["admin"], claim=claim, amount=Y("1800.00"))


def _benefits(rng, today, users, county, town1) -> None:
    merchant = benefits.create_merchant(
        actor=users["admin"], organisation=county, name="惠民连锁超市（城关店）",
        address="城关镇人民路18号", contact="李经理 0719-2345678",
    )  # fmt: skip
    benefits.create_offer(
        actor=users["admin"], merchant=merchant, title="会员日购物九折（每月10日）",
        day_of_month=10, valid_from=datetime.date(today.year, 1, 1),
        valid_to=datetime.date(today.year, 12, 31), discount_rate=Y("0.90"),
        max_discount=Y("50.00"),
    )  # fmt: skip
    daily = benefits.create_offer(
        actor=users["admin"], merchant=merchant, title="会员购药满百减十",
        valid_from=datetime.date(today.year, 1, 1), valid_to=datetime.date(today.year, 12, 31),
        max_discount=Y("10.00"),
    )  # fmt: skip
    for member in _members(town1, 5, rng):
        benefits.redeem(actor=users["admin"], offer=daily, card_token=card_token(member),
                        amount_spent=Y(rng.randint(100, 300)))  # fmt: skip


def _refunds(rng, today, users, county, town1) -> None:
    policy = fee_refunds.create_policy(
        actor=users["admin"], organisation=county, year=today.year, max_headcount=25,
        refund_share=Y("1.00"), opens_on=datetime.date(today.year, 1, 1),
        closes_on=datetime.date(today.year, 12, 31),
    )  # fmt: skip
    small = (
        Employer.objects.filter(
            headcount__lte=25, union__isnull=False, operating_status="operating"
        )
        .filter(Q(territory__path__startswith=town1.path))
        .select_related("union")[:8]
    )
    for employer in small:
        if employer.union.status != "active" or employer.headcount < 1:
            continue
        fees = Y(employer.headcount * 120)
        try:
            refund = fee_refunds.apply_refund(
                actor=users["clerk"], policy=policy, employer=employer, fees_paid=fees,
                amount_requested=fees,
            )  # fmt: skip
        except Exception:  # noqa: BLE001 - an employer the rules refuse is simply left out
            continue
        fee_refunds.decide_refund(actor=users["reviewer"], refund=refund, approve=True)
        fee_refunds.pay_refund(actor=users["admin"], refund=refund, amount=fees)
