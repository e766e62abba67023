"""The worker on the phone: snaps a hazard with a photo, follows the claim, redeems a reward,
submits a proposal and reads why it was not adopted; another worker sees none of it."""

import pytest
from django.urls import reverse

from gonghui.workforce.models import PointsClaim, Proposal, Redemption
from gonghui.workforce.points import ledger, services
from gonghui.workforce.proposals import services as proposals
from gonghui.workforce.tests.points_helpers import make_reward, make_rule, photo
from gonghui.workforce.tests.test_portal import signed_in

pytestmark = pytest.mark.django_db


def test_claim_with_photo_and_redeem(client, county, bob):
    rule = make_rule(county)
    make_reward(county, name="洗衣液", points=10, stock=2)
    signed_in(client, "13812345678")
    page = client.get(reverse("workforce_portal:points")).content.decode()
    assert "安全随手拍" not in page or "申报积分" in page
    url = reverse("workforce_portal:points_claim")
    response = client.post(url, {"rule": rule.pk, "description": "消防通道堆放物料",
                                 "occurred_on": "2026-01-05"})  # fmt: skip
    assert "需要上传" in response.content.decode()  # the photo is missing
    response = client.post(url, {"rule": rule.pk, "description": "消防通道堆放物料",
                                 "occurred_on": "2026-01-05", "upload": photo()})  # fmt: skip
    assert response.status_code == 302
    claim = PointsClaim.objects.get()
    assert claim.evidence.get().content_type == "image/png" and claim.entered_by is None
    services.approve_claim(actor=bob, claim=claim)
    page = client.get(reverse("workforce_portal:points")).content.decode()
    assert "已通过" in page and 'id="points-balance">10 ' in page
    reward = make_reward(county, name="保温杯", points=10, stock=1)
    response = client.post(reverse("workforce_portal:points_redeem", args=[reward.pk]))
    assert response.status_code == 302 and Redemption.objects.get().reward == reward
    assert ledger.balance(claim.account) == 0
    client.cookies.clear()
    signed_in(client, "13987654321")  # 李乙华 of town B
    page = client.get(reverse("workforce_portal:points")).content.decode()
    assert "消防通道" not in page and "保温杯" not in page
    response = client.post(reverse("workforce_portal:points_redeem", args=[reward.pk]))
    assert response.status_code == 404


def test_proposal_on_the_phone_and_the_reason(client, county):
    signed_in(client, "13812345678")
    response = client.post(reverse("workforce_portal:proposal_new"), {
        "member": county.member_a.pk, "category": "idea", "title": "食堂错峰就餐",
        "problem": "排队时间长", "idea": "分三批就餐",
    })  # fmt: skip
    assert response.status_code == 302
    p = Proposal.objects.get()
    assert p.member == county.member_a and p.channel == "portal"
    proposals.reject(actor=None, proposal=p, reason="食堂面积不足，暂不可行")
    page = client.get(reverse("workforce_portal:proposals")).content.decode()
    assert "未采纳" in page and "食堂面积不足，暂不可行" in page
    client.cookies.clear()
    signed_in(client, "13987654321")
    assert "食堂错峰" not in client.get(reverse("workforce_portal:proposals")).content.decode()
