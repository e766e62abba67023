"""A year of the county's stations for `gonghui demo`, generated through the services: union-
built and partner stations in every town (smart ones open 6:30–21:30 with unattended hours, a
few round the clock), their keepers (the demo's `keeper` keeps town 1's), a year of scans,
walk-ins and door-counter days, video checks, a few incidents (one left to escalate),
inspections with findings (one fix overdue) and feedback."""

import datetime
import random

from django.utils import timezone

from gonghui.core.models import Organisation, OrgKind, User
from gonghui.stations.care import feedback, incidents, inspections, watch
from gonghui.stations.choices import Occupation, StationKind, WindowMode
from gonghui.stations.stations import services
from gonghui.stations.stations.hours import TZ
from gonghui.stations.visits import services as visits

CENTRE = (34.1990, 119.5750)  # WGS-84, a county seat in northern Jiangsu
PLACES = ("快递", "环卫", "爱心", "暖心", "司机之家", "骑手")
PARTNERS = {
    StationKind.BANK: "农商银行%s支行",
    StationKind.SHOP: "%s便民超市",
    StationKind.PETROL: "中石化%s加油站",
}
T = datetime.time
SMART = [
    (T(6, 30), T(8, 0), WindowMode.UNATTENDED),
    (T(8, 0), T(18, 0), WindowMode.STAFFED),
    (T(18, 0), T(21, 30), WindowMode.UNATTENDED),
]
ALWAYS = [(T(8, 0), T(20, 0), WindowMode.STAFFED), (T(20, 0), T(8, 0), WindowMode.UNATTENDED)]
DAYTIME = [(T(8, 0), T(18, 0), WindowMode.STAFFED)]


def generate(*, rng: random.Random, today: datetime.date, town1, town2) -> list[str]:
    county = town1.parent
    towns = [town1, town2, *Organisation.objects.filter(
        parent=county, kind=OrgKind.TOWN_FEDERATION
    ).exclude(pk__in=[town1.pk, town2.pk]).order_by("path")[:4]]  # fmt: skip
    users = {u.username: u for u in User.objects.filter(username__in=["admin", "keeper"])}
    admin, keeper = users.get("admin"), users.get("keeper")
    stations = []
    for t_index, town in enumerate(towns):
        short = town.name.removesuffix("总工会").removesuffix("工会联合会")
        for n in range(3 if t_index < 2 else 2):
            kind = rng.choice([StationKind.UNION, StationKind.UNION, *PARTNERS])
            spans = SMART if n == 0 else (ALWAYS if n == 1 and t_index % 2 == 0 else DAYTIME)
            lat = CENTRE[0] + rng.uniform(-0.08, 0.08)
            lng = CENTRE[1] + rng.uniform(-0.08, 0.08)
            station = services.create_station(
                actor=None, union=town, name=f"{short}{PLACES[(t_index + n) % len(PLACES)]}驿站",
                kind=kind, partner=PARTNERS[kind] % short if kind in PARTNERS else "",
                address=f"{short}{rng.choice(['人民路', '解放路', '建设路', '黄海路'])}"
                f"{rng.randint(1, 300)}号",
                latitude=f"{lat:.6f}", longitude=f"{lng:.6f}", datum="wgs84",
                facilities=rng.sample(["water", "climate", "microwave", "charging", "toilet",
                                       "seats", "first_aid", "books", "wifi"], 5),
                hotline=f"0515-8{rng.randint(1000000, 9999999)}",
                keepers=[keeper] if keeper and town == town1 else [],
                safety_officer=admin,
            )  # fmt: skip
            services.set_daily_windows(actor=None, station=station, spans=spans)
            confirmed = timezone.now() - datetime.timedelta(days=rng.choice([5, 20, 60, 120]))
            services.confirm_hours(actor=None, station=station, at=confirmed)
            stations.append(station)
    scans = _visits(rng, today, stations)
    _care(rng, today, stations, admin, keeper)
    return [
        f"驿站：{len(stations)} 个（智慧驿站含无人值守时段），一年到站扫码 {scans} 人次；"
        f"站长登录 keeper（{town1.name}的驿站）"
    ]


def _visits(rng, today, stations) -> int:
    people = [f"demo-worker-{n}" for n in range(400)]
    scans = 0
    for station in stations:
        for back in range(365):
            day = today - datetime.timedelta(days=back)
            for _ in range(rng.choice((0, 1, 1, 2, 3))):
                _visit, created = visits.scan_in(
                    station=station, person_hash=rng.choice(people),
                    occupation=rng.choice(Occupation.values), day=day,
                )  # fmt: skip
                scans += created
            if back % 7 == 3:
                count = rng.randint(3, 15)
                visits.record_walk_ins(
                    actor=None, station=station, date=day, count=count,
                    people=rng.randint(1, count), occupation=rng.choice(Occupation.values),
                )  # fmt: skip
    return scans


def _care(rng, today, stations, admin, keeper) -> None:
    now = timezone.now()
    for index, station in enumerate(stations[:4]):
        for back in range(1, 8):
            day = today - datetime.timedelta(days=back)
            at = datetime.datetime.combine(day, T(19, rng.randint(0, 59)), tzinfo=TZ)
            if admin:
                watch.record_check(actor=admin, station=station, seen="站内无人，设施正常", at=at)
        if admin:
            inspections.record_inspection(
                actor=admin, station=station, inspected_on=today - datetime.timedelta(40 + index),
                failed_items=["supplies"] if index % 2 else [], note="总体良好",
                findings=[("supplies", "急救药箱药品过期", today - datetime.timedelta(5))]
                if index % 2 else [],
            )  # fmt: skip
    kinds = ["illness", "injury", "damage", "conflict", "other"]
    for n in range(10):
        station = rng.choice(stations)
        at = now - datetime.timedelta(days=rng.randint(1, 300), minutes=rng.randint(0, 600))
        incident = incidents.report_incident(
            actor=None, station=station, kind=kinds[n % 5], source="hotline",
            description=rng.choice(["骑手中暑求助", "环卫工人摔伤", "饮水机漏水", "顾客争执"]),
            at=at,
        )  # fmt: skip
        incidents.step(actor=None, incident=incident, action="respond",
                       at=at + datetime.timedelta(minutes=rng.randint(2, 25)))  # fmt: skip
        closed = at + datetime.timedelta(minutes=rng.randint(30, 120))
        incidents.step(actor=None, incident=incident, action="close", at=closed, note="已处置")
    late = incidents.report_incident(
        actor=None, station=stations[0], kind="illness", source="hotline",
        description="夜间来电：司机胸闷", at=now - datetime.timedelta(hours=1),
    )  # fmt: skip
    incidents.escalate_overdue(now=now)
    assert late
    for station in stations[:6]:
        item = feedback.leave_feedback(
            station=station, person_hash="demo-worker-1", rating=rng.randint(3, 5),
            comment="热水方便，谢谢工会",
        )  # fmt: skip
        if keeper and station.keepers.filter(pk=keeper.pk).exists():
            feedback.answer_feedback(actor=keeper, feedback=item, answer="感谢您的评价")
