"""A realistic generated county for demos and load tests (`gonghui demo`).

竹溪县 with its fifteen towns, an industrial park, industry unions for new-form workers, about a
thousand employers and tens of thousands of members. Everything is drawn from one
``random.Random(seed)``, so a seed gives the same county (relative to today's date) every time;
only the users' passwords come from ``secrets``.

Rows are written with ``bulk_create`` level by level. The services are bypassed on purpose: they
validate and audit one row at a time, which would take minutes for 30,000 members, and generated
data needs no audit trail. What ``save()`` would derive (pinyin initials, paths) is set here.
"""

from __future__ import annotations

import itertools
import math
import random
import secrets
import string
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, ProtectedError
from django.utils import timezone

from gonghui.core import versions
from gonghui.core.models import AuditEntry, Organisation, OrgKind, OrgStatus, RoleAssignment, User
from gonghui.core.models.orgs import path_segment
from gonghui.core.pinyin import initials
from gonghui.core.roles import Role
from gonghui.core.validators import make_credit_code, make_mobile, make_resident_id
from gonghui.registry import demo_activity, demo_hooks, demo_newform
from gonghui.registry.choices import (
    EmploymentForm,
    Industry,
    MemberSource,
    MemberStatus,
    OperatingStatus,
    Ownership,
)
from gonghui.registry.models import Application, Employer, FoundingContact, Member

BATCH_SIZE = 2000
URL = "http://127.0.0.1:8000/"

COUNTY = "竹溪县"
AREA = "420324"
TERM_YEARS = 5

NEW_FORM_SHARE = 0.12  # of active members
LEFT_SHARE = 0.03  # former members, on top of the active ones
PHONE_SHARE = 0.8
OVERDUE_SHARE = 0.12  # of unions past their first term; about 8 % of all unions
THIS_YEAR_SHARE = 0.1  # joined in the current year, on top of those of new unions

# The fifteen towns and townships of 竹溪, with each one's share of the employers. The county seat
# comes first (the first clerk works there) and 水坪镇 second (the second clerk).
TOWNS = (
    ("城关镇", 30),
    ("水坪镇", 7),
    ("蒋家堰镇", 8),
    ("县河镇", 5),
    ("中峰镇", 5),
    ("泉溪镇", 4),
    ("丰溪镇", 4),
    ("龙坝镇", 3),
    ("兵营镇", 3),
    ("汇湾镇", 3),
    ("新洲镇", 3),
    ("鄂坪乡", 3),
    ("天宝乡", 2),
    ("桃源乡", 2),
    ("向坝乡", 2),
)
PARK_NAME = "竹溪县工业园区工会联合会"
PARK_LABEL = "竹溪县工业园区"
PARK_WEIGHT = 16

INDUSTRY_UNIONS = {
    "courier": "竹溪县快递行业工会联合会",
    "truck": "竹溪县货运司机工会联合会",
    "ride": "竹溪县网约车司机工会联合会",
    "new_form": "竹溪县新就业形态劳动者工会联合会",
}

F = EmploymentForm
# Courier outlets and delivery-rider agencies: employers whose unions sit under an industry union.
# (union, industry union, employer name, employer short name, employment form of its members)
NEW_FORM_EMPLOYERS = (
    ("中通快递竹溪网点工会", "courier", "竹溪县中通快递有限公司", "中通快递", F.COURIER),
    (
        "美团外卖竹溪站点骑手工会",
        "new_form",
        "竹溪县速达配送服务有限公司",
        "速达配送",
        F.DELIVERY_RIDER,
    ),
    ("顺丰速运竹溪网点工会", "courier", "竹溪顺丰速运有限公司", "顺丰速运", F.COURIER),
    ("圆通速递竹溪网点工会", "courier", "竹溪县圆通速递有限公司", "圆通速递", F.COURIER),
    ("韵达快递竹溪网点工会", "courier", "竹溪县韵达快递服务有限公司", "韵达快递", F.COURIER),
    (
        "饿了么竹溪站点骑手工会",
        "new_form",
        "竹溪县蜂鸟配送服务有限公司",
        "蜂鸟配送",
        F.DELIVERY_RIDER,
    ),
    ("申通快递竹溪网点工会", "courier", "竹溪县申通快递有限公司", "申通快递", F.COURIER),
    ("极兔速递竹溪网点工会", "courier", "竹溪县极兔速递有限公司", "极兔速递", F.COURIER),
    ("京东物流竹溪营业部工会", "courier", "竹溪县京东物流服务有限公司", "京东物流", F.COURIER),
)
# Unions of workers without an employer (drivers on platforms, domestic workers, gig workers).
NEW_FORM_UNIONS = (
    ("竹溪县物流园货运司机工会", "truck", F.TRUCK_DRIVER),
    ("蒋家堰镇货运司机工会", "truck", F.TRUCK_DRIVER),
    ("滴滴出行竹溪司机工会", "ride", F.RIDE_HAILING),
    ("竹溪县出租汽车和网约车司机工会", "ride", F.RIDE_HAILING),
    ("竹溪县家政服务员工会", "new_form", F.DOMESTIC),
    ("竹溪县灵活就业人员工会", "new_form", F.OTHER_NEW),
)
FALLBACK_COURIER_UNION = "竹溪县快递员工会"
FORM_SHARES = {
    F.COURIER: 30,
    F.DELIVERY_RIDER: 25,
    F.RIDE_HAILING: 15,
    F.TRUCK_DRIVER: 15,
    F.DOMESTIC: 9,
    F.OTHER_NEW: 6,
}
# Share of a form's members who are employed by the outlet or agency their union belongs to.
WITH_EMPLOYER = {F.COURIER: 0.85, F.DELIVERY_RIDER: 0.3}

Own = Ownership
OWNERSHIP_WEIGHTS = {
    Own.NON_PUBLIC: 74,
    Own.PUBLIC_INSTITUTION: 7,
    Own.GOVERNMENT: 4,
    Own.STATE: 4,
    Own.COLLECTIVE: 4,
    Own.SOCIAL_ORGANISATION: 3,
    Own.FOREIGN: 2,
    Own.HK_MACAO_TAIWAN: 2,
}
# Always have a union of their own (and a party organisation).
PUBLIC_SECTOR = {Own.STATE, Own.GOVERNMENT, Own.PUBLIC_INSTITUTION}
COMPANIES = {Own.NON_PUBLIC, Own.FOREIGN, Own.HK_MACAO_TAIWAN}

