"""Law firms and counsel through their services (gonghui/rights/counsel/services.py): a counsel
with their login in one step, the patch rules (towns of the organisation's line, valid industry
letters), the roll (在册), who may write, the audit log, and the patch rule of the assign list
(gonghui/rights/cases/queries.py::counsel_choices)."""

import datetime
import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.conftest import PASSWORD, make_user
from gonghui.core.models import AuditEntry, Organisation, OrgKind, RoleAssignment, User
from gonghui.core.roles import Role
from gonghui.core.services.orgs import create_organisation
from gonghui.rights.cases import queries as case_queries
from gonghui.rights.cases import services as cases
from gonghui.rights.choices import CounselKind
from gonghui.rights.counsel import queries as counsel_queries
from gonghui.rights.counsel import services
from gonghui.rights.models import Counsel, LawFirm
from gonghui.rights.tests.portal_helpers import case_in

pytestmark = pytest.mark.django_db


def new_counsel(actor, organisation, **extra) -> Counsel:
    fields = {"name": "孙包干", "kind": CounselKind.LAWYER, "phone": "13900000088"}
    fields.update(extra)
    return services.create_counsel(actor=actor, organisation=organisation, **fields)


# ---------------------------------------------------------------------------------------------
# Firms
# ---------------------------------------------------------------------------------------------


def test_a_firm_with_its_contract_is_registered_and_audited(county, alice):
    firm = services.create_firm(
        actor=alice, organisation=county.county, name=" 正言律师事务所 ", licence_no="1420001",
        credit_code="91420324MA4F00001L", contract_starts_on=datetime.date(2025, 1, 1),
        contract_ends_on=datetime.date(2026, 12, 31),
    )  # fmt: skip
    assert firm.name == "正言律师事务所" and firm.is_active
    entry = AuditEntry.objects.for_object(firm).get()
    assert entry.actor == alice and entry.changes["name"] == [None, "正言律师事务所"]
    services.update_firm(actor=alice, firm=firm, contact="李秋菊")
    assert AuditEntry.objects.for_object(firm).count() == 2


@pytest.mark.parametrize(
    ("fields", "field", "words"),
    [
        ({"name": ""}, "name", "律所名称"),
        ({"contract_starts_on": datetime.date(2026, 1, 1),
          "contract_ends_on": datetime.date(2025, 1, 1)}, "contract_ends_on", "不能早于"),
        ({"credit_code": "91420324MA4F00001X"}, "credit_code", "校验位"),
        ({"licence_no": "9" * 31}, "licence_no", "30"),
    ],
)  # fmt: skip
def test_bad_firm_input_names_its_field_and_writes_nothing(county, alice, fields, field, words):
    with pytest.raises(ValidationError) as exc:
        services.create_firm(
            actor=alice, organisation=county.county, **{"name": "正言律师事务所", **fields}
        )
    assert words in " ".join(exc.value.message_dict[field])
    assert not LawFirm.objects.exists()


def test_firm_names_are_unique_within_an_organisation(county, alice):
    services.create_firm(actor=alice, organisation=county.county, name="正言律师事务所")
    with pytest.raises(ValidationError) as exc:
        services.create_firm(actor=alice, organisation=county.county, name="正言律师事务所")
    assert "已登记" in exc.value.message_dict["name"][0]
    services.create_firm(actor=alice, organisation=county.town_a, name="正言律师事务所")


def test_town_b_writes_no_firm_of_town_a(county, charlie, bob):
    with pytest.raises(ValidationError) as exc:
        services.create_firm(actor=charlie, organisation=county.town_a, name="甲所")
    assert "organisation" in exc.value.message_dict
    firm = services.create_firm(actor=bob, organisation=county.town_a, name="甲所")
    with pytest.raises(PermissionDenied):
        services.update_firm(actor=charlie, firm=firm, name="乙所")
    with pytest.raises(ValidationError) as exc:
        services.update_firm(actor=bob, firm=firm, organisation=county.town_b)
    assert "不能更改" in exc.value.message_dict["organisation"][0]


# ---------------------------------------------------------------------------------------------
# Counsel and their login
# ---------------------------------------------------------------------------------------------


