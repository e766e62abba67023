"""The firm and counsel pages (gonghui/rights/counsel/views.py): staff only (a lawyer gets 403
on every one), lists with their filters, adding a counsel with their login, editing, the roll;
and the walk the issue is done by: a counsel added with a login is offered first (包干) in a
town clerk's assign form, is assigned the case, signs in and sees it."""

import pytest
from django.urls import reverse

from gonghui.rights.choices import CaseStatus, CounselKind
from gonghui.rights.counsel import services
from gonghui.rights.models import Case, Counsel, LawFirm
from gonghui.rights.tests import url_cases_counsel
from gonghui.rights.tests.portal_helpers import case_in

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Zhuxi-lawyer-2026"


def _url(county, user, name):
    method, kwargs = url_cases_counsel.LAWYER_FORBIDDEN[name]
    return method, reverse(name, kwargs=kwargs(county, user))


@pytest.mark.parametrize("name", sorted(url_cases_counsel.LAWYER_FORBIDDEN))
def test_a_lawyer_gets_403_everywhere_here(client, county, bob, lena, name):
    client.force_login(lena)
    method, url = _url(county, bob, name)
    response = client.get(url) if method == "GET" else client.post(url, {"active": "0"})
    assert response.status_code == 403, f"{name} answered {response.status_code}"


def test_a_lawyer_gets_403_on_her_own_entry(client, lena):
    client.force_login(lena)
    own = Counsel.objects.get(user=lena)
    assert client.get(reverse("rights:counsel_detail", args=[own.pk])).status_code == 403
    assert client.get(reverse("rights-counsel-detail", args=[own.pk])).status_code == 403


def test_the_rights_index_links_the_roll_for_staff_only(client, bob, lena):
    client.force_login(bob)
    assert reverse("rights:counsel_list") in client.get(reverse("rights:index")).content.decode()
    client.force_login(lena)
    assert (
        reverse("rights:counsel_list") not in client.get(reverse("rights:index")).content.decode()
    )


@pytest.fixture
def roll(county, alice, firm):
    a = services.create_counsel(
        actor=alice, organisation=county.county, name="甲镇律师", firm=firm,
        towns=[county.town_a], industries="C", phone="13900000071",
    )  # fmt: skip
    b = services.create_counsel(
        actor=alice, organisation=county.county, name="乙镇调解员", kind=CounselKind.MEDIATOR,
        towns=[county.town_b], industries="G",
    )  # fmt: skip
    off = services.create_counsel(actor=alice, organisation=county.county, name="离任律师")
    services.set_counsel_active(actor=alice, counsel=off, active=False)
    return a, b, off


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("", {"甲镇律师", "乙镇调解员", "离任律师"}),
        ("kind=mediator", {"乙镇调解员"}),
        ("town={town_b}", {"乙镇调解员"}),
        ("industry=C", {"甲镇律师"}),
        ("is_active=false", {"离任律师"}),
        ("firm={firm}", {"甲镇律师"}),
        ("q=乙镇", {"乙镇调解员"}),
    ],
)
def test_the_counsel_list_filters(client, county, alice, firm, roll, query, shown):
    client.force_login(alice)
    query = query.format(town_b=county.town_b.pk, firm=firm.pk)
    body = client.get(reverse("rights:counsel_list") + "?" + query).content.decode()
    for name in {"甲镇律师", "乙镇调解员", "离任律师"}:
        assert (name in body) == (name in shown), name
    if not query:
        assert "139****0071" in body and "13900000071" not in body


def test_a_reviewer_reads_the_roll_but_adds_nothing(client, county, erin, roll, firm):
    client.force_login(erin)
    body = client.get(reverse("rights:counsel_list")).content.decode()
    assert "甲镇律师" in body and reverse("rights:counsel_add") not in body
    assert client.get(reverse("rights:counsel_add")).status_code == 403
    assert client.get(reverse("rights:firm_add")).status_code == 403
    assert client.get(reverse("rights:counsel_edit", args=[roll[0].pk])).status_code == 403
    assert client.get(reverse("rights:firm_edit", args=[firm.pk])).status_code == 403
    url = reverse("rights:counsel_set_active", args=[roll[0].pk])
    assert client.post(url, {"active": "0"}).status_code == 403


def test_the_firm_pages(client, county, alice, firm, roll):
    client.force_login(alice)
    response = client.post(
        reverse("rights:firm_add"),
        {"organisation": county.county.pk, "name": "正言律师事务所", "licence_no": "1420001",
         "contract_starts_on": "2025-01-01", "contract_ends_on": "2026-12-31", "is_active": "on"},
    )  # fmt: skip
    created = LawFirm.objects.get(name="正言律师事务所")
    assert response.status_code == 302 and response["Location"].endswith(f"/{created.pk}/")
    body = client.get(reverse("rights:firm_list")).content.decode()
    assert "正言律师事务所" in body and "2026-12-31" in body
    detail = client.get(reverse("rights:firm_detail", args=[firm.pk])).content.decode()
    assert "甲镇律师" in detail and "乙镇调解员" not in detail
    bad = client.post(
        reverse("rights:firm_edit", args=[created.pk]),
        {"name": "正言律师事务所", "contract_starts_on": "2026-01-01",
         "contract_ends_on": "2025-01-01", "is_active": "on"},
    )  # fmt: skip
    assert bad.status_code == 200 and "不能早于" in bad.content.decode()
    created.refresh_from_db()
    assert str(created.contract_ends_on) == "2026-12-31"