I = Industry  # noqa: E741
COMPANY_INDUSTRIES = {
    I.C: 28, I.F: 16, I.E: 10, I.H: 9, I.A: 5, I.G: 5, I.O: 5, I.K: 4, I.L: 4,
    I.I: 3, I.D: 3, I.M: 2, I.N: 2, I.Q: 2, I.P: 1, I.R: 1, I.B: 1, I.J: 1,
}  # fmt: skip
INDUSTRY_WORDS = {
    I.A: ["生态农业", "茶叶", "农业开发", "魔芋种植", "中药材", "畜牧养殖", "林业", "香菇"],
    I.B: ["矿业", "石材", "绿松石开采"],
    I.C: ["茶业", "食品", "建材", "服装", "电子", "机械", "新材料", "魔芋制品", "木业", "包装",
          "饮品", "汽车零部件", "绿松石工艺品", "水泥制品", "纺织", "药业", "农产品加工"],
    I.D: ["水电开发", "电力", "新能源"],
    I.E: ["建筑工程", "建设工程", "路桥工程", "装饰工程", "水利水电工程"],
    I.F: ["商贸", "超市", "医药连锁", "汽车销售", "农资", "建材销售", "百货"],
    I.G: ["物流", "运输", "客运"],
    I.H: ["酒店", "餐饮管理", "宾馆", "农家乐"],
    I.I: ["网络科技", "信息技术", "电子商务"],
    I.J: ["小额贷款", "融资担保"],
    I.K: ["房地产开发", "物业服务"],
    I.L: ["人力资源", "劳务", "广告", "旅行社"],
    I.M: ["工程检测", "勘察设计", "工程咨询"],
    I.N: ["环保科技", "园林绿化", "保洁服务"],
    I.O: ["家政服务", "汽车维修", "洗涤服务"],
    I.P: ["教育咨询", "职业培训"],
    I.Q: ["医院", "口腔门诊部", "康复中心"],
    I.R: ["文化传媒", "影城", "体育发展"],
}  # fmt: skip
BRAND_FIRST = (
    "鑫源华宏泰盛丰恒瑞祥达兴隆福安康嘉信诚德昌永金鸿远新明光辉成"
    "利和润佳晟峰汇通博正联创天宇龙凤梅竹楚秦巴山川江汉"
)
BRAND_SECOND = "源达兴盛发鑫泰丰隆华宇通鸿瑞昌祥利诚信德康安业峰辉邦森林海阳晨科伟顺"
COMPANY_PREFIXES = {"竹溪县": 55, "竹溪": 20, "湖北": 15, "十堰": 10}

# (name, short name, industry, headcount range, authority, category)
STATE_EMPLOYERS = (
    ("国网湖北省电力有限公司竹溪县供电公司", "竹溪县供电公司", I.D, (150, 300)),
    ("中国邮政集团有限公司竹溪县分公司", "竹溪县邮政分公司", I.G, (80, 200)),
    ("中国电信股份有限公司竹溪分公司", "竹溪电信分公司", I.I, (50, 120)),
    ("中国移动通信集团湖北有限公司竹溪分公司", "竹溪移动分公司", I.I, (50, 120)),
    ("中国联合网络通信有限公司竹溪县分公司", "竹溪联通分公司", I.I, (30, 80)),
    ("中国农业银行股份有限公司竹溪县支行", "农行竹溪县支行", I.J, (60, 150)),
    ("中国工商银行股份有限公司竹溪支行", "工行竹溪支行", I.J, (30, 80)),
    ("中国建设银行股份有限公司竹溪支行", "建行竹溪支行", I.J, (30, 80)),
    ("中国银行股份有限公司竹溪支行", "中行竹溪支行", I.J, (20, 60)),
    ("湖北竹溪农村商业银行股份有限公司", "竹溪农商银行", I.J, (150, 300)),
    ("中国石化销售股份有限公司湖北十堰竹溪石油分公司", "竹溪石油分公司", I.F, (40, 100)),
    ("中国人寿保险股份有限公司竹溪县支公司", "竹溪人寿支公司", I.J, (20, 60)),
    ("中国人民财产保险股份有限公司竹溪支公司", "竹溪人保财险支公司", I.J, (20, 60)),
    ("竹溪县城市建设投资开发有限公司", "竹溪城投公司", I.K, (40, 120)),
    ("竹溪县交通投资集团有限公司", "竹溪交投集团", I.G, (60, 200)),
    ("竹溪县文化旅游投资集团有限公司", "竹溪文旅集团", I.R, (50, 150)),
    ("竹溪县水务有限公司", "竹溪水务公司", I.D, (60, 150)),
    ("竹溪县国有资本投资运营集团有限公司", "竹溪国投集团", I.L, (30, 80)),
    ("竹溪县粮食储备有限公司", "竹溪粮储公司", I.F, (20, 60)),
    ("湖北省烟草公司十堰市公司竹溪县分公司", "竹溪烟草分公司", I.F, (40, 90)),
    ("竹溪县公共交通有限公司", "竹溪公交公司", I.G, (60, 150)),
)
COUNTY_DEPARTMENTS = (
    "财政局", "教育局", "公安局", "人力资源和社会保障局", "民政局", "司法局", "自然资源和规划局",
    "住房和城乡建设局", "交通运输局", "水利和湖泊局", "农业农村局", "商务局", "文化和旅游局",
    "卫生健康局", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局",
    "医疗保障局", "林业局", "城市管理执法局", "发展和改革局", "经济和信息化局", "人民法院",
    "人民检察院",
)  # fmt: skip
COUNTY_INSTITUTIONS = (
    ("人民医院", I.Q, (600, 1000)),
    ("中医医院", I.Q, (300, 500)),
    ("妇幼保健院", I.Q, (100, 200)),
    ("疾病预防控制中心", I.Q, (40, 80)),
    ("第一高级中学", I.P, (200, 350)),
    ("第二高级中学", I.P, (120, 250)),
    ("职业技术教育中心", I.P, (80, 160)),
    ("实验小学", I.P, (80, 150)),
    ("实验中学", I.P, (100, 180)),
    ("城关第一小学", I.P, (60, 120)),
    ("特殊教育学校", I.P, (15, 30)),
    ("融媒体中心", I.R, (60, 120)),
    ("图书馆", I.R, (10, 25)),
    ("文化馆", I.R, (10, 25)),
    ("社会福利院", I.Q, (20, 50)),
    ("不动产登记中心", I.S, (20, 50)),
    ("公共资源交易中心", I.S, (10, 30)),
    ("社会保险服务中心", I.S, (20, 50)),
)
TOWN_INSTITUTIONS = (
    ("中心学校", I.P, (40, 150)),
    ("卫生院", I.Q, (20, 80)),
    ("中心幼儿园", I.P, (10, 30)),
)
ASSOCIATIONS = (
    "个体劳动者协会", "建筑业协会", "茶叶协会", "物流协会", "餐饮行业协会", "律师协会",
    "慈善总会", "青年企业家协会", "湖南商会", "浙江商会", "福建商会", "河南商会", "四川商会",
    "电子商务协会", "旅游协会",
)  # fmt: skip
PRIVATE_NON_PROFITS = (
    ("幼儿园", I.P),
    ("培训学校", I.P),
    ("养老院", I.Q),
    ("社会工作服务中心", I.S),
)
VILLAGE_FIRST = "桃柳杨李王张陈刘黄白石高马龙凤竹松梅双新丰长太"
VILLAGE_SECOND = ("坪", "坝", "沟", "湾", "河", "岭", "庄", "园", "桥", "垭")