def test_a_lawyer_with_login_in_one_step(county, alice, firm):
    counsel = new_counsel(
        alice, county.county, firm=firm, towns=[county.town_a, county.town_b],
        industries="g, c", username="lawyer9", password="Zhuxi-lawyer-2026",
    )  # fmt: skip
    user = counsel.user
    assert user.username == "lawyer9" and user.name == "孙包干"
    assert user.check_password("Zhuxi-lawyer-2026")
    assert set(user.role_assignments.values_list("role", "organisation")) == {
        (Role.LAWYER, county.county.pk)
    }
    assert counsel.industries == "CG"
    assert set(counsel.towns.all()) == {county.town_a, county.town_b}
    assert counsel.phone == "13900000088" and counsel.phone_masked == "139****0088"
    assert counsel.phone_hash and counsel.phone_hash != counsel.phone
    entry = AuditEntry.objects.for_object(counsel).get()
    assert entry.changes["towns"] == [None, "城关镇总工会、水坪镇总工会"]
    assert "13900000088" not in str(entry.changes)


@pytest.mark.parametrize(
    ("account", "field", "words"),
    [
        ({"username": "bob", "password": "Zhuxi-lawyer-2026"}, "username", "已被使用"),
        ({"username": "BOB", "password": "Zhuxi-lawyer-2026"}, "username", "已被使用"),
        ({"username": "lawyer9", "password": "123"}, "password", "密码"),
        ({"username": "lawyer9", "password": ""}, "password", "初始密码"),
        ({"username": "", "password": "Zhuxi-lawyer-2026"}, "username", "用户名"),
        ({"username": "律 师", "password": "Zhuxi-lawyer-2026"}, "username", ""),
    ],
)
def test_a_bad_login_names_its_field_and_writes_nothing(county, alice, bob, account, field, words):
    users_before = User.objects.count()
    with pytest.raises(ValidationError) as exc:
        new_counsel(alice, county.county, **account)
    assert words in " ".join(exc.value.message_dict[field])
    assert not Counsel.objects.exists() and User.objects.count() == users_before


def test_a_clerk_registers_counsel_but_opens_no_login(county, bob):
    with pytest.raises(ValidationError) as exc:
        new_counsel(bob, county.town_a, username="lawyer9", password="Zhuxi-lawyer-2026")
    assert "管理员" in exc.value.message_dict["username"][0]
    mediator = new_counsel(bob, county.town_a, kind=CounselKind.MEDIATOR, towns=[county.town_a])
    assert mediator.user is None and mediator.organisation == county.town_a


def test_an_administrator_opens_the_login_later(county, alice, bob):
    counsel = new_counsel(bob, county.town_a)
    services.open_account(actor=alice, counsel=counsel, username="lawyer9", password=PASSWORD)
    counsel.refresh_from_db()
    assert counsel.user.username == "lawyer9"
    with pytest.raises(ValidationError) as exc:
        services.open_account(actor=alice, counsel=counsel, username="lawyer10", password=PASSWORD)
    assert "已有登录账号" in exc.value.message_dict["username"][0]


def test_an_existing_account_is_linked_once(county, alice, lena):
    user = make_user("newlawyer", Role.LAWYER, county.county)
    counsel = new_counsel(alice, county.county, user=user)
    assert counsel.user == user and user.role_assignments.count() == 1
    with pytest.raises(ValidationError) as exc:
        new_counsel(alice, county.county, name="又一个", user=lena)
    assert "已关联" in exc.value.message_dict["user"][0]


def test_the_phone_is_checked(county, alice):
    with pytest.raises(ValidationError) as exc:
        new_counsel(alice, county.county, phone="1390000")
    assert "11位" in exc.value.message_dict["phone"][0]


def test_a_patch_holds_only_towns_of_the_organisations_line(county, alice, bob):
    with pytest.raises(ValidationError) as exc:
        new_counsel(bob, county.town_a, towns=[county.town_a, county.town_b])
    assert "水坪镇总工会" in exc.value.message_dict["towns"][0]
    with pytest.raises(ValidationError) as exc:
        new_counsel(alice, county.county, towns=[county.union_a])
    assert "甲机械厂工会" in exc.value.message_dict["towns"][0]
    # A grassroots union's counsel may cover the union's own town.
    counsel = new_counsel(alice, county.union_a, towns=[county.town_a])
    assert list(counsel.towns.all()) == [county.town_a]