def test_counsel_added_with_login_from_the_page(client, county, alice, firm):
    client.force_login(alice)
    form = client.get(reverse("rights:counsel_add")).content.decode()
    assert 'name="username"' in form and 'name="password"' in form
    response = client.post(
        reverse("rights:counsel_add"),
        {"organisation": county.county.pk, "kind": "lawyer", "name": "孙包干", "firm": firm.pk,
         "phone": "13900000088", "towns": [county.town_a.pk], "industries": ["C", "G"],
         "username": "lawyer9", "password": NEW_PASSWORD},
    )  # fmt: skip
    counsel = Counsel.objects.get(name="孙包干")
    assert response.status_code == 302
    assert counsel.user.username == "lawyer9" and counsel.industries == "CG"
    page = client.get(reverse("rights:counsel_detail", args=[counsel.pk])).content.decode()
    assert "lawyer9" in page and "139****0088" in page and "13900000088" not in page
    assert "城关镇总工会" in page and "制造业" in page
    assert NEW_PASSWORD not in page


def test_a_bad_login_comes_back_on_its_field(client, county, alice, bob):
    client.force_login(alice)
    response = client.post(
        reverse("rights:counsel_add"),
        {"organisation": county.county.pk, "kind": "lawyer", "name": "孙包干",
         "username": "bob", "password": NEW_PASSWORD},
    )  # fmt: skip
    assert response.status_code == 200 and "已被使用" in response.content.decode()
    assert not Counsel.objects.filter(name="孙包干").exists()


def test_editing_keeps_the_phone_and_the_roll_button(client, county, alice, roll):
    counsel = roll[0]
    client.force_login(alice)
    form = client.get(reverse("rights:counsel_edit", args=[counsel.pk])).content.decode()
    assert "13900000071" not in form and "139****0071" in form
    assert 'name="username"' in form  # no login yet: one may be opened here
    response = client.post(
        reverse("rights:counsel_edit", args=[counsel.pk]),
        {"kind": "lawyer", "name": "甲镇律师", "firm": counsel.firm_id, "phone": "",
         "towns": [county.town_a.pk, county.town_b.pk], "industries": ["C"]},
    )  # fmt: skip
    assert response.status_code == 302
    counsel.refresh_from_db()
    assert counsel.phone == "13900000071" and counsel.towns.count() == 2
    client.post(reverse("rights:counsel_set_active", args=[counsel.pk]), {"active": "0"})
    counsel.refresh_from_db()
    assert not counsel.is_active
    page = client.get(reverse("rights:counsel_detail", args=[counsel.pk])).content.decode()
    assert "不在册" in page and "恢复在册" in page


def test_the_counsel_page_lists_their_cases(client, county, alice, roll):
    counsel = roll[0]
    mine = case_in(county, CaseStatus.ASSIGNED, counsel=counsel)
    theirs = case_in(county, CaseStatus.ASSIGNED, counsel=counsel, union=county.town_b,
                     complainant_name="李乙秘")  # fmt: skip
    client.force_login(alice)
    page = client.get(reverse("rights:counsel_detail", args=[counsel.pk])).content.decode()
    assert mine.number in page and theirs.number in page


def test_the_walk_from_a_new_counsel_to_their_signed_in_case_list(client, county, alice, bob):
    """alice adds a lawyer with a login covering town A; bob assigns a town-A case from the
    assign form, where the lawyer comes first marked 包干; the lawyer signs in and sees it."""
    client.force_login(alice)
    services.create_counsel(actor=alice, organisation=county.county, name="阿其他律师")
    response = client.post(
        reverse("rights:counsel_add"),
        {"organisation": county.county.pk, "kind": "lawyer", "name": "孙包干",
         "towns": [county.town_a.pk], "username": "lawyer9", "password": NEW_PASSWORD},
    )  # fmt: skip
    assert response.status_code == 302
    counsel = Counsel.objects.get(name="孙包干")
    case = case_in(county, CaseStatus.ACCEPTED)

    client.force_login(bob)
    page = client.get(reverse("rights:case_detail", args=[case.pk])).content.decode()
    form = page[page.index('name="counsel"') :]
    options = form[: form.index("</select>")]
    covering = options.index("孙包干（工会）（包干）")
    assert covering < options.index("阿其他律师")
    response = client.post(
        reverse("rights:case_assign", args=[case.pk]), {"counsel": counsel.pk, "note": ""}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.counsel == counsel and case.status == CaseStatus.ASSIGNED

    client.logout()
    signed_in = client.post(reverse("login"), {"username": "lawyer9", "password": NEW_PASSWORD})
    assert signed_in.status_code == 302
    body = client.get(reverse("rights:case_list")).content.decode()
    assert case.number in body
    other = case_in(county, CaseStatus.ACCEPTED, complainant_name="别人的申请人")
    body = client.get(reverse("rights:case_list")).content.decode()
    assert other.number not in body and "别人的申请人" not in body
    assert client.get(reverse("rights:case_detail", args=[case.pk])).status_code == 200
    assert client.get(reverse("rights:counsel_list")).status_code == 403
    assert Case.objects.visible_to(counsel.user).count() == 1