GROUP_UNITS = {
    I.C: ["一车间", "二车间", "三车间", "包装车间", "质检部", "仓储部"],
    I.P: ["语文教研组", "数学教研组", "英语教研组", "后勤处"],
    I.Q: ["内科", "外科", "护理部", "医技科", "后勤保障部"],
}
GROUP_UNITS_DEFAULT = ["综合部", "业务一部", "业务二部", "后勤部", "财务部"]

SURNAMES = {
    "王": 7, "李": 7, "张": 7, "刘": 5, "陈": 5, "杨": 3, "黄": 2, "赵": 2, "吴": 2, "周": 2,
    "徐": 2, "孙": 1, "马": 1, "朱": 1, "胡": 2, "郭": 1, "何": 1, "高": 1, "林": 1, "罗": 1,
    "郑": 1, "梁": 1, "谢": 1, "宋": 1, "唐": 1, "许": 1, "韩": 1, "冯": 1, "邓": 1, "曹": 1,
    "彭": 1, "曾": 1, "肖": 1, "田": 1, "董": 1, "袁": 1, "潘": 1, "余": 1, "杜": 1, "叶": 1,
    "程": 1, "魏": 1, "汪": 1, "向": 1, "龚": 1, "柯": 1, "闵": 1, "明": 1, "晏": 1, "覃": 1,
}  # fmt: skip
GIVEN_MALE = (
    "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋阳亮成建志国东文峰海兵晨博坤"
)
GIVEN_FEMALE = "芳娟敏静丽艳燕霞玲秀英红梅琳婷雪倩洁颖璐琴云莉兰萍慧娜丹玉凤佳欣怡悦薇晶"

# Resident ID areas: 竹溪 itself, its neighbours in 十堰, and the provinces migrant workers here
# mostly come from (陕西 and 重庆 next door, then 四川, 河南, 江西, 湖南, 安徽, 贵州).
NEARBY_AREAS = ("420325", "420323", "420381", "420322", "420304", "420302", "420303")
MIGRANT_AREAS = {
    "610926": 6, "610927": 4, "610928": 4, "500235": 5, "500236": 4, "510722": 3, "511321": 3,
    "511623": 2, "410221": 2, "410526": 2, "411326": 3, "360731": 2, "360781": 1, "430524": 2,
    "341222": 2, "522121": 1,
}  # fmt: skip
MIGRANT_SHARE = {
    I.C: 0.35, I.E: 0.45, I.B: 0.4, I.G: 0.3, I.H: 0.28, I.F: 0.18, I.O: 0.25, I.K: 0.2,
    I.L: 0.25, I.N: 0.25, I.A: 0.15, I.D: 0.12,
}  # fmt: skip
MALE_SHARE = {
    F.COURIER: 0.9, F.DELIVERY_RIDER: 0.88, F.RIDE_HAILING: 0.93, F.TRUCK_DRIVER: 0.97,
    F.DOMESTIC: 0.08, F.OTHER_NEW: 0.5,
}  # fmt: skip
MALE_SHARE_BY_INDUSTRY = {I.P: 0.35, I.Q: 0.3, I.H: 0.45, I.E: 0.85, I.B: 0.85, I.G: 0.8, I.C: 0.6}


@dataclass(frozen=True)
class DemoUser:
    username: str
    name: str
    role: Role
    where: str  # "county", "town1" or "town2"


DEMO_USERS = (
    DemoUser("admin", "王志强", Role.ADMIN, "county"),
    DemoUser("clerk", "刘芳", Role.CLERK, "town1"),
    DemoUser("clerk2", "陈静", Role.CLERK, "town2"),
    DemoUser("reviewer", "张伟", Role.REVIEWER, "county"),
    DemoUser("viewer", "赵国华", Role.VIEWER, "county"),
    DemoUser("lawyer", "周文博", Role.LAWYER, "county"),
    DemoUser("keeper", "吴德福", Role.STATION_KEEPER, "town1"),
    DemoUser("socialworker", "孙晓燕", Role.SOCIAL_WORKER, "town1"),
    DemoUser("townadmin", "黄明", Role.ADMIN, "town1"),
)


class DemoError(Exception):
    """The demo cannot be generated here; the message says why."""


@dataclass
class Ctx:
    rng: random.Random
    today: date
    org_names: set[str] = field(default_factory=set)
    shorts: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)
    towns: dict[str, Organisation] = field(default_factory=dict)  # town name -> federation


@dataclass
class EmployerPlan:
    employer: Employer
    short: str
    raw_headcount: float
    ratio: float  # members / headcount once unionized
    coverage: str  # "own", "joint" or "none"
    union: Organisation | None = None
    members: int = 0


@dataclass
class NewFormUnion:
    union: Organisation
    form: str
    weight: float
    plan: EmployerPlan | None = None
    members: int = 0


@dataclass
class DemoResult:
    seed: int
    users: list[tuple[str, str, str, str]]  # username, role, organisation, password
    orgs_by_kind: list[tuple[str, int]]
    employers: int
    members_active: int
    applications_pending: int = 0
    portal_phone: str = ""
    extra_lines: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Entry points
# ---------------------------------------------------------------------------------------------


def build(*, members: int, employers: int, seed: int, reset: bool = False) -> DemoResult:
    """Generate the county in one transaction; refuse a database that already has a tree."""
    with transaction.atomic():
        if Organisation.objects.exists():
            if not reset:
                raise DemoError(
                    "数据库中已有工会组织，演示数据只能在空库中生成。"
                    "如确需清空现有数据并重新生成，请加 --reset"
                    "（将删除全部会员、单位、组织、角色、审计日志和非超级用户）。"
                )
            reset_data()
        _check_usernames()
        ctx = Ctx(rng=random.Random(seed), today=timezone.localdate())
        generated = members - demo_activity.NEW_MEMBERS - demo_newform.NEW_MEMBERS
        users = _generate(ctx, max(generated, 0), employers)
        town1, town2 = ctx.towns[TOWNS[0][0]], ctx.towns[TOWNS[1][0]]
        activity = demo_activity.generate(rng=ctx.rng, town1=town1, town2=town2)
        drive = demo_newform.generate(rng=ctx.rng, town1=town1, town2=town2)
        extra_lines = demo_newform.report_lines(drive) + [
            line
            for extension in demo_hooks.EXTENSIONS
            for line in extension.generate(rng=ctx.rng, today=ctx.today, town1=town1, town2=town2)
        ]
        # The bulk rows above are not audited: the figures' cache must not outlive them.
        transaction.on_commit(versions.bump)
    return DemoResult(
        seed=seed,
        users=users,
        portal_phone=activity.worker_phone,
        extra_lines=extra_lines,
        **_counts(),
    )


