"""The workforce module's front page: its areas."""

from django.utils.translation import gettext_lazy as _

from gonghui.core.views.access import require_role
from gonghui.core.views.modules import module_index

SECTIONS = [
    ("workforce:cycle_list", _("评选表彰"), _("评选周期、名额、比例要求、公示与批准")),
    ("workforce:nomination_list", _("推荐"), _("基层推荐、民主评议、逐级报送")),
    ("workforce:honour_list", _("荣誉榜"), _("已授予的荣誉与证书")),
    ("workforce:honouree_list", _("劳模档案"), _("劳模工匠的荣誉、去向与关爱")),
    ("workforce:checkup_due", _("体检与疗休养"), _("应安排体检、疗休养的劳模")),
    ("workforce:studio_list", _("创新工作室"), _("工作室、经费、成果、季度报告与年度考核")),
    ("workforce:alliance_list", _("工作室联盟"), _("按行业或区域组建的联盟")),
    ("workforce:competition_list", _("劳动和技能竞赛"), _("竞赛目录、报名、评分、排名与证书")),
    ("workforce:candidate_list", _("竞赛表彰候选"), _("竞赛名次推荐到评选表彰")),
    ("workforce:kind_list", _("荣誉类别"), _("级别、授予对象、周期、证书编号格式")),
    ("workforce:import_honourees", _("导入劳模名册"), _("已有劳模工匠及其荣誉")),
    ("workforce:import_studios", _("导入工作室名册"), _("已有创新工作室")),
    ("workforce:proposal_list", _("合理化建议"), _("金点子、技术创新成果的受理、实施与效益")),
    ("workforce:panel_list", _("建议评审"), _("评审页面不显示提出人")),
    ("workforce:points_rule_list", _("积分规则"), _("企业工会的积分项目、分值、材料与上限")),
    ("workforce:points_claim_list", _("积分申报"), _("职工随手拍等申报的审核")),
    ("workforce:points_account_list", _("积分账户"), _("职工积分余额与流水")),
    ("workforce:reward_list", _("奖品目录"), _("积分兑换的奖品与库存")),
    ("workforce:redemption_list", _("积分兑换"), _("兑换的发放与签收")),
    ("workforce:points_leaderboard", _("积分排行榜"), _("按月、按年")),
    ("workforce:import_proposals", _("导入合理化建议"), _("已有建议台账")),
]


def index(request):
    require_role(request.user)
    return module_index(request, title=_("产改"), areas=SECTIONS)
