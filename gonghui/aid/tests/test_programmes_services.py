"""Programme services: creating and editing programmes, the budget floor, programme kinds."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.aid.models import AidApplication, Payment, Programme, ProgrammeKind
from gonghui.aid.programmes import services as programmes
from gonghui.aid.tests.conftest import make_programme
from gonghui.core.models import AuditAction, AuditEntry

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def fields(county, **overrides) -> dict:
    values = {
        "organisation": county.county,
        "kind": ProgrammeKind.objects.get(code="medical"),
        "name": "大病医疗救助",
        "year": TODAY.year,
        "budget": Decimal("50000.00"),
        "cap": Decimal("5000.00"),
        "opens_on": TODAY,
        "closes_on": TODAY + datetime.timedelta(days=60),
        "eligibility": "filed",
        "required_documents": "诊断证明\n\n 医疗费用票据 \n",
        "review_levels": 2,
    }
    values.update(overrides)
    return values


def errors_of(exc) -> dict:
    return exc.value.message_dict


def test_create_programme_is_audited(county, alice):
    programme = programmes.create_programme(actor=alice, **fields(county))
    assert programme.document_kinds == ["诊断证明", "医疗费用票据"]
    assert programme.required_documents == "诊断证明\n医疗费用票据"
    assert AuditEntry.objects.filter(
        object_id=str(programme.pk), action=AuditAction.CREATE, actor=alice
    ).exists()


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"budget": Decimal("-1")}, "budget"),
        ({"budget": Decimal("1.005")}, "budget"),
        ({"cap": Decimal("0")}, "cap"),
        ({"cap": "abc"}, "cap"),
        ({"closes_on": TODAY - datetime.timedelta(days=1)}, "closes_on"),
        ({"review_levels": 0}, "review_levels"),
        ({"notice_days": -1}, "notice_days"),
        ({"name": "  "}, "name"),
        ({"eligibility": "anyone"}, "eligibility"),
        ({"year": 1900}, "year"),
        ({"kind": None}, "kind"),
    ],
)
def test_create_programme_refuses_bad_input(county, alice, overrides, field):
    with pytest.raises(ValidationError) as exc:
        programmes.create_programme(actor=alice, **fields(county, **overrides))
    assert field in errors_of(exc)
    assert not Programme.objects.exists()


def test_only_editors_of_the_organisation_create(county, bob, erin):
    with pytest.raises(ValidationError) as exc:
        programmes.create_programme(actor=bob, **fields(county))
    assert "不在您的管理范围内" in errors_of(exc)["organisation"][0]
    with pytest.raises(ValidationError):  # a reviewer does not edit
        programmes.create_programme(actor=erin, **fields(county, organisation=county.town_a))
    town = programmes.create_programme(actor=bob, **fields(county, organisation=county.town_a))
    assert town.organisation == county.town_a


def test_update_programme(county, alice, bob, programme):
    updated = programmes.update_programme(
        actor=alice, programme=programme, cap=Decimal("1800"), name="金秋助学（2026）"
    )
    assert updated.cap == Decimal("1800.00") and updated.name == "金秋助学（2026）"
    entry = AuditEntry.objects.get(object_id=str(programme.pk), action=AuditAction.UPDATE)
    assert entry.changes["cap"] == ["2000.00", "1800.00"]
    with pytest.raises(PermissionDenied):
        programmes.update_programme(actor=bob, programme=programme, cap=Decimal("1"))
    with pytest.raises(ValidationError) as exc:
        programmes.update_programme(actor=alice, programme=programme, organisation=county.town_a)
    assert "organisation" in errors_of(exc)


def test_budget_never_below_what_is_committed(county, alice, programme):
    application = AidApplication.objects.create(
        programme=programme,
        member=county.member_a,
        union=county.union_a,
        channel="staff",
        status="approved",
        amount_requested=Decimal("2000"),
        amount_approved=Decimal("2000"),
    )
    Payment.objects.create(
        programme=programme, application=application, amount=Decimal("2000"), created_by=alice
    )
    assert programmes.committed(programme) == Decimal("2000.00")
    with pytest.raises(ValidationError) as exc:
        programmes.update_programme(actor=alice, programme=programme, budget=Decimal("1999.99"))
    assert "2000.00" in errors_of(exc)["budget"][0]
    programme.refresh_from_db()
    assert programme.budget == Decimal("10000.00")
    programmes.update_programme(actor=alice, programme=programme, budget=Decimal("2000"))


def test_add_kind_only_county_admins(county, alice, bob, erin):
    for user in (bob, erin):
        with pytest.raises(PermissionDenied):
            programmes.add_kind(actor=user, code="flood", name="洪灾救助")
    kind = programmes.add_kind(actor=alice, code="Flood", name="洪灾救助")
    assert kind.code == "flood" and not kind.builtin
    assert AuditEntry.objects.filter(object_id=str(kind.pk), actor=alice).exists()
    with pytest.raises(ValidationError) as exc:
        programmes.add_kind(actor=alice, code="flood", name="医疗救助")
    assert set(errors_of(exc)) == {"code", "name"}
    with pytest.raises(ValidationError) as exc:
        programmes.add_kind(actor=alice, code="洪灾", name="")
    assert set(errors_of(exc)) == {"code", "name"}


def test_fixture_programme_is_open(programme, county):
    assert programme.is_open()
    closed = make_programme(county, closes_on=TODAY - datetime.timedelta(days=1))
    assert not closed.is_open()
