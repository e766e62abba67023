"""New-form workers join industry unions directly; a town takes fallback members (兜底入会) only
when its administrator marks it. One predicate (`Organisation.admits_members`) serves the
services, the import, the portal's join link and poster, the queue, transfers in and out, the
member card, exports, the API and the figures."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gonghui.core import pickers
from gonghui.core.models import Organisation, OrgKind
from gonghui.core.services.orgs import create_organisation, update_organisation
from gonghui.core.validators import make_resident_id
from gonghui.portal import links
from gonghui.portal.tests.conftest import COURIER_ID, COURIER_PHONE, sign_in
from gonghui.registry import membership
from gonghui.registry.choices import (
    NEW_EMPLOYMENT_FORMS,
    ApplicationStatus,
    EmploymentForm,
    MemberSource,
    MemberStatus,
)
from gonghui.registry.forms_membership import receiving_unions
from gonghui.registry.models import Application, Member
from gonghui.registry.services import create_member
from gonghui.registry.tests.sheets import MEMBER_HEADERS, run
from gonghui.registry.tests.test_export import csv_rows, export
from gonghui.reports.figures import compute

pytestmark = pytest.mark.django_db

COURIERS = "城关镇快递行业工会"  # an industry union under town A
TRUCKERS = "测试县货车司机工会"  # an industry union under the county
NOT_FALLBACK = "水坪镇总工会未开展兜底入会"


@pytest.fixture
def unions(county):
    couriers = create_organisation(
        actor=None, name=COURIERS, kind=OrgKind.INDUSTRY_UNION, parent=county.town_a
    )
    truckers = create_organisation(
        actor=None, name=TRUCKERS, kind=OrgKind.INDUSTRY_UNION, parent=county.county
    )
    return couriers, truckers


@pytest.fixture
def fallback_a(county, alice):
    """Town A marked as taking fallback members, by the county's administrator."""
    update_organisation(actor=alice, organisation=county.town_a, takes_fallback_members=True)
    county.town_a.refresh_from_db()
    return county.town_a


def person_ids(n: int, genders: str, seed: int = 15) -> list[str]:
    rng = random.Random(seed)
    birth = datetime.date(1992, 6, 1)
    return [make_resident_id(rng, birth_date=birth, gender=genders[i]) for i in range(n)]


def row(name, id_number, union, form="快递员", migrant="否", joined=datetime.date(2024, 3, 1)):
    values = dict.fromkeys(MEMBER_HEADERS)
    values.update(
        {
            "姓名": name,
            "公民身份号码": id_number,
            "所在工会": union,
            "就业形态": form,
            "是否农民工": migrant,
            "入会日期": joined,
        }
    )
    return [values[h] for h in MEMBER_HEADERS]


# ---------------------------------------------------------------------------------------------
# The predicate
# ---------------------------------------------------------------------------------------------


def test_who_admits_members(county, unions, fallback_a):
    couriers, truckers = unions
    assert couriers.admits_members and truckers.admits_members
    assert county.union_a.admits_members
    assert county.town_a.admits_members  # marked
    assert not county.town_b.admits_members  # not marked
    assert not county.county.admits_members
    admitting = set(Organisation.objects.admitting_members())
    assert {couriers, truckers, county.union_a, county.union_b, county.town_a} == admitting


# ---------------------------------------------------------------------------------------------
# Import
# ---------------------------------------------------------------------------------------------


def test_a_county_file_of_couriers_and_drivers_imports_into_the_industry_unions(
    tmp_path, county, unions, alice
):
    couriers, truckers = unions
    n = person_ids(5, "MFMMF")
    rows = [
        MEMBER_HEADERS,
        row("快递甲", n[0], COURIERS, migrant="是"),
        row("快递乙", n[1], COURIERS),
        row("快递丙", n[2], COURIERS, form="外卖骑手"),
        row("司机甲", n[3], TRUCKERS, form="货车司机", migrant="是"),
        row("司机乙", n[4], TRUCKERS, form="货车司机"),
    ]
    outcome = run(tmp_path, "members", rows, actor=alice)
    assert outcome.ok, outcome.errors
    assert outcome.created == 5
    imported = Member.objects.filter(source=MemberSource.IMPORT)
    assert imported.filter(union=couriers).count() == 3
    assert set(imported.filter(union=truckers).values_list("employment_form", flat=True)) == {
        EmploymentForm.TRUCK_DRIVER
    }
    # Re-importing the same file changes nothing.
    again = run(tmp_path, "members", rows, actor=alice)
    assert again.ok and again.created == 0 and again.unchanged == 5


