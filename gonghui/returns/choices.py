"""Choices of the returns module."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Form(models.TextChoices):
    GRASSROOTS = "grassroots", _("基层工会统计表")
    UPPER = "upper", _("基层以上工会统计表")


class Aggregation(models.TextChoices):
    SUM = "sum", _("逐级汇总（上级为下级之和）")
    NONE = "none", _("不汇总（各级自填或自算）")


class ReturnStatus(models.TextChoices):
    DRAFT = "draft", _("填报中")
    SUBMITTED = "submitted", _("待负责人签发")
    SIGNED = "signed", _("已签发")
    ACCEPTED = "accepted", _("上级已审核")
    RETURNED = "returned", _("退回修改")


class Origin(models.TextChoices):
    FIGURE = "figure", _("系统计算")
    SUMMED = "summed", _("下级汇总")
    HAND = "hand", _("手工填报")


class Op(models.TextChoices):
    LE = "le", "≤"
    GE = "ge", "≥"
    EQ = "eq", "="


EDITABLE = (ReturnStatus.DRAFT, ReturnStatus.RETURNED)
# Returns whose values an upper union sums: signed by the union's head (and those accepted).
FINAL = (ReturnStatus.SIGNED, ReturnStatus.ACCEPTED)
