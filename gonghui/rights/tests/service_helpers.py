"""Service-area rows for the tests, written with the ORM (fixtures, not the feature)."""

import datetime

from gonghui.rights.choices import PointKind
from gonghui.rights.models import Counsel, DutySlot, ServicePoint

SECRET_POINT = "城关镇保密工作站"


def point_a(county, **extra) -> ServicePoint:
    fields = {"organisation": county.town_a, "name": SECRET_POINT, "kind": PointKind.TOWN,
              "address": "城关镇人民路 1 号", "hours": "工作日 9:00—17:00"}  # fmt: skip
    fields.update(extra)
    return ServicePoint.objects.create(**fields)


def point_b(county, **extra) -> ServicePoint:
    fields = {"organisation": county.town_b, "name": "水坪镇维权工作站", "kind": PointKind.TOWN}
    fields.update(extra)
    return ServicePoint.objects.create(**fields)


def counsel_of(user) -> Counsel:
    return Counsel.objects.get(user=user)


def seat(point, counsel, day: datetime.date, session="day") -> DutySlot:
    return DutySlot.objects.create(point=point, counsel=counsel, date=day, session=session)
