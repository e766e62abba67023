"""Choices of the rights module (维权)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaseKind(models.TextChoices):
    WAGES = "wages", _("拖欠工资")
    CONTRACT = "contract", _("劳动合同")
    INJURY = "injury", _("工伤")
    SOCIAL_INSURANCE = "social_insurance", _("社会保险")
    DISMISSAL = "dismissal", _("解除劳动关系")
    OTHER = "other", _("其他")


class CaseChannel(models.TextChoices):
    PORTAL = "portal", _("职工端在线申请")
    CLERK = "clerk", _("工会经办人录入")
    VISIT = "visit", _("服务点来访")


class CaseStatus(models.TextChoices):
    RECEIVED = "received", _("已收件")
    ACCEPTED = "accepted", _("已受理")
    DECLINED = "declined", _("不予受理")
    ASSIGNED = "assigned", _("已指派")
    MEDIATING = "mediating", _("调解中")
    AGREEMENT = "agreement", _("达成调解协议")
    ARBITRATION = "arbitration", _("转劳动仲裁")
    LITIGATION = "litigation", _("转诉讼")
    WITHDRAWN = "withdrawn", _("已撤回")
    CLOSED = "closed", _("已结案")


# A case rests in one of these after its mediation (or a withdrawal) until it is closed.
OUTCOMES = (
    CaseStatus.AGREEMENT,
    CaseStatus.ARBITRATION,
    CaseStatus.LITIGATION,
    CaseStatus.WITHDRAWN,
)
# Nothing more is due on a case in these; reopening takes it back to ACCEPTED (or RECEIVED).
FINAL = (CaseStatus.DECLINED, CaseStatus.CLOSED)
OPEN_STATUSES = tuple(s for s in CaseStatus.values if s not in FINAL)


class CaseAction(models.TextChoices):
    """What a CaseEvent records."""

    RECEIVE = "receive", _("收件")
    ACCEPT = "accept", _("受理")
    DECLINE = "decline", _("不予受理")
    ASSIGN = "assign", _("指派")
    MEDIATE = "mediate", _("开始调解")
    OUTCOME = "outcome", _("登记结果")
    RECOVER = "recover", _("登记追回金额")
    CLOSE = "close", _("结案")
    REOPEN = "reopen", _("重新办理")
    WITHDRAW = "withdraw", _("撤回")
    COURT_EXPORT = "court_export", _("推送法院调解平台")
    COURT_RESULT = "court_result", _("导入法院调解结果")


class CounselKind(models.TextChoices):
    LAWYER = "lawyer", _("律师")
    MEDIATOR = "mediator", _("调解员")
    OFFICER = "officer", _("工会法律工作者")


class PointKind(models.TextChoices):
    CENTRE = "centre", _("法律援助中心")
    COURT = "court", _("法院工作站")
    HR_BUREAU = "hr_bureau", _("人社局工作站")
    PARK = "park", _("产业园区工作站")
    TOWN = "town", _("乡镇（街道）工作站")
    OTHER = "other", _("其他")


class DutySession(models.TextChoices):
    MORNING = "am", _("上午")
    AFTERNOON = "pm", _("下午")
    DAY = "day", _("全天")


class ReceptionKind(models.TextChoices):
    VISIT = "visit", _("来访接待")
    CONSULTATION = "consultation", _("法律咨询")


class ReceptionOutcome(models.TextChoices):
    ADVICE = "advice", _("当场解答")
    CASE = "case", _("转立维权案件")
    REFERRED = "referred", _("引导至相关部门")


class OutreachKind(models.TextChoices):
    LECTURE = "lecture", _("法治讲座")
    CAMPAIGN = "campaign", _("送法进企业")
    SCHOOL = "school", _("法律进校园")
    HANDBOOK = "handbook", _("发放宣传手册")
    OTHER = "other", _("其他宣传活动")


class GridRole(models.TextChoices):
    LEADER = "leader", _("网格长")
    MEMBER = "member", _("网格员")
    LIAISON = "liaison", _("企业联络员")


class RiskCategory(models.TextChoices):
    WAGE_ARREARS = "wage_arrears", _("欠薪")
    LAYOFFS = "layoffs", _("裁员")
    UNREST = "unrest", _("群体性事件苗头")
    SAFETY = "safety", _("安全生产")
    OTHER = "other", _("其他")


class Rating(models.IntegerChoices):
    NONE = 0, _("无")
    LOW = 1, _("轻微")
    MEDIUM = 2, _("较重")
    HIGH = 3, _("严重")


class RiskLevel(models.IntegerChoices):
    GREEN = 0, _("绿色")
    YELLOW = 1, _("黄色")
    ORANGE = 2, _("橙色")
    RED = 3, _("红色")


class RuleSource(models.TextChoices):
    """What a risk rule looks at: a report category's latest rating, open cases, or missed
    monthly reports."""

    WAGE_ARREARS = "wage_arrears", _("月报：欠薪")
    LAYOFFS = "layoffs", _("月报：裁员")
    UNREST = "unrest", _("月报：群体性事件苗头")
    SAFETY = "safety", _("月报：安全生产")
    OTHER = "other", _("月报：其他")
    OPEN_CASES = "open_cases", _("未结维权案件数")
    MISSED_REPORTS = "missed_reports", _("连续未报月数")


class WarningStatus(models.TextChoices):
    OPEN = "open", _("待签收")
    ACKNOWLEDGED = "acknowledged", _("已签收处置中")
    HANDLED = "handled", _("已处置")


class ContractScope(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业集体合同")
    REGIONAL = "regional", _("区域性集体合同")
    INDUSTRY = "industry", _("行业性集体合同")


class ContractKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("综合性集体合同")
    WAGE = "wage", _("工资专项集体合同")
    SAFETY = "safety", _("劳动安全卫生专项集体合同")
    WOMEN = "women", _("女职工权益保护专项集体合同")


class OfferResponse(models.TextChoices):
    PENDING = "pending", _("待回应")
    ACCEPTED = "accepted", _("同意协商")
    REFUSED = "refused", _("拒绝协商")
    NEGOTIATING = "negotiating", _("协商中")
    SIGNED = "signed", _("已签订")
    FAILED = "failed", _("未达成")
