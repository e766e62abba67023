"""The returns' pages and API in the permission matrix (gonghui/tests/test_url_scoping.py): town B
(charlie) gets 404 on town A's return, its union's status page and a catalogue kept on town A's
line; alice (the county) reaches them. The county's own return (signed by alice through the API)
is out of town B's reach as well."""

from django.utils import timezone

SECRET_CATALOGUE = "甲镇保密指标目录"
LIST_URLS = {
    "returns:return_list": 200,
    "returns:catalogue_list": 200,
    "returns-return-list": 200,
    "returns-catalogue-list": 200,
}
TOWN_A_SECRETS = [SECRET_CATALOGUE]
HAND = {"G18": 1, "G19": 2, "G20": 3, "G21": 1, "U02": 1, "U03": 1, "U05": 1}


def _catalogue(county):
    from gonghui.returns import services
    from gonghui.returns.models import Catalogue

    year = timezone.localdate().year
    found = Catalogue.objects.filter(organisation=county.county, year=year).first()
    return found or services.seed_catalogue(actor=None, county=county.county, year=year)


def _return(county, union, *, submit=False, sign=False):
    from gonghui.returns import services

    ret = services.open_return(actor=None, catalogue=_catalogue(county), union=union)
    codes = set(ret.values.values_list("indicator__code", flat=True))
    services.enter_values(actor=None, ret=ret, values={c: v for c, v in HAND.items() if c in codes})
    if submit or sign:
        ret = services.submit_return(actor=None, ret=ret)
    if sign:
        ret = services.sign_return(actor=None, ret=ret)
    return ret.pk


def town_a_union(county, user) -> dict:
    _catalogue(county)
    return {"pk": county.town_a.pk}


def town_a_catalogue(county, user) -> int:
    """A catalogue kept on town A's line (the services let only a county make one; written here
    directly), so that town B must not see it: the county's is offered to every union."""
    from gonghui.returns.models import Catalogue, Indicator, Rule

    catalogue = Catalogue.objects.filter(note=SECRET_CATALOGUE).first()
    if catalogue is None:
        catalogue = Catalogue.objects.create(organisation=county.town_a, year=2001,
                                             note=SECRET_CATALOGUE)  # fmt: skip
        Indicator.objects.create(catalogue=catalogue, code="A1", label=SECRET_CATALOGUE,
                                 form="grassroots", cell="1")  # fmt: skip
        Rule.objects.create(catalogue=catalogue, left="A1", op="le", right="A1")
    return catalogue.pk


def _ret(**flags):
    return lambda c, u: {"pk": _return(c, c.town_a, **flags)}


def _cat(c, u):
    return {"pk": town_a_catalogue(c, u)}


def _indicator(c, u):
    from gonghui.returns.models import Indicator

    return {"pk": Indicator.objects.get(catalogue_id=town_a_catalogue(c, u)).pk}


def _rule(c, u):
    from gonghui.returns.models import Rule

    return {"pk": Rule.objects.get(catalogue_id=town_a_catalogue(c, u)).pk}


OBJECT_URLS = {
    "returns:union_status": ("GET", town_a_union),
    "returns:return_open": ("POST", town_a_union),
    "returns:return_detail": ("GET", _ret()),
    "returns:return_edit": ("GET", _ret()),
    "returns:return_refresh": ("POST", _ret()),
    "returns:return_submit": ("POST", _ret()),
    "returns:return_sign": ("POST", _ret(submit=True)),
    "returns:return_accept": ("POST", _ret(sign=True)),
    "returns:return_send_back": ("POST", _ret(sign=True)),
    "returns:return_export": ("GET", _ret()),
    "returns:catalogue_detail": ("GET", _cat),
    "returns:catalogue_copy": ("POST", _cat),
    "returns:indicator_add": ("GET", _cat),
    "returns:rule_add": ("POST", _cat),
    "returns:indicator_edit": ("GET", _indicator),
    "returns:rule_delete": ("POST", _rule),
    "returns-return-detail": ("GET", _ret()),
    "returns-catalogue-detail": ("GET", _cat),
    "returns-return-submit": ("POST", _ret()),
    "returns-return-accept": ("POST", _ret(sign=True)),
    "returns-return-send-back": ("POST", _ret(sign=True)),
    # The county's own return, submitted: alice, its administrator, signs it.
    "returns-return-sign": ("POST", lambda c, u: {"pk": _return(c, c.county, submit=True)}),
}
POST_DATA = {
    "returns:return_send_back": lambda c: {"note": "请核对"},
    "returns-return-send-back": lambda c: {"note": "请核对"},
    "returns:catalogue_copy": lambda c: {"year": 2002},
}
