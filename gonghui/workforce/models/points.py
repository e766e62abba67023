"""Points inside an enterprise (积分制) and its rewards.

An enterprise union sets its rules (`PointsRule`: item, points, the evidence needed, daily and
monthly caps, how long points stay valid). A worker's points are a ledger (`PointsEntry`, a
core.ledgers row under the worker's `PointsAccount`): awards (each tied to its source once),
redemptions, refunds of a cancelled redemption, reversals and expiries; the balance is the sum
of the rows, read under the account's row lock, and never goes below zero. Claims
(`PointsClaim`) carry the worker's evidence (`ClaimEvidence`, private storage) to a clerk.
Rewards (`Reward`) have a stock; a `Redemption` is handed out and signed for.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.ledgers import LedgerRow
from gonghui.core.models import StoredDocument
from gonghui.core.uploads import private_storage
from gonghui.workforce.models.common import InUnion, UnionScopedQuerySet, document_path


class PointsItem(models.TextChoices):
    SAFETY_SNAP = "safety_snap", _("安全随手拍")
    PROPOSAL = "proposal", _("合理化建议")
    TECH_PROJECT = "tech_project", _("技改项目")
    OIT_OCC = "oit_occ", _("OIT/OCC改善项目")
    SNAP_6S = "snap_6s", _("6S随手拍与改善")
    IMPROVEMENT_WEEK = "improve_week", _("改善周")
    QUALITY_MONTH = "quality_month", _("质量月")
    CULTURE_SPORTS = "culture", _("文体活动")
    COMPETITION = "competition", _("劳动竞赛")
    OTHER = "other", _("其他")


class Evidence(models.TextChoices):
    NONE = "none", _("无需材料")
    PHOTO = "photo", _("照片")
    DOCUMENT = "document", _("文件")


class EntryKind(models.TextChoices):
    AWARD = "award", _("获得积分")
    REDEEM = "redeem", _("兑换奖品")
    REFUND = "refund", _("兑换取消退回")
    REVERSAL = "reversal", _("冲正")
    EXPIRY = "expiry", _("过期")


class ClaimStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已通过")
    REFUSED = "refused", _("未通过")


class RedemptionStatus(models.TextChoices):
    PENDING = "pending", _("待领取")
    HANDED_OUT = "handed_out", _("已发放")
    CANCELLED = "cancelled", _("已取消")


class PointsRule(InUnion):
    item = models.CharField(_("积分项目"), max_length=14, choices=PointsItem.choices)
    name = models.CharField(_("规则名称"), max_length=100)
    points = models.PositiveIntegerField(_("积分"))
    evidence = models.CharField(_("所需材料"), max_length=8, choices=Evidence.choices,
                                default=Evidence.NONE)  # fmt: skip
    daily_cap = models.PositiveIntegerField(_("每日上限（分）"), null=True, blank=True)
    monthly_cap = models.PositiveIntegerField(_("每月上限（分）"), null=True, blank=True)
    valid_months = models.PositiveSmallIntegerField(
        _("有效期（月）"), default=0, help_text=_("0 表示长期有效")
    )
    is_active = models.BooleanField(_("启用"), default=True)

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = ("union", "item", "name", "points", "evidence", "daily_cap", "monthly_cap",
                    "valid_months", "is_active")  # fmt: skip

    class Meta:
        verbose_name = _("积分规则")
        verbose_name_plural = _("积分规则")
        ordering = ["item", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["union", "name"], name="points_rule_name_per_union")
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.points}分）"

    def get_absolute_url(self) -> str:
        return reverse("workforce:points_rule_edit", args=[self.pk])


class PointsAccount(InUnion):
    """One per membership spell: points are earned and spent inside one enterprise's union."""

    member = models.OneToOneField("registry.Member", verbose_name=_("会员"),
                                  on_delete=models.PROTECT, related_name="+")  # fmt: skip

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = ("member", "union")

    class Meta:
        verbose_name = _("积分账户")
        verbose_name_plural = _("积分账户")

    def __str__(self) -> str:
        return str(self.member.name)

    def get_absolute_url(self) -> str:
        return reverse("workforce:points_account", args=[self.pk])


class EntryQuerySet(UnionScopedQuerySet):
    scope_lookups = ("account__union__path",)


