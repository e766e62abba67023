"""Choices of the workforce module (产改: honours, honourees' care, innovation studios)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    COUNTY = "county", _("县级")
    CITY = "city", _("市级")
    PROVINCE = "province", _("省级")
    NATIONAL = "national", _("全国")


class Subject(models.TextChoices):
    """Who an honour kind is given to."""

    INDIVIDUAL = "individual", _("个人")
    COLLECTIVE = "collective", _("集体（单位或班组）")
    RESULT = "result", _("成果（团队或命名成果）")


class CycleStatus(models.TextChoices):
    OPEN = "open", _("推荐中")
    VETTING = "vetting", _("审查评审中")
    NOTICE = "notice", _("公示中")
    DECIDED = "decided", _("已表彰")


class Criterion(models.TextChoices):
    """What a share rule (比例要求) counts among the nominations."""

    FRONT_LINE = "front_line", _("一线职工")
    MIGRANT = "migrant", _("农民工")
    NON_PUBLIC = "non_public", _("非公有制单位")
    UNIT_HEAD = "unit_head", _("单位负责人")
    WOMEN = "women", _("女性")


class Comparison(models.TextChoices):
    AT_LEAST = "gte", _("不低于")
    AT_MOST = "lte", _("不高于")


class Position(models.TextChoices):
    """The nominee's place at work (for the share rules)."""

    FRONT_LINE = "front_line", _("一线职工")
    TECHNICAL = "technical", _("专业技术人员")
    MANAGER = "manager", _("管理人员")
    UNIT_HEAD = "unit_head", _("单位负责人")


class NominationStatus(models.TextChoices):
    DRAFT = "draft", _("待报送")
    REVIEWING = "reviewing", _("逐级审核中")
    CANDIDATE = "candidate", _("候选")
    APPROVED = "approved", _("已批准")
    REFUSED = "refused", _("未通过")
    WITHDRAWN = "withdrawn", _("已撤回")


class StepStatus(models.TextChoices):
    WAITING = "waiting", _("待审核")
    APPROVED = "approved", _("同意上报")
    REFUSED = "refused", _("不同意")


class Agency(models.TextChoices):
    """The bodies whose opinion a candidate needs (征求意见)."""

    DISCIPLINE = "discipline", _("纪检监察")
    POLICE = "police", _("公安")
    HR = "hr", _("人社")
    SAFETY = "safety", _("安全监管")


class Opinion(models.TextChoices):
    AGREE = "agree", _("同意")
    OBJECT = "object", _("有异议")


class HonourStatus(models.TextChoices):
    ACTIVE = "active", _("有效")
    REVOKED = "revoked", _("已撤销")


class HonoureeStatus(models.TextChoices):
    WORKING = "working", _("在职")
    RETIRED = "retired", _("退休")
    DECEASED = "deceased", _("去世")


class CareKind(models.TextChoices):
    CHECKUP = "checkup", _("健康体检")
    SANATORIUM = "sanatorium", _("疗休养")
    VISIT = "visit", _("走访慰问（患病）")
    HARDSHIP = "hardship", _("困难帮扶跟进")


class StudioStatus(models.TextChoices):
    ACTIVE = "active", _("正常")
    RECTIFY = "rectify", _("限期整改")
    REVOKED = "revoked", _("已撤销")


class ReviewOutcome(models.TextChoices):
    PASS = "pass", _("合格")
    RECTIFY = "rectify", _("限期整改")
    REVOKED = "revoked", _("撤销命名")


class ResultKind(models.TextChoices):
    PATENT = "patent", _("专利")
    METHOD = "method", _("先进操作法")
    INNOVATION = "innovation", _("技术革新")
    OTHER = "other", _("其他成果")


class AllianceBasis(models.TextChoices):
    INDUSTRY = "industry", _("按行业")
    REGION = "region", _("按区域")


class ActivityKind(models.TextChoices):
    PROJECT = "project", _("联合攻关项目")
    EVENT = "event", _("交流活动")
