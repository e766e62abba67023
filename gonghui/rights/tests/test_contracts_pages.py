"""The collective-contract pages as a clerk uses them: the list and its filters, the expiry list,
registering a contract (errors in Chinese, nothing written), editing it, adding and removing the
employers covered; and town B's clerk sees nothing of town A."""

import pytest
from django.urls import reverse

from gonghui.core.models import AuditEntry
from gonghui.rights.choices import ContractKind, ContractScope
from gonghui.rights.models import CollectiveContract, ContractEmployer
from gonghui.rights.tests.contract_helpers import DAY, TODAY, contract, employer

pytestmark = pytest.mark.django_db


def form_data(county, **changes) -> dict:
    data = {
        "organisation": county.union_a.pk,
        "title": "甲机械厂工资专项集体合同",
        "scope": ContractScope.ENTERPRISE,
        "kind": ContractKind.WAGE,
        "signed_on": str(TODAY - 10 * DAY),
        "effective_on": str(TODAY - 5 * DAY),
        "expires_on": str(TODAY + 360 * DAY),
        "workers_covered": "120",
        "filed_on": "",
        "employers": [county.employer_a.pk],
    }
    data.update(changes)
    return data


def page(response) -> str:
    return response.content.decode()


def test_a_clerk_registers_a_contract_from_the_form(client, county, bob):
    client.force_login(bob)
    form = client.get(reverse("rights:contract_add"))
    assert form.status_code == 200
    assert "甲机械厂" in page(form) and "乙茶叶公司" not in page(form)

    response = client.post(reverse("rights:contract_add"), form_data(county), follow=True)
    saved = CollectiveContract.objects.get()
    assert response.redirect_chain[-1][0] == saved.get_absolute_url()
    text = page(response)
    assert "已保存" in text and "甲机械厂工资专项集体合同" in text
    assert "工资专项集体合同" in text and "甲机械厂" in text and "剩余 360 天" in text
    assert list(saved.employers.all()) == [county.employer_a]
    assert saved.organisation == county.union_a and saved.created_by == bob
    assert AuditEntry.objects.filter(object_id=str(saved.pk)).exists()


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"expires_on": str(TODAY - 30 * DAY)}, "到期日期（"),
        ({"effective_on": str(TODAY - 20 * DAY)}, "生效日期（"),
        ({"title": "  "}, "该字段是必填项"),
        ({"filed_on": str(TODAY - 30 * DAY)}, "备案日期（"),
        ({"workers_covered": "-5"}, "确保该值大于或等于0"),
    ],
)
def test_bad_input_is_shown_on_the_form_in_chinese_and_nothing_is_written(
    client, county, bob, changes, message
):
    client.force_login(bob)
    response = client.post(reverse("rights:contract_add"), form_data(county, **changes))
    assert response.status_code == 200
    assert message in page(response)
    assert not CollectiveContract.objects.exists()


def test_an_enterprise_contract_covers_one_employer(client, county, bob):
    second = employer(county, 11)
    client.force_login(bob)
    data = form_data(county, employers=[county.employer_a.pk, second.pk])
    response = client.post(reverse("rights:contract_add"), data)
    assert response.status_code == 200
    assert "企业集体合同只能覆盖一家企业（现为 2 家）" in page(response)
    assert not CollectiveContract.objects.exists()

    data["scope"] = ContractScope.REGIONAL
    data["title"] = "城关镇区域性集体合同"
    response = client.post(reverse("rights:contract_add"), data, follow=True)
    saved = CollectiveContract.objects.get()
    assert set(saved.employers.all()) == {county.employer_a, second}
    assert "覆盖企业（2）" in page(response)


def test_editing_a_contract_changes_it_and_keeps_the_union(client, county, bob):
    signed = contract(county, county.employer_a, org=county.union_a)
    client.force_login(bob)
    form = client.get(reverse("rights:contract_edit", args=[signed.pk]))
    assert form.status_code == 200 and 'name="organisation"' not in page(form)

    data = form_data(county, title="甲机械厂集体合同（续签）", expires_on=str(TODAY + 700 * DAY))
    data["signed_on"], data["effective_on"] = str(signed.signed_on), str(signed.effective_on)
    del data["organisation"], data["employers"]
    response = client.post(reverse("rights:contract_edit", args=[signed.pk]), data, follow=True)
    assert "甲机械厂集体合同（续签）" in page(response)
    signed.refresh_from_db()
    assert signed.title == "甲机械厂集体合同（续签）" and signed.expires_on == TODAY + 700 * DAY
    assert signed.organisation == county.union_a
    assert "甲机械厂集体合同（续签）" in page(client.get(signed.get_absolute_url()))  # history too

    bad = dict(data, expires_on=str(signed.effective_on - DAY))
    response = client.post(reverse("rights:contract_edit", args=[signed.pk]), bad)
    assert "不能早于生效日期" in page(response)
    signed.refresh_from_db()
    assert signed.expires_on == TODAY + 700 * DAY