class PointsEntry(LedgerRow):
    account = link(PointsAccount, _("积分账户"), related_name="entries")
    kind = models.CharField(_("类别"), max_length=10, choices=EntryKind.choices)
    points = models.IntegerField(_("积分"))
    on = models.DateField(_("日期"))
    rule = link(PointsRule, _("积分规则"), optional=True, related_name="+")
    source_key = models.CharField(_("来源"), max_length=100, null=True, blank=True, unique=True)
    offsets = link("self", _("冲抵的积分"), optional=True, related_name="offset_by")
    note = models.CharField(_("说明"), max_length=200, blank=True)
    # A worker's own redemption on the phone has no staff user behind it.
    created_by = link(settings.AUTH_USER_MODEL, _("经办人"), optional=True, related_name="+")

    objects = EntryQuerySet.as_manager()

    ledger_parent = "account"
    ledger_amount = "points"
    audit_fields = ("account", "kind", "points", "on", "rule", "source_key", "offsets", "note")

    class Meta:
        verbose_name = _("积分流水")
        verbose_name_plural = _("积分流水")
        ordering = ["-on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(points=0), name="points_entry_not_zero"),
            models.UniqueConstraint(fields=["offsets"], condition=Q(offsets__isnull=False),
                                    name="points_offset_once"),  # fmt: skip
        ]
        indexes = [models.Index(fields=["account", "kind", "on"], name="points_entry_lookup")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.points:+d}"


class PointsClaim(InUnion):
    account = link(PointsAccount, _("积分账户"), related_name="claims")
    rule = link(PointsRule, _("积分规则"), related_name="claims")
    description = models.CharField(_("情况说明"), max_length=500)
    occurred_on = models.DateField(_("发生日期"))
    status = models.CharField(_("状态"), max_length=10, choices=ClaimStatus.choices,
                              default=ClaimStatus.PENDING)  # fmt: skip
    refusal_reason = models.CharField(_("未通过原因"), max_length=200, blank=True)
    entered_by = link(settings.AUTH_USER_MODEL, _("录入人"), optional=True, related_name="+")
    decided_by = link(settings.AUTH_USER_MODEL, _("审核人"), optional=True, related_name="+")
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    entry = models.OneToOneField(PointsEntry, verbose_name=_("积分流水"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="claim")  # fmt: skip

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = ("account", "rule", "description", "occurred_on", "status", "refusal_reason")

    class Meta:
        verbose_name = _("积分申报")
        verbose_name_plural = _("积分申报")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.rule.name} {self.occurred_on}"

    def get_absolute_url(self) -> str:
        return reverse("workforce:points_claim_detail", args=[self.pk])


class EvidenceQuerySet(UnionScopedQuerySet):
    scope_lookups = ("claim__union__path",)


class ClaimEvidence(StoredDocument):
    claim = models.ForeignKey(PointsClaim, verbose_name=_("积分申报"), on_delete=models.CASCADE,
                              related_name="evidence")  # fmt: skip
    upload = models.FileField(storage=private_storage, upload_to=document_path, max_length=200)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("申报材料")
        verbose_name_plural = _("申报材料")

    @property
    def audit_org_path(self) -> str:
        return self.claim.union.path


class Reward(InUnion):
    name = models.CharField(_("奖品名称"), max_length=100)
    points = models.PositiveIntegerField(_("所需积分"))
    stock = models.PositiveIntegerField(_("库存"))
    is_active = models.BooleanField(_("可兑换"), default=True)
    note = models.CharField(_("说明"), max_length=200, blank=True)

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = ("union", "name", "points", "stock", "is_active", "note")

    class Meta:
        verbose_name = _("奖品")
        verbose_name_plural = _("奖品")
        ordering = ["points", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["union", "name"], name="reward_name_per_union"),
            models.CheckConstraint(condition=Q(points__gt=0), name="reward_points_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.name}（{self.points}分）"

    def get_absolute_url(self) -> str:
        return reverse("workforce:reward_edit", args=[self.pk])


class Redemption(InUnion):
    reward = link(Reward, _("奖品"), related_name="redemptions")
    account = link(PointsAccount, _("积分账户"), related_name="redemptions")
    points = models.PositiveIntegerField(_("积分"))
    status = models.CharField(_("状态"), max_length=10, choices=RedemptionStatus.choices,
                              default=RedemptionStatus.PENDING)  # fmt: skip
    entry = models.OneToOneField(PointsEntry, verbose_name=_("积分流水"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="redemption")  # fmt: skip
    handed_by = link(settings.AUTH_USER_MODEL, _("发放人"), optional=True, related_name="+")
    handed_at = models.DateTimeField(_("发放时间"), null=True, blank=True)
    signed_by = models.CharField(_("领取人签名"), max_length=50, blank=True)
    cancel_reason = models.CharField(_("取消原因"), max_length=200, blank=True)

    objects = UnionScopedQuerySet.as_manager()

    audit_fields = ("reward", "account", "points", "status", "handed_by", "handed_at",
                    "signed_by", "cancel_reason")  # fmt: skip

    class Meta:
        verbose_name = _("积分兑换")
        verbose_name_plural = _("积分兑换")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reward.name}"

    def get_absolute_url(self) -> str:
        return reverse("workforce:redemption_detail", args=[self.pk])