def test_industries_must_be_sections_of_the_standard(county, alice):
    with pytest.raises(ValidationError) as exc:
        new_counsel(alice, county.county, industries="CZ9")
    assert "Z、9" in exc.value.message_dict["industries"][0]
    assert new_counsel(alice, county.county, industries=["g", "C", "G"]).industries == "CG"


def test_a_firm_of_another_town_is_refused(county, alice, bob):
    firm_b = services.create_firm(actor=alice, organisation=county.town_b, name="乙所")
    with pytest.raises(ValidationError) as exc:
        new_counsel(alice, county.town_a, firm=firm_b)
    assert "乙所" in exc.value.message_dict["firm"][0]
    county_firm = services.create_firm(actor=alice, organisation=county.county, name="县所")
    assert new_counsel(alice, county.town_a, firm=county_firm).firm == county_firm


def test_an_update_changes_the_patch_with_its_audit(county, alice, charlie):
    counsel = new_counsel(alice, county.county, towns=[county.town_a])
    services.update_counsel(
        actor=alice, counsel=counsel, towns=[county.town_b], industries="E", name="孙改名"
    )
    counsel.refresh_from_db()
    assert list(counsel.towns.all()) == [county.town_b] and counsel.industries == "E"
    entry = AuditEntry.objects.for_object(counsel).order_by("-pk").first()
    assert entry.changes["towns"] == ["城关镇总工会", "水坪镇总工会"]
    assert entry.changes["name"] == ["孙包干", "孙改名"]
    assert counsel.phone == "13900000088"  # not sent: unchanged
    with pytest.raises(PermissionDenied):
        services.update_counsel(actor=charlie, counsel=counsel, name="越权")
    with pytest.raises(ValidationError) as exc:
        services.update_counsel(actor=alice, counsel=counsel, organisation=county.town_a)
    assert "不能更改" in exc.value.message_dict["organisation"][0]


def test_a_viewer_writes_nothing(county, erin):
    with pytest.raises(ValidationError) as exc:
        new_counsel(erin, county.county)
    assert "organisation" in exc.value.message_dict


# ---------------------------------------------------------------------------------------------
# The roll
# ---------------------------------------------------------------------------------------------


def test_off_the_roll_keeps_cases_and_login_and_is_not_offered(county, alice, bob):
    counsel = new_counsel(alice, county.county, username="lawyer9", password=PASSWORD)
    case = case_in(county, "accepted")
    cases.assign_case(actor=bob, case=case, counsel=counsel)
    with pytest.raises(PermissionDenied):  # the county's roll is the county's
        services.set_counsel_active(actor=bob, counsel=counsel, active=False)
    services.set_counsel_active(actor=alice, counsel=counsel, active=False)
    counsel.refresh_from_db()
    assert not counsel.is_active and counsel.user.is_active
    assert counsel.user.role_assignments.filter(role=Role.LAWYER).exists()
    case.refresh_from_db()
    assert case.counsel == counsel
    other = case_in(county, "accepted")
    assert counsel not in case_queries.counsel_choices(bob, other)
    with pytest.raises(ValidationError):
        cases.assign_case(actor=bob, case=other, counsel=counsel)
    entry = AuditEntry.objects.for_object(counsel).order_by("-pk").first()
    assert entry.actor == alice and entry.changes["is_active"] == [True, False]
    services.set_counsel_active(actor=alice, counsel=counsel, active=True)
    assert counsel in case_queries.counsel_choices(bob, other)


def test_town_b_cannot_take_town_a_counsel_off_the_roll(county, bob, charlie):
    counsel = new_counsel(bob, county.town_a)
    with pytest.raises(PermissionDenied):
        services.set_counsel_active(actor=charlie, counsel=counsel, active=False)


