"""The workforce pages in the permission matrix (gonghui/tests/test_url_scoping.py), and the
town-A objects they open: a town-A cycle (a town's own honour), union_a's nomination, honour,
honouree, studio and alliance. Town B must get 404 for each."""

import datetime

from gonghui.workforce.choices import Level, Position, Subject
from gonghui.workforce.honours import nominations, services
from gonghui.workforce.models import Alliance, Honour, Objection, Studio

SECRET_STUDIO = "甲机械厂劳模创新工作室"


def town_a_cycle(county):
    kind = services.create_kind(
        actor=None, organisation=county.town_a, code="CGLM", name="城关镇劳动模范",
        level=Level.COUNTY, subject=Subject.INDIVIDUAL, cycle_years=3,
    )  # fmt: skip
    return services.create_cycle(actor=None, kind=kind, year=2026)


def town_a_nomination(county):
    cycle = town_a_cycle(county)
    return nominations.create_nomination(
        actor=None, cycle=cycle, union=county.union_a, member=county.member_a,
        position=Position.FRONT_LINE, deeds="事迹", appraised_on=datetime.date(2026, 1, 5),
        voters=30, votes_for=28,
    )  # fmt: skip


def town_a_document(county):
    from gonghui.workforce.tests.helpers import minutes

    n = town_a_nomination(county)
    return nominations.attach_minutes(actor=None, nomination=n, upload=minutes())


def town_a_honour(county):
    n = town_a_nomination(county)
    honouree = nominations.honouree_for(county.member_a)
    return Honour.objects.create(
        kind=n.cycle.kind, honouree=honouree, union=county.union_a, year=2023,
        awarded_on=datetime.date(2023, 4, 28), document_number="城工发〔2023〕1号",
        certificate_no="CG2023-001",
    )  # fmt: skip


def town_a_objection(county):
    n = town_a_nomination(county)
    return Objection.objects.create(nomination=n, received_on=datetime.date(2026, 2, 1),
                                    content="反映情况")  # fmt: skip


def town_a_studio(county):
    return Studio.objects.create(
        name=SECRET_STUDIO, level=Level.COUNTY, employer=county.employer_a, union=county.union_a,
        leader_member=county.member_a, named_on=datetime.date(2024, 5, 1),
    )  # fmt: skip


def town_a_alliance(county):
    return Alliance.objects.create(
        organisation=county.town_a, name="城关镇工作室联盟", basis="region",
        founded_on=datetime.date(2025, 1, 1),
    )  # fmt: skip


def pk(make):
    return lambda c, u: {"pk": make(c).pk}


LIST_URLS = {
    "workforce:index": 200,
    "workforce:kind_list": 200,
    "workforce:kind_add": 200,
    "workforce:cycle_list": 200,
    "workforce:cycle_add": 200,
    "workforce:nomination_list": 200,
    "workforce:honour_list": 200,
    "workforce:honouree_list": 200,
    "workforce:checkup_due": 200,
    "workforce:studio_list": 200,
    "workforce:alliance_list": 200,
    "workforce:studio_add": 200,
    "workforce:alliance_add": 200,
    "workforce:import_honourees": 200,
    "workforce:import_studios": 200,
}

CYCLE = pk(town_a_cycle)
NOMINATION = pk(town_a_nomination)
HONOUR = pk(town_a_honour)
HONOUREE = lambda c, u: {"pk": town_a_honour(c).honouree_id}  # noqa: E731

