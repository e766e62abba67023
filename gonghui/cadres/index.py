"""The cadres module's front page: its areas, for the user's reach (a social worker is sent to
their own file)."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from gonghui.cadres.access import is_staff, require_cadre_user
from gonghui.cadres.models import SocialWorker
from gonghui.core.views.modules import module_index

SECTIONS = [
    ("cadres:worker_list", _("社工成长档案"), _("服务工会、岗位等级、合同、证书与登录账号")),
    ("cadres:record_list", _("月度工作纪实"), _("每月工作内容与本工会数据，提交后锁定")),
    ("cadres:review_list", _("季度评议"), _("社工自评、服务工会评议、县总评议")),
    ("cadres:assessment_list", _("年度考核"), _("述职、民主测评、权重、等次、申诉")),
    ("cadres:course_list", _("干部培训"), _("培训班、各工会报名、出勤与结业")),
    ("cadres:cadre_hours", _("培训学时"), _("每名干部本年度结业学时")),
    ("cadres:scheme_list", _("星级工会评定"), _("六有、十星级：方案、自评、乡镇审核、县总评定")),
    ("cadres:home_list", _("模范职工之家"), _("模范职工之家、职工小家评选")),
]


def index(request):
    require_cadre_user(request.user)
    if not is_staff(request.user):
        worker = SocialWorker.objects.filter(user=request.user).first()
        if worker is not None:
            return redirect(worker)
    return module_index(request, title=_("工会社工"), areas=SECTIONS)
