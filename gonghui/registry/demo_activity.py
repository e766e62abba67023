"""The demo county's joining and transfer activity (码上办), generated through the services so it
is exactly what the county would have: applications waiting in town 1's queue (some past the 15
days), decided ones, transfers in both directions, and one worker to sign in to the portal as.

It also gives the founding drive of town 1 its contact history and one union founded today.

Runs after the bulk generator in `gonghui.registry.demo`, inside its transaction, with text
messages muted.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db.models import Count, F, Q
from django.utils import timezone

from gonghui.core import sms
from gonghui.core.models import Organisation, OrgKind, OrgStatus, User
from gonghui.core.models.orgs import COVERING_KINDS
from gonghui.core.services.orgs import create_organisation
from gonghui.core.validators import make_mobile, make_resident_id
from gonghui.registry import founding, founding_queries, membership, services
from gonghui.registry.choices import ContactMethod, ContactOutcome, EmploymentForm, MemberStatus
from gonghui.registry.models import Application, Employer, Member

# The portal demo login: a courier who joined online (the code is printed by the console SMS
# backend when asked for).
DEMO_WORKER_PHONE = "13900000001"
DEMO_WORKER_NAME = "周小快"
CONSENT = "demo"
PENDING_AGES = (1, 3, 6, 10, 17, 24)  # days waiting; the last two are past the 15 days
APPROVED_JOINS = 3
# Active members the activity adds (the demo worker and the approved joins): the bulk generator
# makes that many fewer, so the county has exactly the members asked for.
NEW_MEMBERS = 1 + APPROVED_JOINS
GIVEN = ("建国", "小兵", "海燕", "志远", "春梅", "德明", "晓东", "丽娟", "国强", "文静")
SURNAMES = "王李张刘陈杨黄赵周吴"


@dataclass
class Activity:
    worker_phone: str
    pending: int
    transfers: int


def generate(*, rng: random.Random, town1: Organisation, town2: Organisation) -> Activity:
    clerk1 = User.objects.get(username="clerk")
    unions1, unions2 = _unions(town1), _unions(town2)
    people = _People(rng)
    with sms.muted():
        _demo_worker(people, unions1, clerk1)
        for days in PENDING_AGES:
            _age(_join(people, rng.choice(unions1)), days)
        membership.refuse(
            actor=clerk1,
            application=_join(people, unions1[0]),
            reason="经核实，申请人不是本单位职工",
        )
        for _ in range(APPROVED_JOINS):
            membership.approve(actor=clerk1, application=_join(people, rng.choice(unions1)))
        moved_in = _transfer(_member_of(unions2), unions1[0])
        membership.approve(actor=clerk1, application=moved_in)
        _age(_transfer(_member_of(unions1), unions2[0]), 2)  # waits in town 2's queue
        _founding_drive(town1, clerk1)
    return Activity(worker_phone=DEMO_WORKER_PHONE, pending=len(PENDING_AGES) + 1, transfers=2)


class _People:
    """Fresh ID numbers and phones, never those of the generated members."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def person(self) -> dict:
        while True:
            id_number = make_resident_id(self.rng)
            phone = make_mobile(self.rng)
            taken = Member.objects.with_id_number(id_number).exists() or phone == DEMO_WORKER_PHONE
            if not taken:
                name = self.rng.choice(SURNAMES) + self.rng.choice(GIVEN)
                return {"name": name, "id_number": id_number, "phone": phone}


def _unions(town: Organisation) -> list[Organisation]:
    unions = Organisation.objects.subtree(town).filter(
        kind__in=COVERING_KINDS, status=OrgStatus.ACTIVE
    )
    return list(unions.order_by("path")[:8])


def _employer_with_room(union: Organisation):
    """An employer the union covers with fewer active members than staff, or None (a worker
    without a fixed employer)."""
    return (
        union.covered_employers.filter(operating_status="operating")
        .annotate(active=Count("members", filter=Q(members__status=MemberStatus.ACTIVE)))
        .filter(active__lt=F("headcount"))
        .order_by("pk")
        .first()
    )


def _join(people: _People, union: Organisation, **fields) -> Application:
    return membership.submit_join(
        union=union,
        employer=_employer_with_room(union),
        consent_version=CONSENT,
        **{**people.person(), **fields},
    )


def _demo_worker(people: _People, unions: list[Organisation], clerk) -> None:
    application = _join(
        people,
        unions[-1],
        name=DEMO_WORKER_NAME,
        phone=DEMO_WORKER_PHONE,
        employment_form=EmploymentForm.COURIER,
        is_migrant_worker=True,
    )
    membership.approve(actor=clerk, application=application)


def _member_of(unions: list[Organisation]) -> Member:
    return (
        Member.objects.active()
        .filter(union__in=unions)
        .exclude(phone_hash="")
        .order_by("pk")
        .first()
    )


def _transfer(member: Member, union: Organisation) -> Application:
    return membership.submit_transfer(
        member=member, union=union, employer=_employer_with_room(union), note="更换工作单位"
    )


# The founding drive in town 1: (outcome, days ago, next step, next step in days).
CONTACTS = (
    (ContactOutcome.CONSIDERING, 40, "约负责人召开职工座谈会", -5),  # a next step already late
    (ContactOutcome.PREPARING, 12, "协助起草工会章程、推选筹备组", 10),
    (ContactOutcome.NO_INTEREST, 25, "三个月后再次走访", 65),
    (ContactOutcome.UNREACHABLE, 3, "电话预约上门", 4),
)


def _founding_drive(town: Organisation, clerk) -> None:
    """Contacts with the town's largest targets, and one target that founded its union today,
    so the worklist has history and the town's 'founded this year' is not zero."""
    today = timezone.localdate()
    targets = list(
        founding_queries.target_base(Employer.objects.filter(territory=town), today).order_by(
            "-headcount", "pk"
        )[: len(CONTACTS) + 1]
    )
    for employer, (outcome, ago, step, due) in zip(targets, CONTACTS, strict=False):
        founding.record_contact(
            actor=clerk,
            employer=employer,
            contacted_on=today - datetime.timedelta(ago),
            method=ContactMethod.VISIT if ago > 10 else ContactMethod.CALL,
            outcome=outcome,
            contact_person="办公室主任",
            next_step=step,
            next_on=today + datetime.timedelta(due),
        )
    if len(targets) > len(CONTACTS):
        _found_union(targets[-1], town, clerk)


def _found_union(employer: Employer, town: Organisation, clerk) -> None:
    founding.record_contact(
        actor=clerk,
        employer=employer,
        contacted_on=timezone.localdate(),
        method=ContactMethod.MEETING,
        outcome=ContactOutcome.FOUNDED,
        notes="召开工会成立大会，选举产生第一届工会委员会",
    )
    union = create_organisation(
        actor=clerk,
        name=f"{employer.name}工会",
        kind=OrgKind.GRASSROOTS,
        parent=town,
        founded_on=timezone.localdate(),
        term_ends_on=timezone.localdate().replace(year=timezone.localdate().year + 5),
    )
    services.update_employer(actor=clerk, employer=employer, union=union)


def _age(application: Application, days: int) -> None:
    """Back-date a submission, as if it had waited `days` days."""
    when = timezone.now() - datetime.timedelta(days=days)
    Application.objects.filter(pk=application.pk).update(
        submitted_at=when, submitted_on=timezone.localdate(when)
    )
