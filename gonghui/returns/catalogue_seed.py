"""The indicators and checks Gonghui ships for a year's catalogue (`gonghui returns seed
--year`, and the demo). Computable ones name their source (gonghui.returns.indicators); the rest
are entered by hand (手工填报). Cells are the form's row (行次) in the column 本年数."""

from gonghui.returns.choices import Aggregation, Form, Op

G, U = Form.GRASSROOTS, Form.UPPER
SUM, NONE = Aggregation.SUM, Aggregation.NONE

# code, label, source ("" = by hand), form, unit, aggregation, definition
INDICATORS = [
    ("G01", "基层工会组织数", "orgs_by_kind.grassroots", G, "个", SUM, "年末正常活动的基层工会"),
    ("G02", "联合基层工会数", "orgs_by_kind.joint_union", G, "个", SUM,
     "年末正常活动的联合基层工会"),
    ("G03", "工会小组数", "orgs_by_kind.group", G, "个", SUM, "年末正常活动的工会小组"),
    ("G04", "已配备工会主席的基层工会数", "returns.unions_with_chair", G, "个", SUM,
     "登记了工会主席的基层工会和联合基层工会"),
    ("G05", "已建会单位数", "employers_unionized", G, "个", SUM,
     "正常经营且由正常活动的工会覆盖的单位"),
    ("G06", "已建会单位职工数", "employees_unionized", G, "人", SUM,
     "已建会单位登记的职工人数之和"),
    ("G07", "联合基层工会覆盖单位数", "returns.joint_employers", G, "个", SUM,
     "由联合基层工会覆盖的正常经营单位"),
    ("G08", "联合基层工会覆盖单位职工数", "returns.joint_employees", G, "人", SUM,
     "联合基层工会覆盖单位的职工人数之和"),
    ("G09", "会员数", "members", G, "人", SUM, "年末在会会员"),
    ("G10", "其中：女会员", "members_women", G, "人", SUM, "在会会员中的女性"),
    ("G11", "其中：农民工会员", "members_migrant", G, "人", SUM, "在会会员中的农民工"),
    ("G12", "其中：新就业形态劳动者会员", "members_new_form", G, "人", SUM,
     "在会会员中的快递员、外卖骑手、网约车司机、货车司机等"),
    ("G13", "本年新入会会员", "members_new", G, "人", SUM, "本年度新入会且年末仍在会"),
    ("G14", "建立职代会制度的单位数", "returns.congress_employers", G, "个", SUM, "已建会单位中"),
    ("G15", "实行厂务公开的单位数", "returns.open_affairs_employers", G, "个", SUM, "已建会单位中"),
    ("G16", "签订集体合同的单位数", "returns.contract_employers", G, "个", SUM, "集体合同年末有效"),
    ("G17", "其中：签订工资专项集体合同的单位数", "returns.wage_contract_employers", G, "个", SUM,
     "工资专项集体合同年末有效"),
    ("G18", "专职工会工作人员数", "", G, "人", SUM, "基层工会配备的专职工作人员"),
    ("G19", "兼职工会干部数", "", G, "人", SUM, "基层工会委员会中的兼职干部"),
    ("G20", "工会经费收入", "", G, "万元", SUM, "本年度基层工会经费收入"),
    ("G21", "职工之家（小家）数", "", G, "个", SUM, "已建成的职工之家、职工小家"),
    ("U01", "工会社会工作者数", "social_workers", U, "人", SUM, "年末在岗的工会社工"),
    ("U02", "机关专职工作人员数", "", U, "人", SUM, "本级工会机关的专职工作人员"),
    ("U03", "内设工作部门数", "", U, "个", NONE, "本级工会机关的内设部门"),
    ("U04", "本年培训工会干部人数", "cadres_trained", U, "人", SUM, "本年结业的工会干部"),
    ("U05", "本年举办干部培训班期数", "", U, "期", SUM, "本级工会举办的培训班"),
    ("U06", "受理职工维权案件数", "cases", U, "件", SUM, "本年度受理的维权案件"),
    ("U07", "帮助职工追回欠薪", "wages_recovered", U, "元", SUM, "本年度结案追回的欠薪"),
    ("U08", "帮扶资金发放", "aid_paid", U, "元", SUM, "本年度发放的帮扶资金"),
]  # fmt: skip

# left, op, right, note
RULES = [
    ("G10", Op.LE, "G09", "女会员不能多于会员"),
    ("G11", Op.LE, "G09", "农民工会员不能多于会员"),
    ("G12", Op.LE, "G09", "新就业形态会员不能多于会员"),
    ("G13", Op.LE, "G09", "新入会会员不能多于会员"),
    ("G09", Op.LE, "G06+G12", "会员不能多于已建会单位职工与新就业形态会员之和"),
    ("G07", Op.LE, "G05", "联合基层工会覆盖单位是已建会单位的一部分"),
    ("G08", Op.LE, "G06", "联合基层工会覆盖职工是已建会单位职工的一部分"),
    ("G17", Op.LE, "G16", "工资专项集体合同是集体合同的一部分"),
    ("G04", Op.LE, "G01+G02", "配备主席的工会不能多于基层工会与联合基层工会之和"),
]