def test_employers_are_added_and_removed_on_the_contract_page(client, county, bob):
    regional = contract(county, county.employer_a, scope=ContractScope.REGIONAL,
                        title="城关镇区域性集体合同")  # fmt: skip
    second = employer(county, 12, name="丙五金厂")
    client.force_login(bob)
    add_url = reverse("rights:contract_employers_add", args=[regional.pk])
    form = client.get(add_url)
    assert "丙五金厂" in page(form) and "乙茶叶公司" not in page(form)

    response = client.post(add_url, {"employers": [second.pk]}, follow=True)
    assert "已添加 1 家覆盖企业" in page(response) and "丙五金厂" in page(response)
    assert set(regional.employers.all()) == {county.employer_a, second}

    empty = client.post(add_url, {"employers": []})
    assert empty.status_code == 200 and "该字段是必填项" in page(empty)

    row = ContractEmployer.objects.get(contract=regional, employer=second)
    response = client.post(reverse("rights:contract_employer_remove", args=[row.pk]), follow=True)
    assert "已移除覆盖企业：丙五金厂" in page(response)
    assert list(regional.employers.all()) == [county.employer_a]


def test_an_enterprise_contract_takes_no_second_employer(client, county, bob):
    own = contract(county, county.employer_a)
    second = employer(county, 13)
    client.force_login(bob)
    url = reverse("rights:contract_employers_add", args=[own.pk])
    response = client.post(url, {"employers": [second.pk]})
    assert response.status_code == 200 and "企业集体合同只能覆盖一家企业" in page(response)
    assert list(own.employers.all()) == [county.employer_a]


def test_the_list_filters_and_the_expiry_list(client, county, bob):
    soon = contract(county, county.employer_a, title="即将到期的工资合同",
                    kind=ContractKind.WAGE, expires_on=TODAY + 20 * DAY)  # fmt: skip
    contract(county, county.employer_a, title="长期有效的综合合同")
    contract(county, county.employer_a, title="早已到期的旧合同",
             effective_on=TODAY - 800 * DAY, signed_on=TODAY - 800 * DAY,
             expires_on=TODAY - 100 * DAY)  # fmt: skip
    client.force_login(bob)
    url = reverse("rights:contract_list")
    everything = page(client.get(url))
    assert all(t in everything for t in ("即将到期", "长期有效", "早已到期"))

    expiring = page(client.get(url, {"status": "expiring"}))
    assert "即将到期的工资合同" in expiring and "长期有效的综合合同" not in expiring
    expired = page(client.get(url, {"status": "expired"}))
    assert "早已到期的旧合同" in expired and "即将到期的工资合同" not in expired
    wage = page(client.get(url, {"kind": ContractKind.WAGE}))
    assert "即将到期的工资合同" in wage and "长期有效的综合合同" not in wage
    found = page(client.get(url, {"q": "综合"}))
    assert "长期有效的综合合同" in found and "即将到期的工资合同" not in found

    listing = page(client.get(reverse("rights:contract_expiring")))
    assert "即将到期的工资合同" in listing and "长期有效的综合合同" not in listing
    assert "20" in listing and soon.get_absolute_url() in listing


def test_town_b_sees_and_changes_nothing_of_town_a(client, county, charlie):
    secret = contract(county, county.employer_a, title="城关镇甲厂秘密合同")
    coverage = ContractEmployer.objects.get(contract=secret)
    client.force_login(charlie)
    assert "城关镇甲厂秘密合同" not in page(client.get(reverse("rights:contract_list")))
    assert "城关镇甲厂秘密合同" not in page(client.get(reverse("rights:contract_expiring")))
    for name in ("rights:contract_detail", "rights:contract_edit", "rights:contract_employers_add"):
        assert client.get(reverse(name, args=[secret.pk])).status_code == 404, name
    response = client.post(reverse("rights:contract_employer_remove", args=[coverage.pk]))
    assert response.status_code == 404
    assert ContractEmployer.objects.filter(pk=coverage.pk).exists()

    form = page(client.get(reverse("rights:contract_add")))
    assert "甲机械厂" not in form and "甲机械厂工会" not in form
    response = client.post(reverse("rights:contract_add"), form_data(county))
    assert response.status_code == 200
    assert CollectiveContract.objects.count() == 1
