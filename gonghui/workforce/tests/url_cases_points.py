"""The points pages and API in the permission matrix (gonghui/tests/test_url_scoping.py): union_a's
rule, reward, member_a's claim (with its photo), account, ledger row and redemption. Town B must
get 404 for each; the county admin reaches each (API actions with a body that succeeds)."""

from gonghui.workforce.models.points import PointsItem
from gonghui.workforce.points import ledger, services

SECRET_REWARD = "城关保温杯"


def town_a_rule(county):
    from gonghui.workforce.tests.points_helpers import make_rule

    return make_rule(county)


def town_a_reward(county):
    from gonghui.workforce.tests.points_helpers import make_reward

    return make_reward(county, name=SECRET_REWARD, points=10, stock=3)


def town_a_claim(county):
    from gonghui.workforce.tests.points_helpers import photo

    return services.submit_claim(member=county.member_a, rule=town_a_rule(county),
                                 description="配电箱未上锁", occurred_on=_today(),
                                 uploads=[photo()])  # fmt: skip


def _today():
    from django.utils import timezone

    return timezone.localdate()


def town_a_entry(county):
    rule = services.create_rule(actor=None, union=county.union_a, item=PointsItem.OTHER,
                                name="奖励", points=50)  # fmt: skip
    return ledger.award_for_source(rule_item=rule, member=county.member_a, source="case:1",
                                   actor=None)  # fmt: skip


def town_a_redemption(county):
    town_a_entry(county)
    return services.redeem(member=county.member_a, reward=town_a_reward(county))


def pk(make):
    return lambda c, u: {"pk": make(c).pk}


ACCOUNT = lambda c, u: {"pk": town_a_entry(c).account_id}  # noqa: E731
EVIDENCE = lambda c, u: {"pk": town_a_claim(c).evidence.first().pk}  # noqa: E731

LIST_URLS = {
    "workforce:points_rule_list": 200,
    "workforce:points_rule_add": 200,
    "workforce:points_claim_list": 200,
    "workforce:points_account_list": 200,
    "workforce:reward_list": 200,
    "workforce:reward_add": 200,
    "workforce:redemption_list": 200,
    "workforce:points_leaderboard": 200,
    "workforce-points-rule-list": 200,
    "workforce-reward-list": 200,
    "workforce-points-account-list": 200,
    "workforce-points-entry-list": 200,
    "workforce-points-claim-list": 200,
    "workforce-redemption-list": 200,
}
OBJECT_URLS = {
    "workforce:points_rule_edit": ("GET", pk(town_a_rule)),
    "workforce:points_claim_detail": ("GET", pk(town_a_claim)),
    "workforce:points_claim_approve": ("POST", pk(town_a_claim)),
    "workforce:points_claim_refuse": ("POST", pk(town_a_claim)),
    "workforce:points_evidence": ("GET", EVIDENCE),
    "workforce:points_account": ("GET", ACCOUNT),
    "workforce:points_entry_reverse": ("POST", pk(town_a_entry)),
    "workforce:reward_edit": ("GET", pk(town_a_reward)),
    "workforce:redemption_detail": ("GET", pk(town_a_redemption)),
    "workforce:redemption_hand_out": ("POST", pk(town_a_redemption)),
    "workforce:redemption_cancel": ("POST", pk(town_a_redemption)),
    "workforce-points-rule-detail": ("GET", pk(town_a_rule)),
    "workforce-reward-detail": ("GET", pk(town_a_reward)),
    "workforce-points-account-detail": ("GET", ACCOUNT),
    "workforce-points-entry-detail": ("GET", pk(town_a_entry)),
    "workforce-points-entry-reverse": ("POST", pk(town_a_entry)),
    "workforce-points-claim-detail": ("GET", pk(town_a_claim)),
    "workforce-points-claim-approve": ("POST", pk(town_a_claim)),
    "workforce-points-claim-refuse": ("POST", pk(town_a_claim)),
    "workforce-redemption-detail": ("GET", pk(town_a_redemption)),
    "workforce-redemption-hand-out": ("POST", pk(town_a_redemption)),
    "workforce-redemption-cancel": ("POST", pk(town_a_redemption)),
}
POST_DATA = {
    "workforce-points-entry-reverse": lambda c: {"reason": "误发"},
    "workforce-points-claim-refuse": lambda c: {"reason": "照片看不清"},
    "workforce-redemption-hand-out": lambda c: {"signed_by": "本人"},
    "workforce-redemption-cancel": lambda c: {"reason": "职工放弃"},
    "workforce:points_claim_refuse": lambda c: {"reason": "照片看不清"},
    "workforce:points_entry_reverse": lambda c: {"reason": "误发"},
    "workforce:redemption_hand_out": lambda c: {"signed_by": "本人"},
    "workforce:redemption_cancel": lambda c: {"reason": "职工放弃"},
}
# The phone pages are the worker's own (test_points_portal.py).
PUBLIC_URLS = {"workforce_portal:points", "workforce_portal:points_claim",
               "workforce_portal:points_redeem"}  # fmt: skip
TOWN_A_SECRETS = [SECRET_REWARD]
