"""The contracts area's pages in the permission matrix (gonghui/tests/test_url_scoping.py)."""

LIST_URLS = {
    "rights:contract_list": 200,
    "rights:contract_expiring": 200,
    "rights:contract_add": 200,
    "rights:round_list": 200,
    "rights:round_add": 200,
    "rights:democracy_list": 200,
}


def town_a_contract(county, user) -> int:
    from gonghui.rights.tests.contract_helpers import DAY, TODAY, contract

    return contract(
        county, county.employer_a, title="城关镇甲厂秘密合同", expires_on=TODAY + 30 * DAY
    ).pk


def town_a_coverage(county, user) -> int:
    from gonghui.rights.models import ContractEmployer

    return ContractEmployer.objects.get(contract_id=town_a_contract(county, user)).pk


def town_a_round(county, user) -> int:
    from gonghui.rights.tests.contract_helpers import bargaining_round

    return bargaining_round(county, name="城关镇秘密要约行动").pk


def town_a_offer(county, user) -> int:
    from gonghui.rights.models import BargainingRound
    from gonghui.rights.tests.contract_helpers import offer

    round_ = BargainingRound.objects.get(pk=town_a_round(county, user))
    return offer(round_, county.employer_a).pk


OBJECT_URLS = {
    "rights:contract_detail": ("GET", lambda c, u: {"pk": town_a_contract(c, u)}),
    "rights:contract_edit": ("GET", lambda c, u: {"pk": town_a_contract(c, u)}),
    "rights:contract_employers_add": ("GET", lambda c, u: {"pk": town_a_contract(c, u)}),
    "rights:contract_employer_remove": ("POST", lambda c, u: {"pk": town_a_coverage(c, u)}),
    "rights:round_detail": ("GET", lambda c, u: {"pk": town_a_round(c, u)}),
    "rights:round_edit": ("GET", lambda c, u: {"pk": town_a_round(c, u)}),
    "rights:round_offers_add": ("GET", lambda c, u: {"pk": town_a_round(c, u)}),
    "rights:round_offer_edit": ("GET", lambda c, u: {"pk": town_a_offer(c, u)}),
    "rights:round_offer_remove": ("POST", lambda c, u: {"pk": town_a_offer(c, u)}),
    "rights:democracy_edit": ("GET", lambda c, u: {"pk": c.employer_a.pk}),
}

TOWN_A_SECRETS = ["城关镇甲厂秘密合同", "城关镇秘密要约行动"]


def town_a_democracy(county, user) -> int:
    from gonghui.rights.models import Democracy

    return Democracy.objects.create(employer=county.employer_a, congress_established=True).pk


# The contracts API (gonghui/rights/contracts/api.py).
LIST_URLS.update(
    {
        "rights-contract-list": 200,
        "rights-round-list": 200,
        "rights-democracy-list": 200,
    }
)
OBJECT_URLS.update(
    {
        "rights-contract-detail": ("GET", lambda c, u: {"pk": town_a_contract(c, u)}),
        "rights-round-detail": ("GET", lambda c, u: {"pk": town_a_round(c, u)}),
        "rights-democracy-detail": ("GET", lambda c, u: {"pk": town_a_democracy(c, u)}),
    }
)
