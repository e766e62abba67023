"""A year of proposals and points for the demo, through the services: in one enterprise union of
each demo town, the rules (安全随手拍, 合理化建议, 6S, 文体活动 …) and rewards; a year of
approved claims with photos, some still waiting for the clerk; proposals in every state (adopted
ones with their points and verified benefit); redemptions handed out and some waiting."""

import datetime
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count

from gonghui.core.models import Organisation, OrgKind, User
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member
from gonghui.workforce.models import PointsRule
from gonghui.workforce.models.points import Evidence, PointsItem
from gonghui.workforce.models.proposals import AwardTier, ProposalCategory
from gonghui.workforce.points import ledger, services
from gonghui.workforce.proposals import services as proposals

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
RULES = [
    (PointsItem.SAFETY_SNAP, "安全随手拍", 5, Evidence.PHOTO, 10, 60),
    (PointsItem.PROPOSAL, "合理化建议被采纳", 20, Evidence.NONE, None, None),
    (PointsItem.SNAP_6S, "6S随手拍与改善", 5, Evidence.PHOTO, 10, 50),
    (PointsItem.OIT_OCC, "OIT/OCC改善项目", 30, Evidence.DOCUMENT, None, 90),
    (PointsItem.QUALITY_MONTH, "质量月活动", 10, Evidence.NONE, None, None),
    (PointsItem.CULTURE_SPORTS, "文体活动参与", 5, Evidence.NONE, 5, 20),
]
REWARDS = [("洗衣液", 30, 40), ("保温杯", 60, 20), ("电影票两张", 80, 15), ("疗休养名额", 500, 2)]
IDEAS = [
    ("冲压车间加装光幕保护", "冲压工位有夹手风险", "在冲床两侧加装安全光幕，遮挡即停机"),
    ("包装线纸箱尺寸统一", "纸箱规格多，换型耗时", "把六种纸箱合并为三种，减少换型"),
    ("空压机余热回收", "空压机散热白白浪费", "加装换热器为浴室供热水"),
    ("仓库条码管理", "手工记账易出错", "入库出库扫码登记，月底自动对账"),
    ("食堂错峰就餐", "午餐排队时间长", "按车间分三批错峰就餐"),
    ("焊接烟尘收集", "焊接工位烟尘大", "每个工位加装移动式烟尘净化器"),
]
SNAPS = ["通道堆放物料", "灭火器过期", "配电箱未上锁", "地面油污未清理", "安全帽未佩戴"]


def _photo(i):
    return SimpleUploadedFile(f"随手拍{i}.png", PNG, content_type="image/png")


def _unions(town):
    return (
        Organisation.objects.filter(path__startswith=town.path, kind=OrgKind.GRASSROOTS)
        .annotate(n=Count("members")).filter(n__gte=6).order_by("-n", "pk")
    )  # fmt: skip


def _union_year(rng, today, union, clerk) -> dict:
    for item, name, points, evidence, daily, monthly in RULES:
        services.create_rule(actor=None, union=union, item=item, name=name, points=points,
                             evidence=evidence, daily_cap=daily, monthly_cap=monthly,
                             valid_months=24)  # fmt: skip
    rewards = [services.create_reward(actor=None, union=union, name=n, points=p, stock=s)
               for n, p, s in REWARDS]  # fmt: skip
    members = list(Member.objects.filter(union=union, status=MemberStatus.ACTIVE)
                   .select_related("union", "employer").order_by("pk")[:12])  # fmt: skip
    snap = PointsRule.objects.get(union=union, item=PointsItem.SAFETY_SNAP)
    culture = PointsRule.objects.get(union=union, item=PointsItem.CULTURE_SPORTS)
    counts = {"claims": 0, "pending": 0, "proposals": 0, "redemptions": 0}
    for week in range(50, 0, -2):  # a claim round every fortnight of the past year
        day = today - datetime.timedelta(days=week * 7)
        for member in rng.sample(members, k=min(3, len(members))):
            rule = snap if rng.random() < 0.7 else culture
            claim = services.submit_claim(
                member=member, rule=rule, description=rng.choice(SNAPS), occurred_on=day,
                uploads=[_photo(week)] if rule.evidence != Evidence.NONE else [],
            )  # fmt: skip
            services.approve_claim(actor=clerk, claim=claim)
            counts["claims"] += 1
    for i, member in enumerate(members[:4]):  # waiting for the clerk
        services.submit_claim(member=member, rule=snap, description=SNAPS[i % len(SNAPS)],
                              occurred_on=today - datetime.timedelta(days=i),
                              uploads=[_photo(i)])  # fmt: skip
        counts["pending"] += 1
    for i, (title, problem, idea) in enumerate(IDEAS):
        member = members[i % len(members)]
        p = proposals.submit_proposal(
            member=member, category=rng.choice(ProposalCategory.values), title=title,
            problem=problem, idea=idea, expected_benefit="降本增效，预计年节约数万元",
            submitted_on=today - datetime.timedelta(days=300 - i * 45),
        )  # fmt: skip
        counts["proposals"] += 1
        if i in (0, 1, 2):
            proposals.start_review(actor=clerk, proposal=p)
            proposals.adopt(actor=clerk, proposal=p, award_tier=AwardTier.values[i],
                            adopted_on=p.submitted_on + datetime.timedelta(days=20))  # fmt: skip
            if i < 2:
                done_on = p.submitted_on + datetime.timedelta(days=40)
                proposals.implement(actor=clerk, proposal=p, implemented_on=done_on)
                proposals.verify_benefit(actor=clerk, proposal=p, amount=f"{(i + 1) * 18000}.00",
                                         verified_by_name="财务部 李会计")  # fmt: skip
        elif i == 3:
            proposals.reject(actor=clerk, proposal=p, reason="现有流程已能满足，投入产出不划算")
        elif i == 4:
            proposals.start_review(actor=clerk, proposal=p)
    for i, member in enumerate(members[:6]):
        reward = rewards[0] if i % 2 else rewards[1]
        account = ledger.account_for(member)
        if ledger.balance(account) < reward.points:
            continue
        r = services.redeem(member=member, reward=reward)
        counts["redemptions"] += 1
        if i < 3:
            services.hand_out(actor=clerk, redemption=r, signed_by=member.name)
    return counts


def generate(*, rng: random.Random, today: datetime.date, town1, town2) -> list[str]:
    lines = []
    for town, username in ((town1, "clerk"), (town2, "clerk2")):
        union = _unions(town).first()
        clerk = User.objects.filter(username=username).first()
        if union is None or clerk is None:
            continue
        c = _union_year(random.Random(rng.random()), today, union, clerk)
        lines.append(f"积分制：{union.name} 申报 {c['claims']} 条（待审 {c['pending']}），"
                     f"合理化建议 {c['proposals']} 条，兑换 {c['redemptions']} 次")  # fmt: skip
    return lines


def reset() -> None:
    from gonghui.workforce import models as m

    m.Redemption.objects.all().delete()
    m.ClaimEvidence.objects.all().delete()
    m.PointsClaim.objects.all().delete()
    m.PointsEntry.objects.filter(offsets__isnull=False).delete()
    m.PointsEntry.objects.all().delete()
    for model in (m.Reward, m.PointsAccount, m.Proposal, m.PointsRule):
        model.objects.all().delete()
