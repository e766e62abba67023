"""Registering social workers, their logins, and who sees whose file."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.cadres.models import MonthlyRecord, SocialWorker
from gonghui.cadres.workers import services
from gonghui.conftest import PASSWORD
from gonghui.core.models import AuditEntry
from gonghui.core.roles import Role

pytestmark = pytest.mark.django_db


def test_an_administrator_registers_a_worker_with_a_login(county, alice):
    worker = services.create_worker(
        actor=alice,
        organisation=county.town_a,
        name="陈社工",
        post="驻镇社工",
        grade="intermediate",
        employer_of_record="县人力资源公司",
        contract_starts_on=datetime.date(2025, 1, 1),
        contract_ends_on=datetime.date(2027, 12, 31),
        username="chensg",
        password=PASSWORD,
    )
    assert worker.user.username == "chensg"
    assert worker.user.role_assignments.get().role == Role.SOCIAL_WORKER
    assert worker.user.role_assignments.get().organisation == county.town_a
    assert AuditEntry.objects.for_object(worker).exists()


def test_a_clerk_registers_but_cannot_open_a_login(county, bob):
    with pytest.raises(ValidationError) as exc:
        services.create_worker(
            actor=bob,
            organisation=county.town_a,
            name="陈社工",
            post="社工",
            username="chensg",
            password=PASSWORD,
        )
    assert "username" in exc.value.message_dict
    worker = services.create_worker(
        actor=bob, organisation=county.town_a, name="陈社工", post="社工"
    )
    assert worker.user is None


def test_out_of_scope_and_bad_contract_are_refused(county, bob):
    with pytest.raises(ValidationError) as exc:
        services.create_worker(
            actor=bob,
            organisation=county.town_b,
            name="=cmd",
            post="",
            contract_starts_on=datetime.date(2026, 1, 1),
            contract_ends_on=datetime.date(2025, 1, 1),
        )
    assert set(exc.value.message_dict) >= {"organisation", "name", "post", "contract_ends_on"}


def test_update_keeps_the_union_served(county, bob, sam):
    with pytest.raises(ValidationError):
        services.update_worker(actor=bob, socialworker=sam, organisation=county.town_b)
    services.update_worker(actor=bob, socialworker=sam, grade="senior")
    sam.refresh_from_db()
    assert sam.grade == "senior"


def test_charlie_cannot_update_town_a_worker(county, charlie, sam):
    with pytest.raises(PermissionDenied):
        services.update_worker(actor=charlie, socialworker=sam, grade="senior")


def test_a_social_worker_sees_only_their_own_file(county, sam, tina, ursula):
    MonthlyRecord.objects.create(worker=tina, month=datetime.date(2025, 3, 1), work_done="x")
    mine = MonthlyRecord.objects.create(worker=sam, month=datetime.date(2025, 3, 1), work_done="y")
    assert list(SocialWorker.objects.visible_to(sam.user)) == [sam]
    assert list(MonthlyRecord.objects.visible_to(sam.user)) == [mine]


def test_the_union_served_and_above_see_the_file(county, alice, bob, charlie, sam, ursula):
    assert set(SocialWorker.objects.visible_to(bob)) == {sam}
    assert set(SocialWorker.objects.visible_to(alice)) == {sam, ursula}
    assert set(SocialWorker.objects.visible_to(charlie)) == {ursula}


def test_certificates_are_the_host_unions_to_enter(county, bob, sam):
    services.add_certificate(actor=bob, worker=sam, name="助理社会工作师", number="A-1")
    with pytest.raises(PermissionDenied):
        services.add_certificate(actor=sam.user, worker=sam, name="自己加的")
    assert [c.name for c in sam.certificates.all()] == ["助理社会工作师"]