def test_a_town_clerk_imports_into_their_towns_industry_union(tmp_path, county, unions, bob):
    (number,) = person_ids(1, "M")
    outcome = run(tmp_path, "members", [MEMBER_HEADERS, row("快递丁", number, COURIERS)], actor=bob)
    assert outcome.ok, outcome.errors
    # The county's truck union is outside town A: reported like a union that does not exist.
    (number,) = person_ids(1, "M", seed=16)
    outcome = run(tmp_path, "members", [MEMBER_HEADERS, row("司机丙", number, TRUCKERS)], actor=bob)
    assert [(e.row, e.column) for e in outcome.errors] == [(2, "所在工会")]
    assert "不在您的管理范围内" in outcome.errors[0].reason


def test_import_into_a_fallback_town_and_an_unmarked_one(tmp_path, county, fallback_a, alice):
    n = person_ids(2, "FM")
    rows = [MEMBER_HEADERS, row("兜底甲", n[0], "城关镇总工会", form="家政服务员")]
    assert run(tmp_path, "members", rows, actor=alice).ok
    rows = [MEMBER_HEADERS, row("兜底乙", n[1], "水坪镇总工会", form="家政服务员")]
    outcome = run(tmp_path, "members", rows, actor=alice)
    assert [(e.row, e.column) for e in outcome.errors] == [(2, "所在工会")]
    assert outcome.errors[0].reason.startswith(NOT_FALLBACK)
    assert not Member.objects.filter(name="兜底乙").exists()


# ---------------------------------------------------------------------------------------------
# The services: a fallback town accepts, an unmarked one refuses
# ---------------------------------------------------------------------------------------------


def test_a_fallback_town_accepts_and_an_unmarked_town_refuses(county, fallback_a, bob, charlie):
    a, b = person_ids(2, "FF")
    member = create_member(
        actor=bob,
        name="家政甲",
        id_number=a,
        union=county.town_a,
        employment_form=EmploymentForm.DOMESTIC,
        joined_on=datetime.date(2025, 1, 2),
    )
    assert member.union == county.town_a and member.status == MemberStatus.ACTIVE
    with pytest.raises(ValidationError) as refused:
        create_member(
            actor=charlie,
            name="家政乙",
            id_number=b,
            union=county.town_b,
            joined_on=datetime.date(2025, 1, 2),
        )
    assert refused.value.message_dict["union"][0].startswith(NOT_FALLBACK)
    with pytest.raises(ValidationError) as refused:
        membership.submit_join(
            union=county.town_b,
            name="家政乙",
            id_number=b,
            phone="13700002222",
            consent_version="1",
        )
    assert refused.value.message_dict["union"][0].startswith(NOT_FALLBACK)
    with pytest.raises(ValidationError) as refused:
        create_member(
            actor=None,
            name="家政丙",
            id_number=b,
            union=county.county,
            joined_on=datetime.date(2025, 1, 2),
        )
    assert "产业(行业)工会" in refused.value.message_dict["union"][0]


