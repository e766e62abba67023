"""The demo county's new-form workers' drive (新就业形态入会), generated through the services:
couriers and truck drivers who belong to the county's courier and truck-driver industry unions
directly (imported by the county, one joined by the union's QR code, one waiting in its queue),
a transfer into the courier union and one out of it, and town 1 marked as taking fallback
members (兜底入会) by its administrator, with a few workers no other union covers.

Runs after `gonghui.registry.demo_activity`, inside the demo's transaction, with text messages
muted. The bulk generator makes `NEW_MEMBERS` fewer members, so the county still has exactly the
members asked for.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.utils import timezone

from gonghui.core import sms
from gonghui.core.models import Organisation, OrgKind, OrgStatus, User
from gonghui.core.services.orgs import update_organisation
from gonghui.registry import membership, services
from gonghui.registry.choices import EmploymentForm, MemberSource
from gonghui.registry.demo_activity import CONSENT, _People
from gonghui.registry.models import Member

COURIER_UNION = "竹溪县快递行业工会联合会"
TRUCK_UNION = "竹溪县货运司机工会联合会"
COURIERS = 12  # imported into the courier industry union
DRIVERS = 8  # imported into the truck drivers' industry union
QR_JOINS = 1  # approved joins by the courier union's QR code
FALLBACK_STAFF = 2  # entered by town 1's clerk
FALLBACK_ONLINE = 2  # joined town 1 through its join link
FALLBACK_FORMS = (EmploymentForm.DOMESTIC, EmploymentForm.OTHER_NEW, EmploymentForm.DELIVERY_RIDER)
NEW_MEMBERS = COURIERS + DRIVERS + QR_JOINS + FALLBACK_STAFF + FALLBACK_ONLINE


@dataclass
class Drive:
    direct: int  # active members of the two industry unions themselves
    fallback: int  # active members of town 1 itself


def generate(*, rng: random.Random, town1: Organisation, town2: Organisation) -> Drive:
    admin = User.objects.get(username="admin")
    clerk1 = User.objects.get(username="clerk")
    townadmin = User.objects.get(username="townadmin")
    courier = Organisation.objects.get(name=COURIER_UNION, kind=OrgKind.INDUSTRY_UNION)
    truck = Organisation.objects.get(name=TRUCK_UNION, kind=OrgKind.INDUSTRY_UNION)
    people = _People(rng)
    today = timezone.localdate()
    with sms.muted():
        for _ in range(COURIERS):
            _direct(people, courier, EmploymentForm.COURIER, admin, rng, today)
        for _ in range(DRIVERS):
            _direct(people, truck, EmploymentForm.TRUCK_DRIVER, admin, rng, today)
        for _ in range(QR_JOINS):
            membership.approve(
                actor=admin,
                application=_join(people, courier, EmploymentForm.COURIER, is_migrant_worker=True),
            )
        _join(people, truck, EmploymentForm.TRUCK_DRIVER)  # waits in the county's queue
        _transfers(courier, town1, town2, admin)
        town1 = update_organisation(
            actor=townadmin, organisation=town1, takes_fallback_members=True
        )
        for i in range(FALLBACK_STAFF):
            services.create_member(
                actor=clerk1,
                union=town1,
                employment_form=FALLBACK_FORMS[i % len(FALLBACK_FORMS)],
                joined_on=today - _days(rng),
                source=MemberSource.MANUAL,
                **people.person(),
            )
        for i in range(FALLBACK_ONLINE):
            form = FALLBACK_FORMS[(i + 1) % len(FALLBACK_FORMS)]
            membership.approve(actor=clerk1, application=_join(people, town1, form))
    return Drive(
        direct=Member.objects.active().filter(union__in=[courier, truck]).count(),
        fallback=Member.objects.active().filter(union=town1).count(),
    )


def report_lines(drive: Drive) -> list[str]:
    return [
        f"新就业形态：{COURIER_UNION}、{TRUCK_UNION}直接入会的在会会员 {drive.direct} 人；"
        f"城关镇总工会已设为兜底入会，兜底入会会员 {drive.fallback} 人。"
    ]


def _days(rng: random.Random) -> datetime.timedelta:
    return datetime.timedelta(days=rng.randint(10, 700))


def _direct(people: _People, union, form: str, actor, rng: random.Random, today) -> Member:
    """A worker the county's file put straight into its industry union (as the import does)."""
    return services.create_member(
        actor=actor,
        union=union,
        employment_form=form,
        is_migrant_worker=rng.random() < 0.6,
        joined_on=today - _days(rng),
        source=MemberSource.IMPORT,
        **people.person(),
    )


def _join(people: _People, union, form: str, **fields):
    """A worker scanning the union's join QR code (no employer: a platform worker)."""
    return membership.submit_join(
        union=union, employment_form=form, consent_version=CONSENT, **people.person(), **fields
    )


def _transfers(courier: Organisation, town1: Organisation, town2: Organisation, admin) -> None:
    """A courier of a town-2 outlet's union moves into the county's courier union, and one of
    the courier union's own moves to a town-1 union (decided by each receiving union)."""
    incoming = (
        Member.objects.active()
        .filter(union__path__startswith=town2.path, union__kind=OrgKind.GRASSROOTS)
        .exclude(phone_hash="")
        .order_by("pk")
        .first()
    )
    if incoming is not None:
        application = membership.submit_transfer(
            member=incoming,
            union=courier,
            employment_form=EmploymentForm.COURIER,
            note="改做快递员，转入快递行业工会",
        )
        membership.approve(actor=admin, application=application)
    target = (
        Organisation.objects.subtree(town1)
        .filter(kind=OrgKind.GRASSROOTS, status=OrgStatus.ACTIVE)
        .order_by("path")
        .first()
    )
    leaving = Member.objects.active().filter(union=courier).order_by("pk").first()
    if target is not None and leaving is not None:
        application = membership.submit_transfer(
            member=leaving,
            union=target,
            employment_form=EmploymentForm.STANDARD,
            note="进厂工作，转入单位工会",
        )
        membership.approve(actor=admin, application=application)
