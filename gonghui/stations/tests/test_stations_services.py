"""Station services: checks by field, who may write, hours windows, exceptions, confirmation."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gonghui.core.models import AuditEntry
from gonghui.stations.choices import ExceptionKind, WindowMode
from gonghui.stations.stations import services
from gonghui.stations.tests.helpers import station

pytestmark = pytest.mark.django_db


def test_create_checks_every_field(county, bob):
    with pytest.raises(ValidationError) as caught:
        services.create_station(
            actor=bob, union=county.town_a, name="", kind="bank", address="",
            latitude="95", longitude="", facilities=["water", "sauna"],
        )  # fmt: skip
    errors = caught.value.message_dict
    assert {"name", "address", "latitude", "partner", "facilities"} <= errors.keys()


def test_a_clerk_cannot_create_in_another_town(county, charlie):
    with pytest.raises(ValidationError) as caught:
        services.create_station(
            actor=charlie, union=county.town_a, name="x", kind="union", address="y"
        )
    assert "union" in caught.value.message_dict


def test_keepers_must_hold_the_role(county, bob, stan):
    with pytest.raises(ValidationError) as caught:
        services.create_station(
            actor=bob, union=county.town_a, name="驿站甲", kind="union", address="路1号",
            keepers=[bob],
        )  # fmt: skip
    assert "keepers" in caught.value.message_dict
    made = services.create_station(
        actor=bob, union=county.town_a, name="驿站甲", kind="union", address="路1号",
        keepers=[stan],
    )  # fmt: skip
    assert list(made.keepers.all()) == [stan]
    assert AuditEntry.objects.filter(object_id=str(made.pk), action="create").exists()


def test_a_keeper_keeps_hours_but_cannot_edit_the_station(county, stan):
    made = station(county.town_a, keepers=[stan], spans=[])
    services.add_window(
        actor=stan, station=made, weekday=0, starts=datetime.time(6, 30),
        ends=datetime.time(21, 30), mode=WindowMode.STAFFED,
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.update_station(actor=stan, station=made, name="改名")


def test_another_keeper_may_not_touch_hours(county, stan):
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    other = make_user("kate", Role.STATION_KEEPER, county.town_b)
    made = station(county.town_a, keepers=[stan])
    with pytest.raises(PermissionDenied):
        services.confirm_hours(actor=other, station=made)


def test_overlapping_windows_are_refused(county, bob):
    made = station(county.town_a)  # 6:30–21:30 every day
    with pytest.raises(ValidationError) as caught:
        services.add_window(
            actor=bob, station=made, weekday=2, starts=datetime.time(21, 0),
            ends=datetime.time(23, 0), mode=WindowMode.UNATTENDED,
        )  # fmt: skip
    assert "starts" in caught.value.message_dict
    # meeting end to start is fine, and so is a night window into the morning's start
    services.add_window(
        actor=bob, station=made, weekday=2, starts=datetime.time(21, 30),
        ends=datetime.time(6, 30), mode=WindowMode.UNATTENDED,
    )  # fmt: skip


def test_exceptions_need_a_reason_and_extra_needs_times(county, bob):
    made = station(county.town_a)
    tomorrow = timezone.localdate() + datetime.timedelta(1)
    with pytest.raises(ValidationError) as caught:
        services.add_exception(
            actor=bob, station=made, date=tomorrow, kind=ExceptionKind.EXTRA, reason=""
        )
    assert {"reason", "starts", "ends"} <= caught.value.message_dict.keys()
    closed = services.add_exception(
        actor=bob, station=made, date=tomorrow, kind=ExceptionKind.CLOSED, reason="设备检修"
    )
    assert closed.starts is None


def test_hours_unconfirmed_after_ninety_days(county, stan):
    made = station(county.town_a, keepers=[stan])
    assert services.hours_unconfirmed(made)
    long_ago = timezone.now() - datetime.timedelta(days=91)
    services.confirm_hours(actor=stan, station=made, at=long_ago)
    made.refresh_from_db()
    assert services.hours_unconfirmed(made)
    services.confirm_hours(actor=stan, station=made)
    made.refresh_from_db()
    assert not services.hours_unconfirmed(made)
    assert made.hours_confirmed_by == stan
