"""A centralised bargaining round (集中要约) through its pages: a clerk starts it, sends the offers
to the candidates the page ticks, records each employer's response step by step (the moves the
table allows, with the reasons in Chinese when not), links the signed contract, takes out an
employer that never answered; town B's clerk sees none of it."""

import pytest
from django.urls import reverse

from gonghui.rights.choices import ContractKind, OfferResponse
from gonghui.rights.models import BargainingRound, RoundOffer
from gonghui.rights.tests.contract_helpers import (
    DAY,
    TODAY,
    bargaining_round,
    contract,
    employer,
    offer,
)

pytestmark = pytest.mark.django_db
R = OfferResponse


def page(response) -> str:
    return response.content.decode()


def round_data(county, **changes) -> dict:
    data = {
        "organisation": county.town_a.pk,
        "name": "城关镇工资集体协商集中要约行动",
        "year": str(TODAY.year),
        "kind": ContractKind.WAGE,
        "started_on": str(TODAY - 5 * DAY),
        "closed_on": "",
        "notes": "向辖区中小企业发出要约书",
    }
    data.update(changes)
    return data


def offer_data(**changes) -> dict:
    data = {"response": R.PENDING, "offered_on": str(TODAY - 4 * DAY), "responded_on": "",
            "outcome_note": "", "contract": ""}  # fmt: skip
    data.update(changes)
    return data


def test_a_round_is_started_from_its_form(client, county, bob):
    client.force_login(bob)
    assert client.get(reverse("rights:round_add")).status_code == 200
    bad = client.post(
        reverse("rights:round_add"), round_data(county, closed_on=str(TODAY - 9 * DAY))
    )
    assert bad.status_code == 200 and "结束日期（" in page(bad) and "不能早于启动日期" in page(bad)
    assert not BargainingRound.objects.exists()

    response = client.post(reverse("rights:round_add"), round_data(county), follow=True)
    round_ = BargainingRound.objects.get()
    assert response.redirect_chain[-1][0] == round_.get_absolute_url()
    assert "城关镇工资集体协商集中要约行动" in page(response) and "尚未发出要约" in page(response)
    listing = page(client.get(reverse("rights:round_list")))
    assert "城关镇工资集体协商集中要约行动" in listing

    edit = reverse("rights:round_edit", args=[round_.pk])
    data = round_data(county, name="城关镇工资集中要约（春季）", closed_on=str(TODAY))
    del data["organisation"]
    client.post(edit, data)
    round_.refresh_from_db()
    assert round_.name == "城关镇工资集中要约（春季）" and round_.closed_on == TODAY


def test_offers_go_to_the_candidates_without_a_contract_of_the_kind(client, county, bob):
    round_ = bargaining_round(county)
    small = employer(county, 21, name="丁服装厂")
    covered = employer(county, 22, name="戊食品厂")
    contract(county, covered, kind=ContractKind.WAGE, title="戊食品厂工资专项集体合同")
    client.force_login(bob)
    url = reverse("rights:round_offers_add", args=[round_.pk])
    form = page(client.get(url))
    assert "丁服装厂" in form and "甲机械厂" in form
    assert "戊食品厂" not in form and "乙茶叶公司" not in form
    assert "戊食品厂" in page(client.get(url, {"with_contract": "on"}))

    early = client.post(url, {"employers": [small.pk], "offered_on": str(TODAY - 30 * DAY)})
    assert "发出要约日期（" in page(early) and "不能早于行动启动日期" in page(early)
    assert not RoundOffer.objects.exists()

    data = {"employers": [small.pk, county.employer_a.pk], "offered_on": str(TODAY - 4 * DAY)}
    response = client.post(url, data, follow=True)
    assert "已向 2 家企业发出要约" in page(response)
    assert set(RoundOffer.objects.values_list("employer__name", flat=True)) == {
        "丁服装厂",
        "甲机械厂",
    }
    again = page(client.get(url))
    assert "丁服装厂" not in again  # already in the round