def reset_data() -> None:
    """Delete the registry and the tree: members, employers, roles, audit, users, organisations."""
    try:
        for extension in reversed(demo_hooks.EXTENSIONS):
            extension.reset()
        FoundingContact.objects.all().delete()
        Application.objects.all().delete()
        Member.objects.all().delete()
        Employer.objects.all().delete()
        RoleAssignment.objects.all().delete()
        AuditEntry.objects.all().delete()
        User.objects.filter(is_superuser=False).delete()
        # The root's county points at itself under PROTECT; cut that link so the root can go.
        Organisation.objects.update(county=None)
        depths = Organisation.objects.order_by("-depth").values_list("depth", flat=True)
        for depth in sorted(set(depths), reverse=True):  # children before parents
            Organisation.objects.filter(depth=depth).delete()
    except ProtectedError as exc:
        blockers = sorted({obj._meta.verbose_name for obj in exc.protected_objects})
        raise DemoError(
            f"无法清空：其他模块的数据仍引用这些组织或会员（{'、'.join(map(str, blockers))}）。"
        ) from exc


def report(result: DemoResult) -> str:
    kinds = "，".join(f"{label} {n}" for label, n in result.orgs_by_kind)
    total = sum(n for _, n in result.orgs_by_kind)
    rows = [("用户名", "角色", "所在组织", "密码"), *result.users]
    widths = [max(_width(row[i]) for row in rows) for i in range(4)]
    table = [
        "  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    return "\n".join(
        [
            f"已生成演示县 {COUNTY}（随机种子 {result.seed}）。",
            f"组织 {total} 个（{kinds}）；单位 {result.employers} 家；"
            f"在会会员 {result.members_active} 人。",
            "",
            *table,
            "",
            "以上密码只显示这一次，请妥善保存。",
            f"打开 {URL} 登录；待审核的入会、转会申请 {result.applications_pending} 件。",
            f"职工端（手机）：打开 {URL}m/ ，手机号 {result.portal_phone}，"
            "验证码显示在运行服务的控制台中。",
            *result.extra_lines,
        ]
    )


def _width(text: str) -> int:
    # Chinese characters take two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _check_usernames() -> None:
    names = [u.username for u in DEMO_USERS]
    taken = list(User.objects.filter(username__in=names).values_list("username", flat=True))
    if taken:
        raise DemoError(
            f"用户名已被占用：{'、'.join(sorted(taken))}。演示数据要创建这些用户；"
            "--reset 只删除非超级用户，超级用户请先改名。"
        )


def _counts() -> dict:
    rows = Organisation.objects.order_by().values("kind").annotate(n=Count("id"))
    by_kind = {row["kind"]: row["n"] for row in rows}
    return {
        "orgs_by_kind": [(str(k.label), by_kind[k]) for k in OrgKind if by_kind.get(k)],
        "employers": Employer.objects.count(),
        "members_active": Member.objects.active().count(),
        "applications_pending": Application.objects.pending().count(),
    }


def _generate(ctx: Ctx, n_members: int, n_employers: int) -> list[tuple[str, str, str, str]]:
    county, towns, park, industry = _build_top(ctx)
    ctx.towns = {name: org for org, (name, _) in zip(towns, TOWNS, strict=True)}
    territories = [(t, name, w) for t, (name, w) in zip(towns, TOWNS, strict=True)]
    territories.append((park, PARK_LABEL, PARK_WEIGHT))

    nf_plans, nf_unions = _plan_new_form(ctx, n_employers, industry, towns[0])
    plans = _plan_employers(ctx, n_employers - len(nf_plans), territories)
    _ensure_uncovered(ctx, plans)
    _mark_well_known(plans)
    unions = _plan_unions(ctx, plans, territories)
    eligible = [p for p in plans if _bears_members(p)]
    n_new_form = round(n_members * NEW_FORM_SHARE) if eligible else n_members
    _fit_headcounts(ctx, plans, eligible, n_members - n_new_form)
    _allocate_new_form(ctx, nf_unions, n_new_form)
    _ensure_drive_targets(ctx, plans)
    _ensure_overdue(ctx, plans)

    _insert_level(ctx, unions + [u.union for u in nf_unions])
    _insert_level(ctx, _plan_groups(ctx, plans))
    Employer.objects.bulk_create([p.employer for p in plans + nf_plans], batch_size=BATCH_SIZE)
    _insert_members(ctx, plans, eligible, nf_unions, round(n_members * LEFT_SHARE))
    return _create_users(county, towns)


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------


def _insert_level(ctx: Ctx, orgs: list[Organisation]) -> list[Organisation]:
    """Insert one level of the tree; the path holds the pk, known only after the insert."""
    for i, org in enumerate(orgs):
        org.path = f"tmp-{i}"  # unique placeholder: path is a unique column
        org.name_initials = initials(org.name)
    Organisation.objects.bulk_create(orgs, batch_size=BATCH_SIZE)
    for org in orgs:
        parent = org.parent
        org.path = (parent.path if parent else "") + path_segment(org.pk)
        org.depth = parent.depth + 1 if parent else 0
        org.county_id = parent.county_id if parent else org.pk
    Organisation.objects.bulk_update(orgs, ["path", "depth", "county"], batch_size=500)
    return orgs


def _org(
    ctx: Ctx,
    name: str,
    kind: str,
    parent: Organisation | None,
    founded: date,
    *,
    status: str = OrgStatus.ACTIVE,
) -> Organisation:
    if name in ctx.org_names:  # names are unique within a county
        taken = ctx.org_names
        name = next(f"{name}（{i}）" for i in itertools.count(2) if f"{name}（{i}）" not in taken)
    ctx.org_names.add(name)
    is_group = kind == OrgKind.GROUP
    return Organisation(
        name=name,
        kind=kind,
        parent=parent,
        # Union codes are issued by the union itself: authority 8, category 1.
        credit_code="" if is_group else _credit_code(ctx, "8", "1"),
        chair=_person_name(ctx.rng, ctx.rng.choice("MMF")),
        founded_on=founded,
        # 工会小组 do not hold 换届 elections of their own.
        term_ends_on=None if is_group else _term_end(ctx, founded),
        status=status,
    )


def _term_end(ctx: Ctx, founded: date) -> date:
    """Terms run five years from the founding; some unions missed their last election."""
    terms = 0
    while _add_years(founded, TERM_YEARS * (terms + 1)) <= ctx.today:
        terms += 1
    if terms and ctx.rng.random() < OVERDUE_SHARE:
        return _add_years(founded, TERM_YEARS * terms)
    return _add_years(founded, TERM_YEARS * (terms + 1))


def _build_top(ctx: Ctx):
    rng = ctx.rng
    county = _org(ctx, f"{COUNTY}总工会", OrgKind.COUNTY_FEDERATION, None, date(1952, 5, 1))
    _insert_level(ctx, [county])
    towns = [
        _org(ctx, f"{name}总工会", OrgKind.TOWN_FEDERATION, county, _random_date(rng, 1983, 2005))
        for name, _ in TOWNS
    ]
    park = _org(ctx, PARK_NAME, OrgKind.PARK_UNION, county, date(2011, 6, 18))
    industry = {
        key: _org(ctx, name, OrgKind.INDUSTRY_UNION, county, _random_date(rng, 2018, 2022))
        for key, name in INDUSTRY_UNIONS.items()
    }
    _insert_level(ctx, [*towns, park, *industry.values()])
    return county, towns, park, industry