def test_only_an_administrator_marks_a_town_and_not_while_it_has_fallback_members(
    county, alice, bob
):
    with pytest.raises(ValidationError) as refused:
        update_organisation(actor=bob, organisation=county.town_a, takes_fallback_members=True)
    assert refused.value.message_dict == {"takes_fallback_members": ["兜底入会只能由管理员设置"]}
    with pytest.raises(ValidationError) as refused:
        update_organisation(
            actor=alice, organisation=county.union_a, takes_fallback_members=True
        )
    message = refused.value.message_dict["takes_fallback_members"][0]
    assert "只有乡镇(街道)总工会和园区工会" in message
    town = update_organisation(actor=alice, organisation=county.town_a, takes_fallback_members=True)
    (number,) = person_ids(1, "M")
    create_member(
        actor=bob, name="兜底丁", id_number=number, union=town, joined_on=datetime.date(2025, 1, 2)
    )
    with pytest.raises(ValidationError) as refused:
        update_organisation(actor=alice, organisation=town, takes_fallback_members=False)
    assert "须先将会员转出" in refused.value.message_dict["takes_fallback_members"][0]


def test_a_pending_join_is_not_approved_once_the_town_is_unmarked(county, alice, bob, fallback_a):
    application = membership.submit_join(
        union=county.town_a,
        name="兜底戊",
        id_number=COURIER_ID,
        phone=COURIER_PHONE,
        consent_version="1",
    )
    update_organisation(actor=alice, organisation=county.town_a, takes_fallback_members=False)
    with pytest.raises(ValidationError) as refused:
        membership.approve(actor=bob, application=application)
    assert "未开展兜底入会" in refused.value.messages[0]
    assert Application.objects.get(pk=application.pk).is_pending


# ---------------------------------------------------------------------------------------------
# The org pages: the mark, who may set it, the join panel
# ---------------------------------------------------------------------------------------------


def test_the_mark_on_the_edit_form_is_the_administrators(client, county, alice, bob):
    edit = reverse("core:org_edit", args=[county.town_a.pk])
    client.force_login(bob)
    assert "takes_fallback_members" not in client.get(edit).content.decode()
    client.force_login(alice)
    assert 'name="takes_fallback_members"' in client.get(edit).content.decode()
    data = {"name": "城关镇总工会", "kind": OrgKind.TOWN_FEDERATION, "status": "active",
            "sort_order": 0}  # fmt: skip
    response = client.post(edit, {**data, "takes_fallback_members": "on"})
    assert response.status_code == 302
    county.town_a.refresh_from_db()
    assert county.town_a.takes_fallback_members
    body = client.get(county.town_a.get_absolute_url()).content.decode()
    assert 'data-admits-members="1"' in body and "兜底入会" in body
    assert links.join_code(county.town_a) in body  # the join panel with its QR code


