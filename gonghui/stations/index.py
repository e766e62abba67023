"""The stations module's front page: its areas, for the user's reach."""

from django.utils.translation import gettext_lazy as _

from gonghui.core.views.modules import module_index
from gonghui.stations.access import is_staff, require_station_user

# (url name, label, hint, staff only)
SECTIONS = [
    (
        "stations:station_list",
        _("驿站"),
        _("户外劳动者驿站：开放时间、设施、站长、扫码二维码"),
        False,
    ),
    ("stations:visit_list", _("到站服务"), _("扫码、站长登记、客流计数器：人次与人数"), False),
    ("stations:incident_list", _("突发事件"), _("热线和来站报告、响应计时、逐级升级"), False),
    ("stations:watch_list", _("视频巡查"), _("无人值守时段的视频巡查与漏查提示"), False),
    ("stations:inspection_list", _("检查与整改"), _("县级检查、发现问题、整改期限"), False),
    ("stations:feedback_list", _("职工评价"), _("评分、意见与站长答复"), False),
    ("stations:station_import", _("导入驿站台账"), _("从 Excel 表格导入已有驿站"), True),
]


def index(request):
    require_station_user(request.user)
    staff = is_staff(request.user)
    areas = [(n, label, hint) for n, label, hint, staff_only in SECTIONS if staff or not staff_only]
    return module_index(request, title=_("户外劳动者驿站"), areas=areas)
