"""Firm and counsel pages and API in the permission matrix (gonghui/tests/test_url_scoping.py):
town B (charlie) gets 404 on town A's firm and counsel, alice reaches them. LAWYER_FORBIDDEN
lists every page and endpoint of the area, which a lawyer (lena) gets 403 on
(test_counsel_pages.py walks it)."""

SECRET_FIRM = "城关保密律师事务所"
SECRET_COUNSEL = "甲镇秘密调解员"

LIST_URLS = {
    "rights:counsel_list": 200,
    "rights:counsel_add": 200,
    "rights:firm_list": 200,
    "rights:firm_add": 200,
    "rights-firm-list": 200,
    "rights-counsel-list": 200,
}
TOWN_A_SECRETS = [SECRET_FIRM, SECRET_COUNSEL, "139****0077"]


def town_a_firm(county, user) -> int:
    from gonghui.rights.models import LawFirm

    return LawFirm.objects.create(organisation=county.town_a, name=SECRET_FIRM).pk


def town_a_counsel(county, user) -> int:
    """A town-A mediator of a town-A firm, covering town A (written directly: a fixture)."""
    from gonghui.rights.models import Counsel, LawFirm

    counsel = Counsel(
        organisation=county.town_a, name=SECRET_COUNSEL, kind="mediator",
        firm=LawFirm.objects.get(pk=town_a_firm(county, user)),
    )  # fmt: skip
    counsel.set_phone("13900000077")
    counsel.save()
    counsel.towns.set([county.town_a])
    return counsel.pk


def _firm(method="GET"):
    return (method, lambda c, u: {"pk": town_a_firm(c, u)})


def _counsel(method="GET"):
    return (method, lambda c, u: {"pk": town_a_counsel(c, u)})


OBJECT_URLS = {
    "rights:firm_detail": _firm(),
    "rights:firm_edit": _firm(),
    "rights:counsel_detail": _counsel(),
    "rights:counsel_edit": _counsel(),
    "rights:counsel_set_active": _counsel("POST"),
    "rights-firm-detail": _firm(),
    "rights-counsel-detail": _counsel(),
}

POST_DATA = {"rights:counsel_set_active": lambda c: {"active": "0"}}

# Every URL of the area: a lawyer gets 403 on each (staff only), their own entry included.
LAWYER_FORBIDDEN = {
    **{name: ("GET", lambda c, u: {}) for name in LIST_URLS},
    **OBJECT_URLS,
}
