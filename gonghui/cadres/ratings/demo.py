"""Demo ratings, through the services: the county's 六有达标暨十星级工会 scheme, last year's
round (grassroots unions of both towns assess themselves, their town checks, the county decides;
one is returned and resubmitted) and this year's open round with drafts; model homes selected."""

from gonghui.cadres.ratings import services
from gonghui.core.models import Organisation, User

CRITERIA = (
    ("有依法选举的工会主席", 15, "选举批复文件"),
    ("有健全的工会组织和会员队伍", 15, "会员名册、组织机构图"),
    ("有服务职工的活动阵地", 15, "职工之家照片"),
    ("有形式多样的职工活动", 15, "活动记录与照片"),
    ("有健全的工作制度", 20, "制度文本、厂务公开记录"),
    ("有职工满意的工作业绩", 20, "职工满意度测评结果"),
)
LEVELS = ["达标", *[f"{n}星" for n in "一二三四五六七八九十"]]


def _level(points: int) -> str:
    if points < 60:
        return LEVELS[0]
    return LEVELS[min(10, (points - 60) // 4 + 1)]


def generate(*, rng, today, town1, town2) -> list[str]:
    users = {u.username: u for u in User.objects.filter(
        username__in=("admin", "clerk", "clerk2", "townadmin"))}  # fmt: skip
    admin = users["admin"]
    county = town1.parent
    scheme = services.create_scheme(
        actor=admin, county=county, name="六有达标暨十星级工会", levels=LEVELS, criteria=CRITERIA
    )
    last = services.open_round(actor=admin, scheme=scheme, year=today.year - 1)
    current = services.open_round(actor=admin, scheme=scheme, year=today.year)
    decided = 0
    for town, clerk_name, checker_name in (
        (town1, "clerk", "townadmin"),
        (town2, "clerk2", "admin"),
    ):
        clerk = users.get(clerk_name, admin)
        checker = users.get(checker_name, admin)
        unions = list(
            Organisation.objects.filter(
                path__startswith=town.path, kind__in=services.RATED_KINDS
            ).order_by("path")[:8]
        )
        for index, union in enumerate(unions):
            scores = {c.pk: (rng.randint(c.points * 6 // 10, c.points), "见佐证材料")
                      for c in scheme.criteria.all()}  # fmt: skip
            total = sum(p for p, _e in scores.values())
            assessment = services.self_assess(
                actor=clerk, rating_round=last, union=union, scores=scores,
                claimed_level=_level(total),
            )  # fmt: skip
            services.submit_self_assessment(actor=clerk, assessment=assessment)
            if index == 0:
                services.check_self_assessment(
                    actor=checker, assessment=assessment, passed=False,
                    note="活动阵地照片不清晰，请补充",
                )  # fmt: skip
                services.submit_self_assessment(actor=clerk, assessment=assessment)
            services.check_self_assessment(actor=checker, assessment=assessment, passed=True)
            granted = _level(total - rng.choice((0, 0, 4, 8)))
            services.decide(actor=admin, assessment=assessment, level=granted)
            decided += 1
            if index < 2:
                services.self_assess(
                    actor=clerk, rating_round=current, union=union, scores=scores,
                    claimed_level=_level(total),
                )  # fmt: skip
        for union, kind, level in zip(
            unions[:3], ("home", "home", "small_home"), ("county", "city", "county"), strict=False
        ):
            services.select_model_home(
                actor=admin, organisation=union, kind=kind, level=level, year=today.year - 1
            )
    return [f"星级工会评定：{today.year - 1} 年评定 {decided} 家，模范职工之家（小家）已登记"]
