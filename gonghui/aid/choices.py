"""Choices of the aid module (帮扶服务)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HardshipCause(models.TextChoices):
    ILLNESS = "illness", _("因病")
    DISABILITY = "disability", _("因残")
    UNEMPLOYMENT = "unemployment", _("失业")
    SCHOOLING = "schooling", _("因学")
    DISASTER = "disaster", _("因灾")
    OTHER = "other", _("其他")


class HardshipLevel(models.TextChoices):
    NATIONAL = "national", _("全国总工会档")
    PROVINCIAL = "provincial", _("省级档")
    COUNTY = "county", _("县级档")


class HardshipStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    FILED = "filed", _("在档")
    RETURNED = "returned", _("退回修改")
    LIFTED = "lifted", _("已解困脱困")
    REMOVED = "removed", _("已移出")


class Eligibility(models.TextChoices):
    """Who may apply to an aid programme."""

    FILED = "filed", _("建档困难职工")
    MEMBER = "member", _("全体在会会员")
    NEW_FORM = "new_form", _("新就业形态劳动者")


def eligibility_choices() -> list[tuple[str, str]]:
    """Aid's own choices, then the rules other modules registered (gonghui.core.eligibility)."""
    from gonghui.core.eligibility import registered_choices

    return [*Eligibility.choices, *registered_choices()]


class AidStatus(models.TextChoices):
    # A worker's own application waits for their grassroots union to check and send it on.
    AWAITING_UNION = "awaiting_union", _("待基层工会提交")
    REVIEWING = "reviewing", _("审核中")
    APPROVED = "approved", _("已批准")
    REFUSED = "refused", _("未通过")
    WITHDRAWN = "withdrawn", _("已撤回")


class StepStatus(models.TextChoices):
    WAITING = "waiting", _("待审核")
    APPROVED = "approved", _("通过")
    REFUSED = "refused", _("未通过")


class Channel(models.TextChoices):
    PORTAL = "portal", _("职工端")
    STAFF = "staff", _("工会代办")


class BatchStatus(models.TextChoices):
    OPEN = "open", _("待导出")
    EXPORTED = "exported", _("已导出，待银行回单")
    SETTLED = "settled", _("已回单")


class CareSeason(models.TextChoices):
    """四送."""

    SPRING = "spring", _("春送岗位")
    SUMMER = "summer", _("夏送清凉")
    AUTUMN = "autumn", _("金秋助学")
    WINTER = "winter", _("冬送温暖")
    OTHER = "other", _("其他慰问")


class ClaimStatus(models.TextChoices):
    SUBMITTED = "submitted", _("待审核")
    APPROVED = "approved", _("已核定")
    REFUSED = "refused", _("拒赔")


class RefundStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已批准")
    REFUSED = "refused", _("未通过")