OBJECT_URLS = {
    "workforce:kind_edit": ("GET", lambda c, u: {"pk": town_a_cycle(c).kind_id}),
    "workforce:cycle_detail": ("GET", CYCLE),
    "workforce:cycle_rule": ("POST", CYCLE),
    "workforce:cycle_quota": ("POST", CYCLE),
    "workforce:cycle_advance": ("POST", CYCLE),
    "workforce:cycle_notice": ("POST", CYCLE),
    "workforce:cycle_notice_page": ("GET", CYCLE),
    "workforce:cycle_approve": ("POST", CYCLE),
    "workforce:nomination_add": ("GET", CYCLE),
    "workforce:nomination_detail": ("GET", NOMINATION),
    "workforce:nomination_upload": ("POST", NOMINATION),
    "workforce:nomination_submit": ("POST", NOMINATION),
    "workforce:nomination_send_on": ("POST", NOMINATION),
    "workforce:nomination_refuse": ("POST", NOMINATION),
    "workforce:nomination_withdraw": ("POST", NOMINATION),
    "workforce:nomination_opinion": ("POST", NOMINATION),
    "workforce:nomination_score": ("POST", NOMINATION),
    "workforce:nomination_objection": ("POST", NOMINATION),
    "workforce:nomination_approve": ("POST", NOMINATION),
    "workforce:objection_answer": ("POST", pk(town_a_objection)),
    "workforce:document": ("GET", pk(town_a_document)),
    "workforce:honour_detail": ("GET", HONOUR),
    "workforce:certificate": ("GET", HONOUR),
    "workforce:honour_revoke": ("POST", HONOUR),
    "workforce:honouree_detail": ("GET", HONOUREE),
    "workforce:honouree_care": ("POST", HONOUREE),
    "workforce:honouree_allowance": ("POST", HONOUREE),
    "workforce:honouree_status": ("POST", HONOUREE),
    "workforce:honouree_hardship": ("POST", HONOUREE),
    "workforce:honouree_follow": ("POST", HONOUREE),
    "workforce:studio_detail": ("GET", pk(town_a_studio)),
    "workforce:alliance_detail": ("GET", pk(town_a_alliance)),
    "workforce:studio_grant": ("POST", pk(town_a_studio)),
    "workforce:studio_result": ("POST", pk(town_a_studio)),
    "workforce:studio_report": ("POST", pk(town_a_studio)),
    "workforce:studio_review": ("POST", pk(town_a_studio)),
    "workforce:studio_document": ("POST", pk(town_a_studio)),
    "workforce:alliance_activity": ("POST", pk(town_a_alliance)),
}

# The portal page is the worker's own (gonghui/workforce/tests/test_portal.py); the import
# templates are empty workbooks (editors only, tested in test_imports.py).
PUBLIC_URLS = {
    "workforce_portal:home",
    "workforce:import_honourees_template",
    "workforce:import_studios_template",
}
TOWN_A_SECRETS = [SECRET_STUDIO, "城关镇劳动模范", "CG2023-001"]

# The API (/api/workforce/): lists scoped, town-A objects 404 to town B.
LIST_URLS.update(
    {
        "workforce-kind-list": 200,
        "workforce-cycle-list": 200,
        "workforce-nomination-list": 200,
        "workforce-honour-list": 200,
        "workforce-honouree-list": 200,
        "workforce-studio-list": 200,
        "workforce-alliance-list": 200,
    }
)
OBJECT_URLS.update(
    {
        "workforce-kind-detail": ("GET", lambda c, u: {"pk": town_a_cycle(c).kind_id}),
        "workforce-cycle-detail": ("GET", CYCLE),
        "workforce-nomination-detail": ("GET", NOMINATION),
        "workforce-nomination-submit": ("POST", NOMINATION),
        "workforce-nomination-send-on": ("POST", NOMINATION),
        "workforce-nomination-refuse": ("POST", NOMINATION),
        "workforce-nomination-approve": ("POST", NOMINATION),
        "workforce-honour-detail": ("GET", HONOUR),
        "workforce-honouree-detail": ("GET", HONOUREE),
        "workforce-studio-detail": ("GET", pk(town_a_studio)),
        "workforce-alliance-detail": ("GET", pk(town_a_alliance)),
    }
)


def ready_draft(county):
    """union_a's draft with the appraisal and minutes: the county admin may send it up."""
    from gonghui.workforce.tests.helpers import minutes

    n = town_a_nomination(county)
    nominations.attach_minutes(actor=None, nomination=n, upload=minutes())
    return n


def on_its_way(county):
    """union_a's nomination to a county cycle, waiting at town A's level."""
    from gonghui.workforce.tests.helpers import make_cycle, nominate

    return nominate(make_cycle(county), county.member_a, None)


def in_notice(county):
    """A candidate of town A's cycle whose notice has ended: the county admin may approve."""
    from gonghui.workforce.choices import Agency, Opinion

    n = ready_draft(county)
    nominations.submit(actor=None, nomination=n)
    services.advance_cycle(actor=None, cycle=n.cycle)
    for agency in Agency.values:
        nominations.record_opinion(actor=None, nomination=n, agency=agency, opinion=Opinion.AGREE)
    day = datetime.date(2026, 1, 1)
    nominations.publish_notice(actor=None, cycle=n.cycle, starts_on=day, ends_on=day)
    return n


OBJECT_URLS.update(
    {
        "workforce-nomination-submit": ("POST", pk(ready_draft)),
        "workforce-nomination-send-on": ("POST", pk(on_its_way)),
        "workforce-nomination-refuse": ("POST", pk(on_its_way)),
        "workforce-nomination-approve": ("POST", pk(in_notice)),
    }
)
POST_DATA = {
    "workforce-nomination-refuse": lambda c: {"reason": "不符合条件"},
    "workforce-nomination-approve": lambda c: {"document_number": "城工发〔2026〕2号"},
}
