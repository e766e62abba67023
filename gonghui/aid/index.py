"""The aid module's front page: its sections and this year's figures for the user's scope."""

from django.utils.translation import gettext_lazy as _

from gonghui.core.views.access import require_role
from gonghui.core.views.modules import module_index

SECTIONS = [
    ("aid:hardship_list", _("困难职工档案"), _("建档立卡、审核、导入")),
    ("aid:hardship_due", _("年度复核"), _("超过一年未复核的在档家庭")),
    ("aid:programme_list", _("救助项目"), _("医疗、生活、助学等项目与预算")),
    ("aid:application_list", _("救助申请"), _("代为申请、提交、逐级审核")),
    ("aid:notice_list", _("公示"), _("批准名单公示")),
    ("aid:batch_list", _("发放"), _("发放批次、银行转账清单、回单")),
    ("aid:care_list", _("四送活动"), _("走访慰问名单与统计")),
    ("aid:plan_list", _("职工医疗互助"), _("年度参保、理赔")),
    ("aid:merchant_list", _("会员日"), _("合作商户、优惠与核销")),
    ("aid:refund_policy_list", _("小微企业经费返还"), _("返还政策、申请、返还")),
]


def index(request):
    require_role(request.user)
    return module_index(request, title=_("帮扶服务"), areas=SECTIONS)
