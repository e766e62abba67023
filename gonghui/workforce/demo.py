"""The workforce demo, generated through the services: the county's honour kinds, a roll of
past honourees (the 2023 cycle, decided), this year's cycle in progress (nominations on their
way up and candidates), honourees' care, and studios with an alliance."""

import datetime
import random

from gonghui.core.models import OrgKind
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member
from gonghui.workforce.care import services as care
from gonghui.workforce.choices import (
    Agency,
    CareKind,
    Comparison,
    Criterion,
    Level,
    Opinion,
    Position,
    Subject,
)
from gonghui.workforce.honours import nominations, services
from gonghui.workforce.models import Studio
from gonghui.workforce.studios import services as studios

ROLL = 12
IN_PROGRESS = 8


def _nominate(cycle, member, rng, appraised_on):
    n = nominations.create_nomination(
        actor=None, cycle=cycle, union=member.union, member=member,
        position=rng.choice([Position.FRONT_LINE] * 3 + [Position.TECHNICAL, Position.MANAGER]),
        deeds="扎根一线，带头技术革新，累计解决生产难题多项。", appraised_on=appraised_on,
        voters=60, votes_for=rng.randint(45, 60),
    )  # fmt: skip
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("评议纪要.pdf", b"%PDF-1.4\n%demo\n", "application/pdf")
    nominations.attach_minutes(actor=None, nomination=n, upload=upload)
    nominations.submit(actor=None, nomination=n)
    n.refresh_from_db()
    while n.status == "reviewing":
        nominations.send_on(actor=None, nomination=n)
        n.refresh_from_db()
    return n


def generate(*, rng: random.Random, today: datetime.date, town1, town2) -> list[str]:
    from gonghui.core.models import User

    county = town1.parent
    admin = User.objects.get(username="admin")
    kind = services.create_kind(
        actor=None, organisation=county, code="XLM", name="县劳动模范", level=Level.COUNTY,
        subject=Subject.INDIVIDUAL, cycle_years=3, certificate_format="XLM{year}-{seq:04d}",
        yearly_allowance="1200.00",
    )  # fmt: skip
    services.create_kind(
        actor=None, organisation=county, code="GRXF", name="县工人先锋号", level=Level.COUNTY,
        subject=Subject.COLLECTIVE, cycle_years=3,
    )  # fmt: skip
    members = list(
        Member.objects.filter(status=MemberStatus.ACTIVE, union__kind=OrgKind.GRASSROOTS,
                              employer__isnull=False)
        .select_related("union", "employer").order_by("pk")[: (ROLL + IN_PROGRESS) * 3]
    )  # fmt: skip
    rng.shuffle(members)
    seen, chosen = set(), []
    for m in members:
        if m.id_hash not in seen:
            seen.add(m.id_hash)
            chosen.append(m)
    past = services.create_cycle(actor=None, kind=kind, year=today.year - 3)
    for m in chosen[:ROLL]:
        _nominate(past, m, rng, datetime.date(today.year - 3, 3, 1))
    services.advance_cycle(actor=None, cycle=past)
    for n in past.nominations.filter(status="candidate"):
        for agency in Agency.values:
            nominations.record_opinion(
                actor=None, nomination=n, agency=agency, opinion=Opinion.AGREE
            )
    start = datetime.date(today.year - 3, 4, 1)
    nominations.publish_notice(actor=None, cycle=past, starts_on=start,
                               ends_on=start + datetime.timedelta(days=6))  # fmt: skip
    honours = nominations.approve_all(
        actor=None, cycle=past, document_number=f"县工发〔{today.year - 3}〕12号",
        awarded_on=datetime.date(today.year - 3, 4, 28),
    )  # fmt: skip
    for i, honour in enumerate(honours):
        if i % 3 == 0:
            care.record_care(actor=None, honouree=honour.honouree, kind=CareKind.CHECKUP,
                             on=today - datetime.timedelta(days=100))  # fmt: skip
        care.pay_allowance(actor=admin, honouree=honour.honouree, year=today.year - 1,
                           paid_on=datetime.date(today.year - 1, 12, 20))  # fmt: skip
    current = services.create_cycle(actor=None, kind=kind, year=today.year)
    services.set_rule(actor=None, cycle=current, criterion=Criterion.FRONT_LINE,
                      comparison=Comparison.AT_LEAST, percent="35")  # fmt: skip
    services.set_rule(actor=None, cycle=current, criterion=Criterion.UNIT_HEAD,
                      comparison=Comparison.AT_MOST, percent="15")  # fmt: skip
    services.set_rule(actor=None, cycle=current, criterion=Criterion.WOMEN,
                      comparison=Comparison.AT_LEAST, percent="20")  # fmt: skip
    quota = 6
    for town in (town1, town2):
        services.set_quota(actor=None, cycle=current, organisation=town, quota=quota)
    # Within each town's quota: a large county's sample holds more than six of one town.
    left = {town1.path: quota, town2.path: quota}
    for m in chosen[ROLL : ROLL + IN_PROGRESS]:
        town = next((p for p in left if m.union.path.startswith(p)), None)
        if town is not None and left[town] > 0:
            left[town] -= 1
            _nominate(current, m, rng, today - datetime.timedelta(days=10))
    made = 0
    for honour in honours[:4]:
        h = honour.honouree
        if h.employer is None or h.employer.union is None:
            continue
        studio = studios.create_studio(
            actor=None, name=f"{h.name}劳模创新工作室", level=Level.COUNTY, employer=h.employer,
            leader_honouree=h, named_on=datetime.date(today.year - 2, 5, 1), field="技术革新",
        )  # fmt: skip
        studios.add_grant(
            actor=admin, studio=studio, amount="20000.00", source="县总工会",
            granted_on=datetime.date(today.year - 1, 6, 1),
        )  # fmt: skip
        made += 1
    studio_rows = list(Studio.objects.all())
    if studio_rows:
        studios.create_alliance(actor=None, organisation=county, name="县劳模创新工作室联盟",
                                basis="region", founded_on=datetime.date(today.year - 1, 1, 1),
                                studios=studio_rows)  # fmt: skip
    from gonghui.workforce.competitions import demo as competitions

    return [
        f"产改：荣誉榜 {len(honours)} 人，{today.year}年评选推荐中，创新工作室 {made} 个",
        competitions.generate(rng=rng, today=today, town1=town1, town2=town2),
    ]


def reset() -> None:
    from gonghui.workforce import models as m
    from gonghui.workforce.competitions import demo as competitions

    competitions.reset()

    for model in (
        m.AllianceActivity, m.Alliance, m.StudioReview, m.StudioReport, m.StudioResult,
        m.StudioGrant, m.WorkforceDocument, m.Studio, m.AllowancePayment, m.CareRecord,
        m.Honour, m.CertificateSequence, m.Objection, m.PanelScore, m.VettingOpinion,
        m.NominationStep, m.Nomination, m.ShareRule, m.CycleQuota, m.HonourCycle, m.Honouree,
        m.HonourKind,
    ):  # fmt: skip
        model.objects.all().delete()