# ---------------------------------------------------------------------------------------------
# The patch rule: covers() and the assign list
# ---------------------------------------------------------------------------------------------


def test_covers_by_town_or_by_industry(county, alice):
    county.employer_a.industry = "C"  # 制造业
    county.employer_a.save(update_fields=["industry"])
    case = case_in(county, "accepted", union=county.union_a)
    by_town = new_counsel(alice, county.county, name="甲镇包干", towns=[county.town_a])
    by_trade = new_counsel(alice, county.county, name="制造业包干", industries="C")
    neither = new_counsel(alice, county.county, name="乙镇包干", towns=[county.town_b])
    assert counsel_queries.case_town(case) == county.town_a
    assert counsel_queries.covers(by_town, case) and counsel_queries.covers(by_trade, case)
    assert not counsel_queries.covers(neither, case)


def test_the_assign_list_offers_the_covering_counsel_first(county, alice, bob, lena):
    case = case_in(county, "accepted")
    first = new_counsel(alice, county.county, name="赵包干", towns=[county.town_a])
    other = new_counsel(alice, county.county, name="阿不包干", towns=[county.town_b])
    town_b_own = new_counsel(alice, county.town_b, name="乙镇自有")
    off = new_counsel(alice, county.county, name="不在册", towns=[county.town_a])
    services.set_counsel_active(actor=alice, counsel=off, active=False)
    choices = list(case_queries.counsel_choices(bob, case))
    assert choices[0] == first and first.pk == choices[0].pk and choices[0].covering
    assert other in choices and not next(c for c in choices if c == other).covering
    assert Counsel.objects.get(user=lena) in choices
    assert town_b_own not in choices and off not in choices
    assert [c.covering for c in choices] == sorted((c.covering for c in choices), reverse=True)


def test_the_assign_list_is_empty_to_who_may_not_assign(county, alice, charlie, erin):
    case = case_in(county, "accepted")
    new_counsel(alice, county.county, towns=[county.town_a])
    assert not case_queries.counsel_choices(charlie, case).exists()
    assert not case_queries.counsel_choices(erin, case).exists()


def test_a_county_case_has_no_town_and_offers_by_name(county, alice):
    case = case_in(county, "accepted", union=county.county, employer=None)
    new_counsel(alice, county.county, name="乙", towns=[county.town_a])
    new_counsel(alice, county.county, name="甲")
    assert counsel_queries.case_town(case) is None
    names = [c.name for c in case_queries.counsel_choices(alice, case)]
    assert names == sorted(names)


# ---------------------------------------------------------------------------------------------
# Demo
# ---------------------------------------------------------------------------------------------


def test_the_demo_part_builds_the_roll_through_the_services(county, alice, lena):
    from gonghui.rights.counsel import demo as counsel_demo
    from gonghui.rights.demo import PARTS, RightsDemo

    more = [
        create_organisation(
            actor=None, name=f"测试{i}镇总工会", kind=OrgKind.TOWN_FEDERATION, parent=county.county
        )
        for i in range(4)
    ]
    lena.counsel.delete()
    LawFirm.objects.all().delete()  # the fixture's firm
    state = RightsDemo(
        rng=random.Random(1), today=datetime.date(2026, 3, 1), county=county.county,
        towns=[county.town_a, county.town_b, *more], users={"admin": alice, "lawyer": lena},
    )  # fmt: skip
    lines = counsel_demo.generate(state)
    assert PARTS[0] == "counsel"
    assert len(state.counsel) == 8 and LawFirm.objects.count() == 4
    assert state.counsel[0].user == lena
    lawyers = [c for c in state.counsel if c.kind == CounselKind.LAWYER]
    assert len(lawyers) == 5
    covered = {t.pk for c in lawyers for t in c.towns.all()}
    assert covered == {t.pk for t in Organisation.objects.filter(kind=OrgKind.TOWN_FEDERATION)}
    assert all(c.user_id for c in state.counsel)
    assert RoleAssignment.objects.filter(role=Role.LAWYER, user__username="lawyer2").exists()
    assert all(f.contract_starts_on < f.contract_ends_on for f in LawFirm.objects.all())
    assert "lawyer8" in lines[-1]