# ---------------------------------------------------------------------------------------------
# Employers
# ---------------------------------------------------------------------------------------------


class _Pools:
    """Named public-sector employers, each used once, in an order drawn from the seed."""

    def __init__(self, ctx: Ctx, territories):
        rng = ctx.rng
        seat = territories[0][0]
        by_town = [(org, name) for org, name, _ in territories[: len(TOWNS)]]
        self.state = [(n, s, ind, size, seat) for n, s, ind, size in STATE_EMPLOYERS]
        self.government = [
            (f"{COUNTY}{d}", f"{COUNTY}{d}", I.S, (20, 150), seat) for d in COUNTY_DEPARTMENTS
        ] + [(f"{COUNTY}{t}人民政府", f"{t}机关", I.S, (30, 80), org) for org, t in by_town]
        self.institution = [
            (f"{COUNTY}{n}", f"{COUNTY}{n}", ind, size, seat)
            for n, ind, size in COUNTY_INSTITUTIONS
        ] + [
            (f"{COUNTY}{t}{n}", f"{t}{n}", ind, size, org)
            for org, t in by_town
            for n, ind, size in TOWN_INSTITUTIONS
        ]
        self.association = [(f"{COUNTY}{a}", f"{COUNTY}{a}", seat) for a in ASSOCIATIONS]
        self.supply_coop = [(f"{COUNTY}{t}供销合作社", f"{t}供销社", org) for org, t in by_town]
        for pool in (self.state, self.government, self.institution, self.association):
            rng.shuffle(pool)
        rng.shuffle(self.supply_coop)


def _plan_employers(ctx: Ctx, count: int, territories) -> list[EmployerPlan]:
    pools = _Pools(ctx, territories)
    return [_plan_employer(ctx, pools, territories) for _ in range(max(0, count))]


def _plan_employer(ctx: Ctx, pools: _Pools, territories) -> EmployerPlan:
    rng = ctx.rng
    ownership = _weighted(rng, OWNERSHIP_WEIGHTS)
    named = _public_named(ctx, pools, ownership)
    if named is None:
        ownership = ownership if ownership in COMPANIES else Own.NON_PUBLIC
        named = _company_named(ctx, ownership, territories)
    name, short, industry, size, territory, code = named
    ctx.shorts.add(short)
    headcount = rng.uniform(*size) if size else _company_headcount(rng, ownership, name)
    founded = _founded(ctx, ownership, headcount)
    employer = Employer(
        credit_code=_credit_code(ctx, *code),
        name=name,
        name_initials=initials(name),
        territory=territory,
        industry=industry,
        ownership=ownership,
        headcount=max(3, round(headcount)),
        founded_on=founded,
        has_party_branch=rng.random() < _party_share(ownership, headcount),
        operating_status=_operating_status(ctx, ownership, founded),
    )
    coverage = _coverage(ctx, ownership, headcount, founded)
    high = ownership in PUBLIC_SECTOR
    ratio = rng.uniform(0.85, 0.95) if high else rng.uniform(0.6, 0.95)
    return EmployerPlan(employer, short, headcount, ratio, coverage)


def _public_named(ctx: Ctx, pools: _Pools, ownership: str):
    """A named public-sector or non-profit employer, or None when its pool has run out."""
    rng = ctx.rng
    if ownership == Own.STATE and pools.state:
        name, short, industry, size, where = pools.state.pop()
        return name, short, industry, size, where, ("9", "1")
    if ownership == Own.GOVERNMENT and pools.government:
        name, short, industry, size, where = pools.government.pop()
        return name, short, industry, size, where, ("1", "1")
    if ownership == Own.PUBLIC_INSTITUTION and pools.institution:
        name, short, industry, size, where = pools.institution.pop()
        return name, short, industry, size, where, ("1", "2")
    if ownership == Own.COLLECTIVE:
        if pools.supply_coop and rng.random() < 0.3:
            name, short, where = pools.supply_coop.pop()
            return name, short, I.F, (8, 40), where, ("9", "1")
        return _village_collective(ctx)
    if ownership == Own.SOCIAL_ORGANISATION:
        if pools.association and rng.random() < 0.6:
            name, short, where = pools.association.pop()
            return name, short, I.S, (3, 15), where, ("5", "1")
        return _private_non_profit(ctx)
    return None


def _village_collective(ctx: Ctx):
    rng = ctx.rng
    town = _weighted(rng, dict(TOWNS))
    short = _unique_short(
        ctx, lambda: f"{town}{rng.choice(VILLAGE_FIRST)}{rng.choice(VILLAGE_SECOND)}村经济合作社"
    )
    name = COUNTY + short.replace("经济合作社", "股份经济合作社")
    # Village collectives are registered by the agricultural authority (N2).
    return name, short, I.A, (3, 20), ctx.towns[town], ("N", "2")


def _private_non_profit(ctx: Ctx):
    rng = ctx.rng
    kind, industry = rng.choice(PRIVATE_NON_PROFITS)
    short = _unique_short(ctx, lambda: _brand(rng) + kind)
    town = _weighted(rng, dict(TOWNS))
    return f"{COUNTY}{short}", short, industry, (5, 40), ctx.towns[town], ("5", "2")


def _company_named(ctx: Ctx, ownership: str, territories):
    rng = ctx.rng
    territory, label, _ = rng.choices(territories, weights=[w for *_, w in territories])[0]
    in_park = label == PARK_LABEL
    industry = I.C if in_park and rng.random() < 0.7 else _weighted(rng, COMPANY_INDUSTRIES)
    word = rng.choice(INDUSTRY_WORDS[industry])
    short = _unique_short(ctx, lambda: _brand(rng) + word)
    code = ("9", "1")
    if ownership in (Own.FOREIGN, Own.HK_MACAO_TAIWAN):
        name = f"{short}（竹溪）有限公司"
    elif industry == I.A and rng.random() < 0.4:
        name, code = f"{COUNTY}{short}专业合作社", ("9", "3")
    else:
        form = _weighted(rng, {"有限公司": 82, "有限责任公司": 10, "股份有限公司": 4, "厂": 4})
        name = f"{_weighted(rng, COMPANY_PREFIXES)}{short}{form}"
    return name, short, industry, None, territory, code


def _brand(rng: random.Random) -> str:
    return rng.choice(BRAND_FIRST) + rng.choice(BRAND_SECOND)


def _unique_short(ctx: Ctx, make: Callable[[], str]) -> str:
    for _ in range(50):
        short = make()
        if short not in ctx.shorts:
            return short
    # Only when the name space is nearly used up (far more employers than a county has).
    base = make()
    return next(f"{base}{i}" for i in itertools.count(2) if f"{base}{i}" not in ctx.shorts)


def _company_headcount(rng: random.Random, ownership: str, name: str) -> float:
    """Skewed: many 3-50, some 50-500, a few up to 3000 (log-uniform within each band)."""
    draw = rng.random()
    if ownership != Own.NON_PUBLIC:
        draw = 0.5 + draw / 2  # foreign-invested plants are rarely tiny
    elif name.endswith("合作社"):
        draw *= 0.8
    low, high = (3, 50) if draw < 0.8 else (50, 500) if draw < 0.975 else (500, 3000)
    return math.exp(rng.uniform(math.log(low), math.log(high)))


