"""The proposal pages and API in the permission matrix (gonghui/tests/test_url_scoping.py):
member_a's proposal in each state a step needs. Town B gets 404; the county admin reaches each."""

from gonghui.workforce.proposals import services

SECRET_TITLE = "甲厂冲压光幕改造"


def received(county):
    return services.submit_proposal(member=county.member_a, category="suggestion",
                                    title=SECRET_TITLE, problem="冲床夹手风险",
                                    idea="加装安全光幕")  # fmt: skip


def adopted(county):
    p = received(county)
    return services.adopt(actor=None, proposal=p, award_tier="first")


def pk(make):
    return lambda c, u: {"pk": make(c).pk}


LIST_URLS = {
    "workforce:proposal_list": 200,
    "workforce:proposal_add": 200,
    "workforce:panel_list": 200,
    "workforce:proposal_rates": 200,
    "workforce:proposal_poster": 200,
    "workforce:import_proposals": 200,
    "workforce-proposal-list": 200,
    "workforce-proposal-review-list": 200,
}
OBJECT_URLS = {
    "workforce:proposal_detail": ("GET", pk(received)),
    "workforce:proposal_implement": ("POST", pk(adopted)),
    "workforce:proposal_verify": ("POST", pk(adopted)),
    "workforce:panel_detail": ("GET", pk(received)),
    "workforce:panel_start": ("POST", pk(received)),
    "workforce:panel_adopt": ("POST", pk(received)),
    "workforce:panel_reject": ("POST", pk(received)),
    "workforce-proposal-detail": ("GET", pk(received)),
    "workforce-proposal-implement": ("POST", pk(adopted)),
    "workforce-proposal-verify-benefit": ("POST", pk(adopted)),
    "workforce-proposal-review-detail": ("GET", pk(received)),
    "workforce-proposal-review-start-review": ("POST", pk(received)),
    "workforce-proposal-review-adopt": ("POST", pk(received)),
    "workforce-proposal-review-reject": ("POST", pk(received)),
}
POST_DATA = {
    "workforce-proposal-verify-benefit": lambda c: {"amount": "1200.00",
                                                    "verified_by_name": "李会计"},
    "workforce-proposal-review-reject": lambda c: {"reason": "投入过大"},
    "workforce:proposal_verify": lambda c: {"amount": "1200.00", "verified_by_name": "李会计"},
    "workforce:panel_reject": lambda c: {"reason": "投入过大"},
}  # fmt: skip
PUBLIC_URLS = {"workforce_portal:proposals", "workforce_portal:proposal_new",
               "workforce:import_proposals_template"}  # fmt: skip
TOWN_A_SECRETS = [SECRET_TITLE]
