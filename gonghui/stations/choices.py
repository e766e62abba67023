"""The stations module's fixed lists (驿站)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StationKind(models.TextChoices):
    UNION = "union", _("工会自建")
    BANK = "bank", _("共建·银行网点")
    SHOP = "shop", _("共建·商铺")
    PETROL = "petrol", _("共建·加油站")
    PARTNER = "partner", _("共建·其他单位")


class StationStatus(models.TextChoices):
    OPEN = "open", _("开放")
    SUSPENDED = "suspended", _("暂停")
    CLOSED = "closed", _("关闭")


class Facility(models.TextChoices):
    WATER = "water", _("饮用水")
    CLIMATE = "climate", _("冷暖空调")
    MICROWAVE = "microwave", _("微波炉")
    CHARGING = "charging", _("充电")
    TOILET = "toilet", _("卫生间")
    SEATS = "seats", _("休息座椅")
    FIRST_AID = "first_aid", _("急救药箱")
    BOOKS = "books", _("书报")
    WIFI = "wifi", _("无线网络")


class Datum(models.TextChoices):
    WGS84 = "wgs84", _("WGS-84（手机定位、GPS）")
    GCJ02 = "gcj02", _("GCJ-02（高德、腾讯地图）")
    BD09 = "bd09", _("BD-09（百度地图）")


class WindowMode(models.TextChoices):
    STAFFED = "staffed", _("有人值守")
    UNATTENDED = "unattended", _("无人值守（视频监护）")


class ExceptionKind(models.TextChoices):
    CLOSED = "closed", _("当日闭站")
    EXTRA = "extra", _("加开时段")


class Occupation(models.TextChoices):
    COURIER = "courier", _("快递员")
    RIDER = "rider", _("外卖骑手")
    SANITATION = "sanitation", _("环卫工人")
    DRIVER = "driver", _("货车司机")
    OTHER = "other", _("其他")


class VisitSource(models.TextChoices):
    SCAN = "scan", _("扫码")
    WALK_IN = "walk_in", _("站长登记")
    COUNTER = "counter", _("客流计数器")


class IncidentKind(models.TextChoices):
    INJURY = "injury", _("受伤")
    ILLNESS = "illness", _("突发疾病")
    DAMAGE = "damage", _("设施损坏")
    CONFLICT = "conflict", _("纠纷冲突")
    OTHER = "other", _("其他")


class IncidentSource(models.TextChoices):
    HOTLINE = "hotline", _("24小时热线")
    VISITOR = "visitor", _("来站职工")
    WATCH = "watch", _("视频监护发现")


class IncidentStatus(models.TextChoices):
    RECEIVED = "received", _("已接报")
    RESPONDED = "responded", _("已响应")
    CLOSED = "closed", _("已办结")


class IncidentLevel(models.TextChoices):
    STATION = "station", _("驿站")
    SAFETY = "safety", _("安全员")
    COUNTY = "county", _("县总工会")


class CheckItem(models.TextChoices):
    CLEANLINESS = "cleanliness", _("环境卫生")
    SUPPLIES = "supplies", _("物资配备")
    EQUIPMENT = "equipment", _("设施设备")
    SIGNAGE = "signage", _("标识标牌")
    SAFETY = "safety", _("安全管理")