def _founded(ctx: Ctx, ownership: str, headcount: float) -> date:
    rng = ctx.rng
    if ownership == Own.GOVERNMENT:
        return _random_date(rng, 1978, 2019)
    if ownership in (Own.PUBLIC_INSTITUTION, Own.STATE):
        return _random_date(rng, 1952, 2015)
    if ownership == Own.COLLECTIVE:
        return _random_date(rng, 1990, 2021)
    # Companies: young ones dominate, but it takes years to grow large (mean age six years for
    # a workshop of three, fifteen for five hundred staff; at least two years from fifty staff,
    # five from five hundred); none is older than thirty.
    mean_years = 4 + 4 * math.log10(max(headcount, 1))
    min_days = 20 if headcount < 50 else 2 * 365 if headcount < 500 else 5 * 365
    days = min(30 * 365, max(min_days, round(rng.expovariate(1 / mean_years) * 365)))
    return ctx.today - timedelta(days=days)


def _party_share(ownership: str, headcount: float) -> float:
    if ownership in PUBLIC_SECTOR:
        return 1.0
    if ownership == Own.COLLECTIVE:
        return 0.7
    return 0.08 if headcount < 25 else 0.3 if headcount < 100 else 0.65


def _operating_status(ctx: Ctx, ownership: str, founded: date) -> str:
    if ownership in PUBLIC_SECTOR or (ctx.today - founded).days < 365:
        return OperatingStatus.OPERATING
    draw = ctx.rng.random()
    if draw < 0.035:
        return OperatingStatus.SUSPENDED
    if draw < 0.06:
        return OperatingStatus.DEREGISTERED
    return OperatingStatus.OPERATING


def _coverage(ctx: Ctx, ownership: str, headcount: float, founded: date) -> str:
    """Own union, a joint union with neighbours, or none (a founding-drive target)."""
    if ownership in PUBLIC_SECTOR:
        return "own"
    rng = ctx.rng
    p_none = 0.4 if (ctx.today - founded).days < 365 else 0.07
    if headcount < 10:
        p_none += 0.06
    if rng.random() < p_none:
        return "none"
    if headcount < 25 and rng.random() < 0.6:
        return "joint"
    return "own"


def _ensure_uncovered(ctx: Ctx, plans: list[EmployerPlan]) -> None:
    """Small counties still get founding-drive targets: at least three operating employers
    without a union, one of them non-public."""
    operating = [p for p in plans if p.employer.operating_status == OperatingStatus.OPERATING]
    uncovered = [p for p in operating if p.coverage == "none"]
    candidates = [
        p for p in operating if p.coverage != "none" and p.employer.ownership in COMPANIES
    ]
    ctx.rng.shuffle(candidates)
    candidates.sort(key=lambda p: p.employer.ownership != Own.NON_PUBLIC)  # stable: private first
    has_private = any(p.employer.ownership == Own.NON_PUBLIC for p in uncovered)
    for plan in candidates[: max(3 - len(uncovered), 0 if has_private else 1)]:
        plan.coverage = "none"


def _ensure_drive_targets(ctx: Ctx, plans: list[EmployerPlan]) -> None:
    """Make each founding-drive list non-empty: a year or more without a union, a party branch
    without a union, non-public with 25 or more staff without a union, well known."""
    rng = ctx.rng
    uncovered = [
        p
        for p in plans
        if p.coverage == "none" and p.employer.operating_status == OperatingStatus.OPERATING
    ]
    if not uncovered:
        return
    employers = [p.employer for p in uncovered]
    year_ago = ctx.today - timedelta(days=365)
    if not any(e.founded_on <= year_ago for e in employers):
        employers[0].founded_on = ctx.today - timedelta(days=rng.randint(400, 3000))
    if not any(e.has_party_branch for e in employers):
        rng.choice(employers).has_party_branch = True
    private = [e for e in employers if e.ownership == Own.NON_PUBLIC]
    if private and not any(e.headcount >= 25 for e in private):
        max(private, key=lambda e: e.headcount).headcount = rng.randint(25, 80)
    if private:
        max(private, key=lambda e: e.headcount).is_well_known = True


