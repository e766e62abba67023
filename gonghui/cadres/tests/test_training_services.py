"""Cadre training: courses offered down the tree, enrolment by union, attendance and completion
by the organiser, hours per cadre per year."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gonghui.cadres.models import Course, Enrolment
from gonghui.cadres.training import queries, services

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(county, alice):
    return services.create_course(
        actor=alice, organisation=county.county, title="基层工会干部岗位培训班", kind="post",
        starts_on=datetime.date(2025, 4, 1), ends_on=datetime.date(2025, 4, 3), hours="24",
    )  # fmt: skip


def test_a_course_is_checked(county, alice, bob):
    with pytest.raises(ValidationError) as exc:
        services.create_course(
            actor=bob, organisation=county.county, title="", kind="x",
            starts_on=datetime.date(2025, 4, 3), ends_on=datetime.date(2025, 4, 1), hours="0",
        )  # fmt: skip
    assert set(exc.value.message_dict) == {"organisation", "title", "kind", "ends_on", "hours"}


def test_towns_see_the_countys_course_but_only_the_organiser_edits(county, bob, charlie, course):
    assert course in Course.objects.visible_to(bob)
    assert course not in Course.objects.editable_by(bob)
    with pytest.raises(PermissionDenied):
        services.update_course(actor=bob, course=course, title="改")
    town_course = services.create_course(
        actor=bob, organisation=county.town_a, title="专题", kind="topic",
        starts_on=datetime.date(2025, 5, 1), ends_on=datetime.date(2025, 5, 1), hours="6",
    )  # fmt: skip
    assert town_course not in Course.objects.visible_to(charlie)


def test_enrolment_attendance_and_hours(county, alice, bob, charlie, dora, course, sam):
    one = services.enrol(actor=dora, course=course, union=county.union_a, name="孙主席",
                         post="工会主席")  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        services.enrol(actor=dora, course=course, union=county.union_a, name="孙主席")
    assert "name" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.enrol(actor=charlie, course=course, union=county.union_a, name="钱某")
    assert "union" in exc.value.message_dict
    services.enrol(actor=bob, course=course, union=county.town_a, name=sam.name, worker=sam)
    two = services.enrol(actor=charlie, course=course, union=county.union_b, name="李委员")
    # Attendance is the organiser's: a town clerk cannot record it.
    with pytest.raises(ValidationError):
        services.record_attendance(actor=bob, enrolment=one, hours_attended="24", completed=True)
    with pytest.raises(ValidationError) as exc:
        services.record_attendance(actor=alice, enrolment=one, hours_attended="30",
                                   completed=True)  # fmt: skip
    assert "hours_attended" in exc.value.message_dict
    services.record_attendance(actor=alice, enrolment=one, hours_attended="24", completed=True)
    services.record_attendance(actor=alice, enrolment=two, hours_attended="8", completed=False)
    rows = queries.hours_by_cadre(alice, 2025)
    assert [(r["name"], r["hours"]) for r in rows] == [("孙主席", Decimal("24.0"))]
    assert queries.hours_by_cadre(charlie, 2025) == []
    assert set(Enrolment.objects.visible_to(charlie)) == {two}


def test_the_course_page_enrols_and_records(client, county, alice, dora, course):
    client.force_login(dora)
    client.post(reverse("cadres:course_enrol", args=[course.pk]),
                {"union": county.union_a.pk, "name": "孙主席", "post": "工会主席"})  # fmt: skip
    enrolment = Enrolment.objects.get()
    client.force_login(alice)
    client.post(reverse("cadres:enrolment_attend", args=[enrolment.pk]),
                {"hours_attended": "24", "completed": "1"})  # fmt: skip
    enrolment.refresh_from_db()
    assert enrolment.status == "completed"
    page = client.get(reverse("cadres:cadre_hours"), {"year": 2025}).content.decode()
    assert "孙主席" in page and ">24.0<" in page
