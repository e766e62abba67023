"""The rights module's front page: its areas, for the user's reach (a lawyer sees only cases)."""

from django.utils.translation import gettext_lazy as _

from gonghui.core.views.modules import module_index
from gonghui.rights.access import is_staff, require_case_user

# (url name, label, hint, staff only)
SECTIONS = [
    ("rights:case_list", _("维权案件"), _("法律援助与调解：受理、指派、调解、结案"), False),
    ("rights:point_list", _("服务点与值班"), _("法律援助中心及工作站、律师坐班表、接访咨询"), True),
    ("rights:duty_mine", _("我的值班"), _("本人在各服务点的坐班安排"), False),
    ("rights:reception_list", _("接访咨询登记"), _("各服务点来访、咨询人次与处理结果"), False),
    ("rights:counsel_list", _("律师与调解员"), _("合作律所、律师、调解员"), True),
    ("rights:outreach_list", _("普法宣传"), _("讲座、送法进企业、手册发放"), True),
    ("rights:grid_list", _("企业网格"), _("网格、网格员、监测点"), True),
    ("rights:report_list", _("监测月报"), _("监测点月度报告，逾期标记"), True),
    ("rights:board", _("风险看板"), _("各乡镇企业风险等级"), True),
    ("rights:warning_list", _("风险预警"), _("签收、处置、逐级升级"), True),
    ("rights:rule_list", _("研判规则"), _("月报与案件如何转为风险等级"), True),
    ("rights:contract_list", _("集体合同"), _("综合与专项合同、90 天内到期"), True),
    ("rights:round_list", _("集中要约"), _("要约行动、企业回应与结果"), True),
    ("rights:democracy_list", _("职代会与厂务公开"), _("建制情况、星级、建制率"), True),
]


def index(request):
    require_case_user(request.user)
    staff = is_staff(request.user)
    areas = [
        (name, label, hint) for name, label, hint, staff_only in SECTIONS if staff or not staff_only
    ]
    return module_index(request, title=_("维权服务"), areas=areas)