def test_an_offer_moves_through_its_responses_to_a_signed_contract(client, county, bob):
    round_ = bargaining_round(county)
    sent = offer(round_, county.employer_a, offered_on=TODAY - 4 * DAY)
    client.force_login(bob)
    url = reverse("rights:round_offer_edit", args=[sent.pk])
    assert "要约进展：甲机械厂" in page(client.get(url))

    jump = client.post(url, offer_data(response=R.SIGNED, responded_on=str(TODAY)))
    assert "进展不能从“待回应”改为“已签订”" in page(jump)
    no_date = client.post(url, offer_data(response=R.ACCEPTED))
    assert "企业已回应：请填写回应日期" in page(no_date)
    before = client.post(url, offer_data(response=R.ACCEPTED, responded_on=str(TODAY - 9 * DAY)))
    assert "不能早于发出要约日期" in page(before)
    sent.refresh_from_db()
    assert sent.response == R.PENDING

    accepted = offer_data(response=R.ACCEPTED, responded_on=str(TODAY - 2 * DAY),
                          outcome_note="企业同意协商")  # fmt: skip
    response = client.post(url, accepted, follow=True)
    assert "已记录要约进展：甲机械厂" in page(response) and "企业同意协商" in page(response)
    client.post(url, dict(accepted, response=R.NEGOTIATING))
    sent.refresh_from_db()
    assert sent.response == R.NEGOTIATING

    unsigned = client.post(url, dict(accepted, response=R.SIGNED))
    assert "已签订：请选择签订的集体合同" in page(unsigned)
    comprehensive = contract(county, county.employer_a, title="甲机械厂综合性集体合同")
    wrong = client.post(url, dict(accepted, response=R.SIGNED, contract=comprehensive.pk))
    assert wrong.status_code == 200 and "contract" in wrong.context["form"].errors
    wage = contract(county, county.employer_a, kind=ContractKind.WAGE,
                    title="甲机械厂工资专项集体合同")  # fmt: skip
    assert "甲机械厂工资专项集体合同" in page(client.get(url))
    response = client.post(url, dict(accepted, response=R.SIGNED, contract=wage.pk), follow=True)
    text = page(response)
    assert "甲机械厂工资专项集体合同" in text and wage.get_absolute_url() in text
    sent.refresh_from_db()
    assert sent.response == R.SIGNED and sent.contract == wage
    assert response.context["counts"][R.SIGNED] == 1

    final = client.post(url, dict(accepted, response=R.FAILED))
    assert "进展不能从“已签订”改为“未达成”" in page(final)


def test_a_refused_offer_may_be_renewed_and_only_pending_ones_are_removed(client, county, bob):
    round_ = bargaining_round(county)
    quiet = offer(round_, employer(county, 23, name="己包装厂"), offered_on=TODAY - 4 * DAY)
    refused = offer(round_, county.employer_a, offered_on=TODAY - 4 * DAY, response=R.REFUSED,
                    responded_on=TODAY - 2 * DAY)  # fmt: skip
    client.force_login(bob)
    url = reverse("rights:round_offer_edit", args=[refused.pk])
    client.post(url, offer_data(response=R.PENDING, outcome_note="再次发出要约"))
    refused.refresh_from_db()
    assert refused.response == R.PENDING

    client.post(url, offer_data(response=R.REFUSED, responded_on=str(TODAY)))
    response = client.post(reverse("rights:round_offer_remove", args=[refused.pk]), follow=True)
    assert "企业已回应（拒绝协商），不能移出" in page(response)
    response = client.post(reverse("rights:round_offer_remove", args=[quiet.pk]), follow=True)
    assert "已移出要约企业：己包装厂" in page(response)
    assert list(RoundOffer.objects.values_list("pk", flat=True)) == [refused.pk]


def test_town_b_sees_no_round_of_town_a(client, county, charlie):
    round_ = bargaining_round(county, name="城关镇秘密要约行动")
    sent = offer(round_, county.employer_a)
    client.force_login(charlie)
    assert "城关镇秘密要约行动" not in page(client.get(reverse("rights:round_list")))
    for name, pk in (
        ("rights:round_detail", round_.pk),
        ("rights:round_edit", round_.pk),
        ("rights:round_offers_add", round_.pk),
        ("rights:round_offer_edit", sent.pk),
    ):
        assert client.get(reverse(name, args=[pk])).status_code == 404, name  # fmt: skip
    client.post(reverse("rights:round_offer_edit", args=[sent.pk]),
                offer_data(response=R.REFUSED, responded_on=str(TODAY)))  # fmt: skip
    assert client.post(reverse("rights:round_offer_remove", args=[sent.pk])).status_code == 404
    sent.refresh_from_db()
    assert sent.response == R.PENDING