def _mark_well_known(plans: list[EmployerPlan]) -> None:
    companies = [p for p in plans if p.employer.ownership in COMPANIES and p.coverage != "none"]
    companies.sort(key=lambda p: p.employer.headcount, reverse=True)
    for plan in companies[: max(1, len(plans) // 150)]:
        plan.employer.is_well_known = True


# ---------------------------------------------------------------------------------------------
# Unions covering employers
# ---------------------------------------------------------------------------------------------


def _plan_unions(ctx: Ctx, plans: list[EmployerPlan], territories) -> list[Organisation]:
    rng = ctx.rng
    unions = []
    for plan in plans:
        if plan.coverage == "own":
            plan.union = _own_union(ctx, plan)
            unions.append(plan.union)
    for territory, label, _ in territories:
        joint = [p for p in plans if p.coverage == "joint" and p.employer.territory is territory]
        chunks = _chunks(rng, joint)
        for number, chunk in enumerate(chunks, start=1):
            earliest = min(p.employer.founded_on for p in chunk)
            founded = _later(ctx, earliest, 3 * 365)
            union = _org(
                ctx, f"{label}第{_cn_number(number)}联合工会委员会", OrgKind.JOINT_UNION,
                territory, founded,
            )  # fmt: skip
            unions.append(union)
            for plan in chunk:
                plan.union = union
    for plan in plans:
        plan.employer.union = plan.union
    return unions


def _own_union(ctx: Ctx, plan: EmployerPlan) -> Organisation:
    employer = plan.employer
    founded = _later(ctx, employer.founded_on, 4 * 365)
    status = _own_union_status(ctx, employer)
    return _org(
        ctx, f"{plan.short}工会", OrgKind.GRASSROOTS, employer.territory, founded, status=status
    )


def _own_union_status(ctx: Ctx, employer: Employer) -> str:
    """The union of a closed employer is dissolved; half of the suspended ones' unions, and a
    handful of others, have fallen dormant."""
    if employer.operating_status == OperatingStatus.DEREGISTERED:
        return OrgStatus.DISSOLVED
    if employer.operating_status == OperatingStatus.SUSPENDED:
        share = 0.5
    else:
        share = 0 if employer.ownership in PUBLIC_SECTOR else 0.015
    return OrgStatus.DORMANT if ctx.rng.random() < share else OrgStatus.ACTIVE


def _chunks(rng: random.Random, plans: list[EmployerPlan]) -> list[list[EmployerPlan]]:
    """Joint unions cover three to eight neighbouring small employers."""
    chunks, rest = [], list(plans)
    while rest:
        size = rng.randint(3, 8)
        chunks.append(rest[:size])
        rest = rest[size:]
    if len(chunks) > 1 and len(chunks[-1]) < 2:
        chunks[-2].extend(chunks.pop())
    return chunks


def _ensure_overdue(ctx: Ctx, plans: list[EmployerPlan]) -> None:
    """At least one union overdue for re-election, so the 换届 reminder has something to show."""
    unions = [p.union for p in plans if p.union is not None and p.union.status == OrgStatus.ACTIVE]
    if not unions or any(u.term_ends_on < ctx.today for u in unions):
        return
    union = min(unions, key=lambda u: u.founded_on)
    union.term_ends_on = ctx.today - timedelta(days=ctx.rng.randint(30, 400))
    union.founded_on = min(union.founded_on, _add_years(union.term_ends_on, -TERM_YEARS))
    for plan in plans:
        if plan.union is union:
            plan.employer.founded_on = min(plan.employer.founded_on, union.founded_on)


def _plan_groups(ctx: Ctx, plans: list[EmployerPlan]) -> list[Organisation]:
    """工会小组 in some large workplaces (workshops, departments, teaching groups)."""
    rng = ctx.rng
    own = [p for p in plans if p.coverage == "own" and p.union.status == OrgStatus.ACTIVE]
    large = [p for p in own if p.employer.headcount >= 150 and rng.random() < 0.5]
    if not large and own:
        large = [max(own, key=lambda p: p.employer.headcount)]
    groups = []
    for plan in large:
        units = GROUP_UNITS.get(plan.employer.industry, GROUP_UNITS_DEFAULT)
        for unit in rng.sample(units, k=rng.randint(2, min(4, len(units)))):
            founded = _later(ctx, plan.union.founded_on, 2 * 365)
            groups.append(
                _org(ctx, f"{plan.short}{unit}工会小组", OrgKind.GROUP, plan.union, founded)
            )
    return groups


# ---------------------------------------------------------------------------------------------
# New-form workers: courier outlets, rider agencies and unions of platform workers
# ---------------------------------------------------------------------------------------------


def _plan_new_form(ctx: Ctx, n_employers: int, industry: dict, seat: Organisation):
    """Outlets and agencies (as many as the employer count allows) and their unions."""
    rng = ctx.rng
    plans, unions = [], []
    count = min(len(NEW_FORM_EMPLOYERS), max(0, n_employers // 6))
    for union_name, key, name, short, form in NEW_FORM_EMPLOYERS[:count]:
        founded = ctx.today - timedelta(days=rng.randint(3 * 365, 12 * 365))
        employer = Employer(
            credit_code=_credit_code(ctx, "9", "1"),
            name=name,
            name_initials=initials(name),
            territory=seat,
            industry=I.G,
            ownership=Own.NON_PUBLIC,
            headcount=3,  # sized once its members are known
            founded_on=founded,
            has_party_branch=rng.random() < 0.5,
        )
        ctx.shorts.add(short)
        plan = EmployerPlan(employer, short, 3, rng.uniform(0.75, 0.95), "own")
        union = _org(ctx, union_name, OrgKind.GRASSROOTS, industry[key], _later(ctx, founded, 900))
        plan.union = employer.union = union
        plans.append(plan)
        unions.append(NewFormUnion(union, form, rng.uniform(1, 3), plan))
    if not any(u.form == F.COURIER for u in unions):
        union = _org(
            ctx, FALLBACK_COURIER_UNION, OrgKind.GRASSROOTS, industry["courier"],
            _random_date(rng, 2019, 2023),
        )  # fmt: skip
        unions.append(NewFormUnion(union, F.COURIER, 1))
    riders = {u.union.name for u in unions if u.form == F.DELIVERY_RIDER}
    for union_name, key, _, _, form in NEW_FORM_EMPLOYERS:
        if form == F.DELIVERY_RIDER and union_name not in riders:  # platform union, no agency
            founded = _random_date(rng, 2019, 2023)
            union = _org(ctx, union_name, OrgKind.GRASSROOTS, industry[key], founded)
            unions.append(NewFormUnion(union, form, 1))
    for union_name, key, form in NEW_FORM_UNIONS:
        founded = _random_date(rng, 2018, 2023)
        union = _org(ctx, union_name, OrgKind.GRASSROOTS, industry[key], founded)
        unions.append(NewFormUnion(union, form, rng.uniform(1, 2)))
    return plans, unions


def _allocate_new_form(ctx: Ctx, unions: list[NewFormUnion], total: int) -> None:
    """Split the new-form members over their unions by form share, then size the outlets."""
    form_weight = {f: sum(u.weight for u in unions if u.form == f) for f in FORM_SHARES}
    weights = [FORM_SHARES[u.form] * u.weight / form_weight[u.form] for u in unions]
    for union, n in zip(unions, _apportion(weights, total), strict=True):
        union.members = n
        if union.plan is not None:
            employed = round(n * WITH_EMPLOYER[union.form])
            union.plan.members = employed
            union.plan.employer.headcount = max(3, math.ceil(employed / union.plan.ratio))


def _apportion(weights: Sequence[float], total: int) -> list[int]:
    """Largest-remainder split of `total` in proportion to `weights`, summing exactly."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    counts = [math.floor(s) for s in shares]
    order = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


# ---------------------------------------------------------------------------------------------
# Headcounts and member numbers
# ---------------------------------------------------------------------------------------------


def _bears_members(plan: EmployerPlan) -> bool:
    return (
        plan.union is not None
        and plan.union.status != OrgStatus.DISSOLVED
        and plan.employer.operating_status != OperatingStatus.DEREGISTERED
    )


def _fit_headcounts(ctx: Ctx, plans, eligible: list[EmployerPlan], total: int) -> None:
    """Stretch or shrink the drawn headcounts (above a floor of three) so that the members of
    unionized employers, at each one's own ratio, add up to exactly `total`."""
    floor = sum(3 * p.ratio for p in eligible)
    slope = sum((p.raw_headcount - 3) * p.ratio for p in eligible)
    scale = max(0.0, (total - floor) / slope) if slope > 0 else 1.0
    for plan in plans:
        plan.employer.headcount = max(3, round(3 + (plan.raw_headcount - 3) * scale))
    for plan in eligible:
        headcount = plan.employer.headcount
        plan.members = min(headcount, round(headcount * plan.ratio))
    _settle(ctx, eligible, total - sum(p.members for p in eligible))


def _settle(ctx: Ctx, eligible: list[EmployerPlan], diff: int) -> None:
    """Spread the rounding difference one member at a time, never above an employer's headcount
    unless every employer is already full."""
    order = list(eligible)
    ctx.rng.shuffle(order)
    while diff > 0 and order:
        roomy = [p for p in order if p.members < p.employer.headcount] or order
        for plan in roomy[:diff]:
            plan.members += 1
            plan.employer.headcount = max(plan.employer.headcount, plan.members)
        diff -= min(diff, len(roomy))
    while diff < 0:
        filled = [p for p in order if p.members > 0]
        for plan in filled[:-diff]:
            plan.members -= 1
        diff += min(-diff, len(filled))


# ---------------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------------


def _insert_members(ctx, plans, eligible, nf_unions, n_left: int) -> None:
    members = []
    for plan in eligible:
        employer = plan.employer
        members += [_member(ctx, plan.union, employer, F.STANDARD) for _ in range(plan.members)]
    for nf in nf_unions:
        employer = nf.plan.employer if nf.plan else None
        employed = nf.plan.members if nf.plan else 0
        members += [
            _member(ctx, nf.union, employer if i < employed else None, nf.form)
            for i in range(nf.members)
        ]
    members += _former_members(ctx, plans, eligible, n_left)
    Member.objects.bulk_create(members, batch_size=BATCH_SIZE)


def _former_members(ctx, plans, eligible, count: int) -> list[Member]:
    """Members who left or transferred out, many from employers since deregistered."""
    rng = ctx.rng
    closed = [
        p
        for p in plans
        if p.union is not None and p.employer.operating_status == OperatingStatus.DEREGISTERED
    ]
    sources = eligible or closed
    former = []
    for _ in range(count if sources else 0):
        plan = rng.choice(closed) if closed and rng.random() < 0.4 else rng.choice(sources)
        status = MemberStatus.LEFT if rng.random() < 0.6 else MemberStatus.TRANSFERRED_OUT
        member = _member(ctx, plan.union, plan.employer, F.STANDARD, status=status)
        days = max(0, (ctx.today - member.joined_on).days)
        member.left_on = member.joined_on + timedelta(days=rng.randint(min(30, days), days))
        former.append(member)
    return former


def _member(ctx: Ctx, union, employer, form: str, *, status=MemberStatus.ACTIVE) -> Member:
    rng = ctx.rng
    migrant = rng.random() < _migrant_share(form, employer)
    gender = "M" if rng.random() < _male_share(form, employer) else "F"
    birth = _birth_date(ctx, form)
    if migrant:
        area = _weighted(rng, MIGRANT_AREAS)
    else:
        area = AREA if rng.random() < 0.88 else rng.choice(NEARBY_AREAS)
    id_number = _unique(
        ctx.ids, lambda: make_resident_id(rng, area=area, birth_date=birth, gender=gender)
    )
    name = _person_name(rng, gender)
    member = Member(
        name=name,
        name_initials=initials(name),
        union=union,
        employer=employer,
        employment_form=form,
        is_migrant_worker=migrant,
        status=status,
    )
    member.set_id_number(id_number)
    if rng.random() < PHONE_SHARE:
        member.set_phone(_unique(ctx.phones, lambda: make_mobile(rng)))
    floors = [_add_years(birth, 18), union.founded_on]
    if employer is not None:
        floors.append(employer.founded_on)
    member.joined_on, this_year = _joined_on(ctx, max(floors))
    member.source = _source(rng, form, this_year)
    return member


def _migrant_share(form: str, employer: Employer | None) -> float:
    if form != F.STANDARD:
        return 0.35
    if employer.ownership in (Own.GOVERNMENT, Own.PUBLIC_INSTITUTION):
        return 0.02
    return MIGRANT_SHARE.get(employer.industry, 0.08)


def _male_share(form: str, employer: Employer | None) -> float:
    if form != F.STANDARD:
        return MALE_SHARE[form]
    return MALE_SHARE_BY_INDUSTRY.get(employer.industry, 0.55)


def _birth_date(ctx: Ctx, form: str) -> date:
    rng = ctx.rng
    age = rng.triangular(20, 58, 36) if form == F.STANDARD else rng.triangular(20, 55, 31)
    return ctx.today - timedelta(days=round(age * 365.25))


def _joined_on(ctx: Ctx, floor: date) -> tuple[date, bool]:
    """Spread over ten years, with this year's recruitment drive on top. Nobody joins before
    `floor` (adulthood, the union's and the employer's founding); those who would have join
    within a year after it, as when a new union signs up the staff."""
    rng, today = ctx.rng, ctx.today
    new_year = date(today.year, 1, 1)
    if rng.random() < THIS_YEAR_SHARE:
        joined = _date_between(rng, new_year, today)
    else:
        joined = _date_between(rng, _add_years(today, -10), new_year - timedelta(days=1))
    if joined < floor:
        joined = _date_between(rng, floor, min(today, floor + timedelta(days=365)))
    return joined, joined >= new_year


def _source(rng: random.Random, form: str, this_year: bool) -> str:
    if form != F.STANDARD:  # platform workers mostly join by scanning the code
        weights = {MemberSource.ONLINE: 60, MemberSource.IMPORT: 35, MemberSource.MANUAL: 5}
    elif this_year:
        weights = {MemberSource.IMPORT: 55, MemberSource.ONLINE: 35, MemberSource.MANUAL: 10}
    else:
        weights = {
            MemberSource.IMPORT: 80,
            MemberSource.ONLINE: 8,
            MemberSource.MANUAL: 9,
            MemberSource.TRANSFER: 3,
        }
    return _weighted(rng, weights)


# ---------------------------------------------------------------------------------------------
# Users
# ---------------------------------------------------------------------------------------------


def _create_users(county: Organisation, towns: list[Organisation]):
    where = {"county": county, "town1": towns[0], "town2": towns[1]}
    rows, grants = [], []
    for spec in DEMO_USERS:
        password = _password()
        user = User.objects.create_user(spec.username, password=password, name=spec.name)
        org = where[spec.where]
        grants.append(RoleAssignment(user=user, role=spec.role, organisation=org))
        rows.append((spec.username, str(spec.role.label), org.name, password))
    RoleAssignment.objects.bulk_create(grants)
    return rows


def _password(length: int = 14) -> str:
    """Random letters and digits, without look-alikes (0/O, 1/l/I) so it can be read aloud."""
    alphabet = [c for c in string.ascii_letters + string.digits if c not in "0O1lI"]
    while True:
        password = "".join(secrets.choice(alphabet) for _ in range(length))
        if (
            any(c.isdigit() for c in password)
            and any(c.islower() for c in password)
            and any(c.isupper() for c in password)
        ):
            return password


# ---------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _unique(seen: set[str], make: Callable[[], str]) -> str:
    value = make()
    while value in seen:
        value = make()
    seen.add(value)
    return value


def _credit_code(ctx: Ctx, authority: str, category: str) -> str:
    return _unique(
        ctx.codes,
        lambda: make_credit_code(ctx.rng, authority=authority, category=category, area=AREA),
    )


def _person_name(rng: random.Random, gender: str) -> str:
    chars = GIVEN_MALE if gender == "M" else GIVEN_FEMALE
    given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.75 else "")
    return _weighted(rng, SURNAMES) + given


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _random_date(rng: random.Random, first_year: int, last_year: int) -> date:
    return _date_between(rng, date(first_year, 1, 1), date(last_year, 12, 31))


def _date_between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return date.fromordinal(rng.randint(first.toordinal(), last.toordinal()))


def _later(ctx: Ctx, start: date, max_days: int) -> date:
    """A day up to `max_days` after `start`, never after today."""
    return _date_between(ctx.rng, start, min(ctx.today, start + timedelta(days=max_days)))


def _cn_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    return str(n)
