from django.db import models
from django.utils.translation import gettext_lazy as _


class Industry(models.TextChoices):
    """GB/T 4754-2017 sections (门类)."""

    A = "A", _("农、林、牧、渔业")
    B = "B", _("采矿业")
    C = "C", _("制造业")
    D = "D", _("电力、热力、燃气及水生产和供应业")
    E = "E", _("建筑业")
    F = "F", _("批发和零售业")
    G = "G", _("交通运输、仓储和邮政业")
    H = "H", _("住宿和餐饮业")
    I = "I", _("信息传输、软件和信息技术服务业")  # noqa: E741
    J = "J", _("金融业")
    K = "K", _("房地产业")
    L = "L", _("租赁和商务服务业")
    M = "M", _("科学研究和技术服务业")
    N = "N", _("水利、环境和公共设施管理业")
    O = "O", _("居民服务、修理和其他服务业")  # noqa: E741
    P = "P", _("教育")
    Q = "Q", _("卫生和社会工作")
    R = "R", _("文化、体育和娱乐业")
    S = "S", _("公共管理、社会保障和社会组织")
    T = "T", _("国际组织")


class Ownership(models.TextChoices):
    STATE = "state", _("国有")
    COLLECTIVE = "collective", _("集体")
    NON_PUBLIC = "non_public", _("非公")
    FOREIGN = "foreign", _("外资")
    HK_MACAO_TAIWAN = "hmt", _("港澳台")
    PUBLIC_INSTITUTION = "institution", _("事业单位")
    GOVERNMENT = "government", _("机关")
    SOCIAL_ORGANISATION = "social_org", _("社会组织")


class OperatingStatus(models.TextChoices):
    OPERATING = "operating", _("正常")
    SUSPENDED = "suspended", _("停业")
    DEREGISTERED = "deregistered", _("注销")


class UnionStatus(models.TextChoices):
    """Derived from the employer and its covering union; never stored."""

    UNIONIZED = "unionized", _("已建")
    TERM_OVERDUE = "term_overdue", _("已建未按期换届")
    NOT_OPERATING = "not_operating", _("已建未正常经营")
    NONE = "none", _("未建")


class EmploymentForm(models.TextChoices):
    STANDARD = "standard", _("标准")
    COURIER = "courier", _("快递员")
    DELIVERY_RIDER = "delivery_rider", _("外卖骑手")
    RIDE_HAILING = "ride_hailing", _("网约车司机")
    TRUCK_DRIVER = "truck_driver", _("货车司机")
    DOMESTIC = "domestic", _("家政服务员")
    OTHER_NEW = "other_new", _("其他新就业形态")


NEW_EMPLOYMENT_FORMS = [f for f in EmploymentForm.values if f != EmploymentForm.STANDARD]


class MemberStatus(models.TextChoices):
    ACTIVE = "active", _("在会")
    TRANSFERRED_OUT = "transferred_out", _("已转出")
    LEFT = "left", _("已退会")


class MemberSource(models.TextChoices):
    MANUAL = "manual", _("手工录入")
    IMPORT = "import", _("导入")
    ONLINE = "online", _("网上入会")
    TRANSFER = "transfer", _("转入")


class Gender(models.TextChoices):
    MALE = "M", _("男")
    FEMALE = "F", _("女")


class ApplicationKind(models.TextChoices):
    JOIN = "join", _("入会")
    TRANSFER = "transfer", _("转会")


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已通过")
    REFUSED = "refused", _("未通过")
    WITHDRAWN = "withdrawn", _("已撤回")


class ApplicationChannel(models.TextChoices):
    PORTAL = "portal", _("职工端")
    STAFF = "staff", _("工会经办")


class ContactMethod(models.TextChoices):
    VISIT = "visit", _("上门走访")
    CALL = "call", _("电话联系")
    MEETING = "meeting", _("座谈宣讲")
    OTHER = "other", _("其他")


class ContactOutcome(models.TextChoices):
    NO_INTEREST = "no_interest", _("暂无意愿")
    CONSIDERING = "considering", _("有建会意向")
    PREPARING = "preparing", _("筹建中")
    FOUNDED = "founded", _("已建会")
    REFUSED = "refused", _("明确拒绝")
    UNREACHABLE = "unreachable", _("未联系上")
