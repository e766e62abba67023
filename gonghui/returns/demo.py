"""The returns' part of `gonghui demo`, through the services: last year's catalogue seeded and
copied to this year; this year's returns of the county's first children: town 1 signed by its
administrator, two more signed, town 2 submitted and sent back by the county with a note; the
county's own return opened, its additive cells the sum of the signed ones (the county
administrator completes and submits it, the reviewer has signed returns to review)."""

from django.core.exceptions import ValidationError

from gonghui.core.models import OrgStatus, User
from gonghui.returns import services
from gonghui.returns.choices import Origin
from gonghui.returns.models import Catalogue, Indicator, Return, Rule, Value

SENT_BACK_NOTE = "工会经费收入（G20）与本年财务决算不一致，请核对后重新报送。"


def _user(username):
    return User.objects.filter(username=username).first()


def _fill(ret, rng, actor) -> None:
    hand = ret.values.filter(origin=Origin.HAND).select_related("indicator")
    values = {v.indicator.code: rng.randint(1, 12) for v in hand}
    services.enter_values(actor=actor, ret=ret, values=values)


def _filed(catalogue, union, rng, actor, *, signer=None, sign=True) -> Return | None:
    ret = services.open_return(actor=actor, catalogue=catalogue, union=union)
    _fill(ret, rng, actor)
    try:
        ret = services.submit_return(actor=actor, ret=ret)
        if sign:
            ret = services.sign_return(actor=signer, ret=ret)
    except ValidationError:
        return None  # a check failed on the generated data: left as a draft to look at
    return ret


def generate(*, rng, today, town1, town2) -> list[str]:
    county = town1.parent
    admin, clerk, clerk2, town_admin = (_user(n) for n in ("admin", "clerk", "clerk2",
                                                            "townadmin"))  # fmt: skip
    last = services.seed_catalogue(actor=admin, county=county, year=today.year - 1)
    catalogue = services.copy_catalogue(actor=admin, catalogue=last, year=today.year)
    signed = [_filed(catalogue, town1, rng, clerk, signer=town_admin)]
    others = (
        county.children.filter(status=OrgStatus.ACTIVE)
        .exclude(pk__in=[town1.pk, town2.pk]).order_by("sort_order", "name")[:2]
    )  # fmt: skip
    signed += [_filed(catalogue, union, rng, admin, signer=None) for union in others]
    second = _filed(catalogue, town2, rng, clerk2, sign=False)
    if second is not None:
        services.send_back(actor=admin, ret=second, note=SENT_BACK_NOTE)
    services.open_return(actor=admin, catalogue=catalogue, union=county)
    done = sum(1 for r in signed if r is not None)
    return [
        f"统计年报：{today.year} 年指标目录（复制自 {today.year - 1} 年），"
        f"{done} 个下级工会已签发，{town2.name}被退回修改，县总工会年报已汇总待完成"
    ]


def reset() -> None:
    for model in (Value, Return, Rule, Indicator, Catalogue):
        model.objects.all().delete()