def test_the_api_shows_and_sets_the_mark(client, county, alice, bob):
    url = reverse("organisation-detail", args=[county.town_a.pk])
    client.force_login(bob)
    response = client.patch(url, {"takes_fallback_members": True}, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["takes_fallback_members"] == ["兜底入会只能由管理员设置"]
    client.force_login(alice)
    assert client.get(url).json()["admits_members"] is False
    response = client.patch(url, {"takes_fallback_members": True}, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["takes_fallback_members"] is True
    assert response.json()["admits_members"] is True


# ---------------------------------------------------------------------------------------------
# The portal: QR join, poster, the queue, the member card
# ---------------------------------------------------------------------------------------------


def test_a_qr_join_to_the_industry_union_is_decided_and_gives_a_card(
    client, county, unions, bob, django_capture_on_commit_callbacks
):
    couriers, _ = unions
    code = links.join_code(couriers)
    assert client.get(reverse("portal:join_poster", args=[code])).status_code == 200
    assert client.get(reverse("portal:join_qr_png", args=[code]))["Content-Type"] == "image/png"
    sign_in(client, COURIER_PHONE)
    join = reverse("portal:join", args=[code])
    assert COURIERS in client.get(join).content.decode()
    data = {
        "name": "王快递",
        "id_number": COURIER_ID,
        "no_employer": "on",
        "employment_form": EmploymentForm.COURIER,
        "is_migrant_worker": "on",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(join, data)
    assert response.status_code == 302
    application = Application.objects.get(union=couriers)
    assert application.is_pending
    # In town A's queue, decided there (staff on their own browser).
    staff = Client()
    staff.force_login(bob)
    queue = staff.get(reverse("registry:application_list")).content.decode()
    assert "王快递" in queue
    response = staff.post(reverse("registry:application_approve", args=[application.pk]))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    member = application.result
    assert member.union == couriers and member.employer is None
    assert member.source == MemberSource.ONLINE and member.is_migrant_worker
    card = client.get(reverse("portal:card", args=[member.pk])).content.decode()
    assert COURIERS in card and member.card_number in card


def test_an_unmarked_town_has_no_join_link_and_a_marked_one_has(client, county, alice):
    code = links.join_code(county.town_b)
    assert client.get(reverse("portal:join", args=[code])).status_code == 404
    assert client.get(reverse("portal:join_poster", args=[code])).status_code == 404
    update_organisation(actor=alice, organisation=county.town_b, takes_fallback_members=True)
    assert client.get(reverse("portal:join", args=[code])).status_code == 200
    assert client.get(reverse("portal:join_poster", args=[code])).status_code == 200


# ---------------------------------------------------------------------------------------------
# Transfers in and out
# ---------------------------------------------------------------------------------------------


def test_transfers_into_and_out_of_the_industry_union(
    county, unions, fallback_a, bob, charlie, frank
):
    couriers, _ = unions
    assert set(receiving_unions(county.member_a)) >= {couriers, county.town_a}
    assert county.town_b not in set(receiving_unions(county.member_a))
    # In: member_a of town A's factory union becomes a courier.
    moving = membership.submit_transfer(
        member=county.member_a, union=couriers, employment_form=EmploymentForm.COURIER, actor=bob
    )
    joined = membership.approve(actor=frank, application=moving)  # town A's reviewer
    assert joined.union == couriers and joined.employment_form == EmploymentForm.COURIER
    assert joined.source == MemberSource.TRANSFER
    old = Member.objects.get(pk=county.member_a.pk)
    assert old.status == MemberStatus.TRANSFERRED_OUT
    # Out: from the courier union to town B's union, decided by town B.
    leaving = membership.submit_transfer(member=joined, union=county.union_b, actor=bob)
    moved = membership.approve(actor=charlie, application=leaving)
    assert moved.union == county.union_b
    assert Member.objects.get(pk=joined.pk).status == MemberStatus.TRANSFERRED_OUT
    flows = compute(org=couriers, today=timezone.localdate())
    assert (flows["transfers_in"], flows["transfers_out"], flows["members"]) == (1, 1, 0)


def test_the_clerks_transfer_page_offers_the_industry_union(client, county, unions, bob):
    couriers, _ = unions
    client.force_login(bob)
    url = reverse("registry:member_transfer", args=[county.member_a.pk])
    assert client.get(url).status_code == 200
    # The page's organisation picker offers what its source offers: the industry union too.
    offered = pickers.choices("registry.receiving", bob, member=county.member_a.pk)
    assert couriers in offered
    response = client.post(url, {"union": couriers.pk})
    assert response.status_code == 302
    assert Application.objects.pending().get(member=county.member_a).union == couriers
    response = client.post(
        reverse("registry:member_transfer", args=[county.member_b.pk]), {"union": couriers.pk}
    )
    assert response.status_code == 404  # member_b is town B's


# ---------------------------------------------------------------------------------------------
# Figures, exports and scope
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def drive(county, unions, fallback_a):
    """Town A: three couriers and a rider in its courier union (two women, two migrants), two
    fallback members of town A itself (one woman, a domestic worker and a rider); the county's
    truck union: two drivers (one woman) outside both towns."""
    couriers, truckers = unions
    ids = person_ids(8, "FMMFFMFM")
    today = datetime.date(2025, 6, 1)
    people = [
        ("快递一", couriers, EmploymentForm.COURIER, True),
        ("快递二", couriers, EmploymentForm.COURIER, False),
        ("快递三", couriers, EmploymentForm.COURIER, True),
        ("骑手一", couriers, EmploymentForm.DELIVERY_RIDER, False),
        ("兜底一", county.town_a, EmploymentForm.DOMESTIC, False),
        ("兜底二", county.town_a, EmploymentForm.DELIVERY_RIDER, False),
        ("司机一", truckers, EmploymentForm.TRUCK_DRIVER, False),
        ("司机二", truckers, EmploymentForm.TRUCK_DRIVER, False),
    ]
    for (name, union, form, migrant), number in zip(people, ids, strict=True):
        create_member(
            actor=None,
            name=name,
            id_number=number,
            union=union,
            employment_form=form,
            is_migrant_worker=migrant,
            joined_on=today,
        )
    return couriers, truckers


def by_form(**counts) -> dict:
    return {form: counts.get(form, 0) for form in NEW_EMPLOYMENT_FORMS}


def test_the_figures_count_industry_union_and_fallback_members(county, drive, alice, bob):
    today = datetime.date(2025, 12, 31)
    # Town A: member_a (a man, standard) + the six above; women: 快递一, 骑手一, 兜底一.
    town_a = compute(user=bob, today=today)
    assert town_a["members"] == 7
    assert town_a["members_new_form"] == 6
    assert town_a["members_migrant"] == 2
    assert town_a["members_women"] == 3
    assert town_a["members_new_form_by_form"] == by_form(courier=3, delivery_rider=2, domestic=1)
    assert town_a["members_new"] == 6  # joined in 2025
    # The county adds member_b (a woman courier) and the two drivers (司机一 a woman).
    everything = compute(user=alice, today=today)
    assert everything["members"] == 10
    assert everything["members_women"] == 5
    assert everything["members_new_form_by_form"] == by_form(
        courier=4, delivery_rider=2, domestic=1, truck_driver=2
    )
    assert sum(everything["members_new_form_by_form"].values()) == everything["members_new_form"]
    # members_women is the ID numbers' gender digit, counted by hand.
    women = [m for m in Member.objects.active() if int(m.id_number[16]) % 2 == 0]
    assert everything["members_women"] == len(women)
    # membership_rate keeps its definition: members employed by unionized employers only.
    assert everything["membership_rate"] == round(2 / 160, 4)


def test_the_dashboard_shows_the_new_figures(client, county, drive, alice):
    client.force_login(alice)
    body = client.get(reverse("reports:dashboard")).content.decode()
    assert 'data-figure="members_women" data-value="5"' in body
    assert 'data-figure="members_new_form_by_form.truck_driver" data-value="2"' in body
    assert "新就业形态会员（按职业）" in body


def test_stats_api_has_the_new_figures(client, county, drive, bob):
    client.force_login(bob)
    data = client.get(reverse("stats")).json()
    assert data["members_women"] == 3
    assert data["members_new_form_by_form"]["courier"] == 3
    assert data["members_new_form_by_form"]["truck_driver"] == 0


def test_exports_hold_the_industry_union_and_fallback_members(client, county, drive, bob):
    client.force_login(bob)
    rows = csv_rows(export(client, "members"))
    unions = {r[0]: r[3] for r in rows[1:]}
    assert unions["快递一"] == COURIERS and unions["兜底一"] == "城关镇总工会"
    assert "司机一" not in unions  # the county's truck union is outside town A


def test_town_b_sees_nothing_of_town_as_industry_union_members(client, county, drive, charlie):
    couriers, _ = drive
    client.force_login(charlie)
    page = client.get(reverse("registry:member_list")).content.decode()
    assert "快递一" not in page and "兜底一" not in page
    api = client.get(reverse("member-list")).content.decode()
    assert "快递一" not in api and COURIERS not in api
    rows = csv_rows(export(client, "members"))
    assert {r[0] for r in rows[1:]} == {"李乙华"}
    assert client.get(couriers.get_absolute_url()).status_code == 404
    member = Member.objects.get(name="快递一")
    assert client.get(reverse("registry:member_detail", args=[member.pk])).status_code == 404
    assert client.get(reverse("member-detail", args=[member.pk])).status_code == 404
    figures = client.get(reverse("stats")).json()
    assert figures["members"] == 1 and figures["members_new_form_by_form"]["courier"] == 1
    assert client.get(reverse("stats"), {"org": couriers.pk}).status_code == 404
