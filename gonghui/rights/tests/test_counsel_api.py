"""The counsel API (/api/rights/law-firms/, /api/rights/counsel/): staff only, scoped like the
pages, writes through the services (a login opened with the counsel; the password never
echoed; the phone masked)."""

import pytest

from gonghui.core.models import AuditEntry
from gonghui.rights.counsel import services
from gonghui.rights.models import Counsel, LawFirm

pytestmark = pytest.mark.django_db

PASSWORD = "Zhuxi-lawyer-2026"
COUNSEL = "/api/rights/counsel/"
FIRMS = "/api/rights/law-firms/"


def post(client, url, data):
    return client.post(url, data, content_type="application/json")


def patch(client, url, data):
    return client.patch(url, data, content_type="application/json")


def counsel_body(county, **changes) -> dict:
    data = {
        "organisation": county.county.pk, "kind": "lawyer", "name": "孙包干",
        "phone": "13900000088", "towns": [county.town_a.pk], "industries": "cg",
        "username": "lawyer9", "password": PASSWORD,
    }  # fmt: skip
    data.update(changes)
    return data


def test_alice_registers_a_lawyer_with_login(client, county, alice, firm):
    client.force_login(alice)
    response = post(client, COUNSEL, counsel_body(county, firm=firm.pk))
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["account"] == "lawyer9" and data["phone_masked"] == "139****0088"
    assert data["industries"] == "CG" and data["towns"] == [county.town_a.pk]
    assert data["firm_name"] == firm.name
    assert "password" not in data and "phone" not in data and "username" not in data
    assert PASSWORD not in response.content.decode()
    assert "13900000088" not in response.content.decode()
    counsel = Counsel.objects.get(pk=data["id"])
    assert counsel.user.check_password(PASSWORD)
    listed = client.get(COUNSEL).content.decode()
    assert "孙包干" in listed and "13900000088" not in listed and PASSWORD not in listed
    assert AuditEntry.objects.for_object(counsel).exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"password": "123"}, "password"),
        ({"username": "bob"}, "username"),
        ({"industries": "CZ"}, "industries"),
        ({"towns": [999999]}, "towns"),
        ({"phone": "12345"}, "phone"),
        ({"kind": "judge"}, "kind"),
        ({"nickname": "老孙"}, "nickname"),
    ],
)
def test_bad_input_is_400_naming_the_field_and_writes_nothing(
    client, county, alice, bob, changes, field
):
    client.force_login(alice)
    response = post(client, COUNSEL, counsel_body(county, **changes))
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert not Counsel.objects.filter(name="孙包干").exists()


def test_a_clerk_is_told_an_administrator_opens_logins(client, county, bob):
    client.force_login(bob)
    response = post(client, COUNSEL, counsel_body(county, organisation=county.town_a.pk))
    assert response.status_code == 400 and "管理员" in response.json()["username"][0]
    no_login = counsel_body(county, organisation=county.town_a.pk, username="", password="")
    response = post(client, COUNSEL, no_login)
    assert response.status_code == 201 and response.json()["account"] is None


def test_an_update_changes_the_patch_and_the_roll(client, county, alice):
    client.force_login(alice)
    pk = post(client, COUNSEL, counsel_body(county)).json()["id"]
    response = patch(
        client,
        f"{COUNSEL}{pk}/",
        {"towns": [county.town_b.pk], "industries": "E", "is_active": False},
    )
    assert response.status_code == 200, response.content
    counsel = Counsel.objects.get(pk=pk)
    assert list(counsel.towns.all()) == [county.town_b] and counsel.industries == "E"
    assert not counsel.is_active and counsel.phone == "13900000088"
    assert client.get(f"{COUNSEL}?is_active=false").json()["results"][0]["id"] == pk
    again = patch(client, f"{COUNSEL}{pk}/", {"username": "lawyer10", "password": PASSWORD})
    assert again.status_code == 400 and "已有登录账号" in again.json()["username"][0]


def test_town_b_gets_404_and_a_lawyer_403(client, county, alice, charlie, lena):
    counsel = services.create_counsel(actor=alice, organisation=county.town_a, name="甲镇秘密")
    firm = services.create_firm(actor=alice, organisation=county.town_a, name="甲镇秘所")
    client.force_login(charlie)
    assert client.get(f"{COUNSEL}{counsel.pk}/").status_code == 404
    assert patch(client, f"{COUNSEL}{counsel.pk}/", {"name": "改"}).status_code == 404
    assert client.get(f"{FIRMS}{firm.pk}/").status_code == 404
    assert "甲镇秘密" not in client.get(COUNSEL).content.decode()
    assert "甲镇秘所" not in client.get(FIRMS).content.decode()
    client.force_login(lena)
    for url in (COUNSEL, FIRMS, f"{COUNSEL}{counsel.pk}/", f"{FIRMS}{firm.pk}/"):
        assert client.get(url).status_code == 403, url
    assert post(client, COUNSEL, counsel_body(county)).status_code == 403


def test_firms_through_the_service(client, county, alice, erin):
    client.force_login(alice)
    body = {"organisation": county.county.pk, "name": "正言律师事务所",
            "contract_starts_on": "2025-01-01", "contract_ends_on": "2026-12-31"}  # fmt: skip
    response = post(client, FIRMS, body)
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    bad = patch(client, f"{FIRMS}{pk}/", {"contract_ends_on": "2024-01-01"})
    assert bad.status_code == 400 and "contract_ends_on" in bad.json()
    moved = patch(client, f"{FIRMS}{pk}/", {"organisation": county.town_a.pk})
    assert moved.status_code == 400 and "organisation" in moved.json()
    assert patch(client, f"{FIRMS}{pk}/", {"is_active": False}).status_code == 200
    assert not LawFirm.objects.get(pk=pk).is_active
    client.force_login(erin)  # a reviewer reads, writes nothing
    assert client.get(f"{FIRMS}{pk}/").status_code == 200
    assert post(client, FIRMS, {**body, "name": "又一所"}).status_code == 403
