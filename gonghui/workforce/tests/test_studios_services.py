"""Studios: grants through the ledger (once per key, none after revocation), the yearly review
setting the status, alliances within the leading union, town B kept out; the pages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gonghui.workforce.choices import Level, ReviewOutcome, StudioStatus
from gonghui.workforce.models import Studio
from gonghui.workforce.studios import services

pytestmark = pytest.mark.django_db
DAY = datetime.date(2025, 6, 1)


@pytest.fixture
def studio(county, bob):
    return services.create_studio(
        actor=bob, name="数控创新工作室", level=Level.COUNTY, employer=county.employer_a,
        leader_member=county.member_a, named_on=DAY, members=[county.member_a],
    )  # fmt: skip


def test_grants_ledger_and_review(county, bob, studio):
    first = services.add_grant(actor=bob, studio=studio, amount="20000", granted_on=DAY,
                               source="县总工会", idempotency_key="g1")  # fmt: skip
    again = services.add_grant(actor=bob, studio=studio, amount="20000", granted_on=DAY,
                               source="县总工会", idempotency_key="g1")  # fmt: skip
    assert first.pk == again.pk and studio.grants.count() == 1
    services.add_result(actor=bob, studio=studio, kind="patent", title="一种夹具",
                        achieved_on=DAY, benefit="150000.00")  # fmt: skip
    services.add_report(actor=bob, studio=studio, year=2025, quarter=2, summary="攻关三项")
    with pytest.raises(ValidationError):
        services.add_report(actor=bob, studio=studio, year=2025, quarter=2, summary="重复")
    services.review(actor=bob, studio=studio, year=2025, outcome=ReviewOutcome.REVOKED)
    studio.refresh_from_db()
    assert studio.status == StudioStatus.REVOKED
    with pytest.raises(ValidationError):
        services.add_grant(actor=bob, studio=studio, amount="100", granted_on=DAY, source="x")


def test_town_b_cannot_touch_town_a_studio(county, charlie, studio):
    with pytest.raises(PermissionDenied):
        services.add_grant(actor=charlie, studio=studio, amount="100", granted_on=DAY, source="x")
    with pytest.raises(ValidationError):
        services.create_studio(actor=charlie, name="x", level=Level.COUNTY,
                               employer=county.employer_a, leader_member=county.member_a,
                               named_on=DAY)  # fmt: skip
    assert not Studio.objects.visible_to(charlie).exists()


def test_alliance_only_of_studios_in_scope(county, alice, bob, studio):
    with pytest.raises(ValidationError):
        services.create_alliance(actor=bob, organisation=county.town_b, name="x", basis="region",
                                 founded_on=DAY, studios=[studio])  # fmt: skip
    alliance = services.create_alliance(actor=alice, organisation=county.county, name="县联盟",
                                        basis="industry", industry="C", founded_on=DAY,
                                        studios=[studio])  # fmt: skip
    services.add_activity(actor=alice, alliance=alliance, kind="project", title="联合攻关",
                          held_on=DAY)  # fmt: skip
    assert alliance.studios.get() == studio


def test_studio_pages(client, county, bob, studio):
    client.force_login(bob)
    grant = {"amount": "5000.00", "granted_on": "2025-07-01", "source": "镇总工会"}
    response = client.post(reverse("workforce:studio_grant", args=[studio.pk]), grant)
    assert response.status_code == 302 and studio.grants.count() == 1
    page = client.get(reverse("workforce:studio_detail", args=[studio.pk])).content.decode()
    assert "5000.00" in page and "镇总工会" in page
    response = client.post(reverse("workforce:studio_add"), {
        "name": "第二工作室", "level": "county", "employer": county.employer_a.pk,
        "leader_member": county.member_a.pk, "named_on": "2025-01-01",
    })  # fmt: skip
    assert response.status_code == 302
    assert Studio.objects.filter(name="第二工作室").exists()


def test_founding_document_and_revocation_document(county, bob, studio, tmp_path):
    from gonghui.workforce.care import services as care
    from gonghui.workforce.honours import nominations
    from gonghui.workforce.models import Honour
    from gonghui.workforce.tests.helpers import make_kind, minutes

    doc = services.attach_founding_document(actor=bob, studio=studio, upload=minutes("命名.pdf"))
    assert doc.studio == studio and doc.kind == services.FOUNDING
    h = nominations.honouree_for(county.member_a)
    honour = Honour.objects.create(kind=make_kind(county), honouree=h, union=h.union, year=2020,
                                   awarded_on=DAY, document_number="X")  # fmt: skip
    care.revoke_honour(actor=bob, honour=honour, reason="弄虚作假", document_number="撤〔2025〕1号",
                       upload=minutes("撤销决定.pdf"))  # fmt: skip
    honour.refresh_from_db()
    assert honour.status == "revoked" and honour.documents.get().original_name == "撤销决定.pdf"
