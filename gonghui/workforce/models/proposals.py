"""Proposals and innovation results (合理化建议, 金点子, 技术创新成果).

A worker submits one on the phone (or a clerk enters it, or an import brings the old register);
it sits under the submitter's union. The review panel reads it without the submitter: the
panel's pages and API use `PANEL_FIELDS` only. Its life: received (已受理) → under review (评审中)
→ adopted (已采纳) → implemented (已实施), or rejected (未采纳) with the reason the worker reads.
An adopted one may carry an award tier and, once checked, the verified benefit in yuan with the
name of whoever verified it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gonghui.core.fields import link
from gonghui.core.money import money_field
from gonghui.workforce.models.common import InUnion, UnionScopedQuerySet


class ProposalCategory(models.TextChoices):
    SUGGESTION = "suggestion", _("合理化建议")
    IDEA = "idea", _("金点子")
    INNOVATION = "innovation", _("技术创新成果")


class ProposalStatus(models.TextChoices):
    RECEIVED = "received", _("已受理")
    REVIEWING = "reviewing", _("评审中")
    ADOPTED = "adopted", _("已采纳")
    IMPLEMENTED = "implemented", _("已实施")
    REJECTED = "rejected", _("未采纳")


class AwardTier(models.TextChoices):
    FIRST = "first", _("一等奖")
    SECOND = "second", _("二等奖")
    THIRD = "third", _("三等奖")
    MERIT = "merit", _("优秀奖")


class ProposalChannel(models.TextChoices):
    PORTAL = "portal", _("职工扫码提交")
    CLERK = "clerk", _("经办人录入")
    IMPORT = "import", _("导入")


ADOPTED_STATES = (ProposalStatus.ADOPTED, ProposalStatus.IMPLEMENTED)
# What the review panel may read: never the member, the employer or who entered it.
PANEL_FIELDS = ("id", "number", "category", "title", "problem", "idea", "expected_benefit",
                "status", "award_tier", "submitted_on")  # fmt: skip


class Proposal(InUnion):
    number = models.CharField(_("编号"), max_length=20, blank=True, db_index=True)
    member = link("registry.Member", _("提出人"), related_name="+")
    employer = link("registry.Employer", _("所在单位"), optional=True, related_name="+")
    category = models.CharField(_("类别"), max_length=12, choices=ProposalCategory.choices)
    title = models.CharField(_("题目"), max_length=100)
    problem = models.TextField(_("存在的问题"))
    idea = models.TextField(_("建议或方案"))
    expected_benefit = models.TextField(_("预期效益"), blank=True)
    channel = models.CharField(_("提交方式"), max_length=8, choices=ProposalChannel.choices)
    status = models.CharField(
        _("状态"), max_length=12, choices=ProposalStatus.choices, default=ProposalStatus.RECEIVED
    )
    reject_reason = models.CharField(_("未采纳原因"), max_length=200, blank=True)
    award_tier = models.CharField(_("奖励等次"), max_length=8, choices=AwardTier.choices,
                                  blank=True)  # fmt: skip
    verified_benefit = money_field(_("核实效益（元）"), default=0)
    verified_by_name = models.CharField(_("效益核实人"), max_length=50, blank=True)
    verified_on = models.DateField(_("核实日期"), null=True, blank=True)
    submitted_on = models.DateField(_("提出日期"))
    adopted_on = models.DateField(_("采纳日期"), null=True, blank=True)
    implemented_on = models.DateField(_("实施日期"), null=True, blank=True)
    entered_by = link(settings.AUTH_USER_MODEL, _("录入人"), optional=True, related_name="+")

    objects = UnionScopedQuerySet.as_manager()

    # The submitter is left out of the change log on purpose: the panel may read the history.
    audit_fields = ("number", "category", "title", "status", "reject_reason", "award_tier",
                    "verified_benefit", "verified_by_name", "adopted_on",
                    "implemented_on")  # fmt: skip

    class Meta:
        verbose_name = _("合理化建议")
        verbose_name_plural = _("合理化建议")
        ordering = ["-submitted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(verified_benefit__gte=0), name="benefit_not_negative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("workforce:proposal_detail", args=[self.pk])

    @property
    def panel_url(self) -> str:
        return reverse("workforce:panel_detail", args=[self.pk])
