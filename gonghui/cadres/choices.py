"""The cadres module's fixed lists."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkerGrade(models.TextChoices):
    """社工岗位等级 (the three-tier ladder most counties pay by)."""

    JUNIOR = "junior", _("初级社工")
    INTERMEDIATE = "intermediate", _("中级社工")
    SENIOR = "senior", _("高级社工")


class RecordStatus(models.TextChoices):
    DRAFT = "draft", _("填写中")
    SUBMITTED = "submitted", _("已提交")


class TrainingKind(models.TextChoices):
    COURSE = "course", _("培训课程")
    CONTEST = "contest", _("技能竞赛")
    EXAM = "exam", _("考试")


class Grade(models.TextChoices):
    """年度考核等次."""

    EXCELLENT = "excellent", _("优秀")
    COMPETENT = "competent", _("称职")
    BASIC = "basic", _("基本称职")
    INCOMPETENT = "incompetent", _("不称职")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("考核中")
    SIGNED_OFF = "signed_off", _("已审定")


class AppealStatus(models.TextChoices):
    NONE = "", _("无申诉")
    OPEN = "open", _("申诉待答复")
    UPHELD = "upheld", _("申诉成立，等次已改")
    DISMISSED = "dismissed", _("维持原等次")


# The grade a weighted total suggests (the county may decide otherwise, with a note).
GRADE_FLOORS = ((90, Grade.EXCELLENT), (70, Grade.COMPETENT), (60, Grade.BASIC))


def suggested_grade(total) -> str:
    for floor, grade in GRADE_FLOORS:
        if total >= floor:
            return grade
    return Grade.INCOMPETENT


class CourseKind(models.TextChoices):
    """工会干部培训的类别."""

    POST = "post", _("岗位培训")
    TOPIC = "topic", _("专题培训")
    ONLINE = "online", _("网络培训")
    DEMONSTRATION = "demo", _("示范培训")


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("已报名")
    COMPLETED = "completed", _("已结业")
    ABSENT = "absent", _("未完成")


class SelfAssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("自评中")
    SUBMITTED = "submitted", _("待乡镇审核")
    RETURNED = "returned", _("退回修改")
    CHECKED = "checked", _("待县总评定")
    DECIDED = "decided", _("已评定")


class HomeKind(models.TextChoices):
    HOME = "home", _("模范职工之家")
    SMALL_HOME = "small_home", _("模范职工小家")


class HomeLevel(models.TextChoices):
    NATIONAL = "national", _("全国")
    PROVINCE = "province", _("省级")
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")
