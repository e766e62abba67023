"""The honour rules: quotas, share rules blocking the cycle, the level-by-level way up (the
submitter never decides), vetting, the notice's objections blocking approval, certificates."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gonghui.core.models import AuditEntry
from gonghui.registry.services import create_member
from gonghui.workforce.choices import (
    Agency,
    Comparison,
    Criterion,
    CycleStatus,
    NominationStatus,
    Opinion,
    Position,
)
from gonghui.workforce.honours import nominations, queries, services
from gonghui.workforce.models import Honour, Honouree
from gonghui.workforce.tests.helpers import id_number, make_cycle, make_kind, nominate

pytestmark = pytest.mark.django_db
PAST = datetime.date(2026, 1, 1)


def vet_all(nomination, actor, opinion=Opinion.AGREE):
    for agency in Agency.values:
        note = "" if opinion == Opinion.AGREE else "有处分"
        nominations.record_opinion(
            actor=actor, nomination=nomination, agency=agency, opinion=opinion, note=note
        )


def to_notice(cycle, county, dora, frank, erin):
    nomination = nominate(cycle, county.member_a, dora)
    nominations.send_on(actor=frank, nomination=nomination)
    services.advance_cycle(actor=erin, cycle=cycle)
    vet_all(nomination, erin)
    nominations.publish_notice(actor=erin, cycle=cycle, starts_on=PAST,
                               ends_on=PAST + datetime.timedelta(days=6))  # fmt: skip
    nomination.refresh_from_db()
    return nomination


def test_certificate_format_checked(county):
    with pytest.raises(ValidationError) as exc:
        make_kind(county, certificate_format="LM{year}")
    assert "certificate_format" in exc.value.error_dict
    with pytest.raises(ValidationError):
        make_kind(county, code="X2", certificate_format="{year.__class__}{seq}")


def test_nomination_goes_up_level_by_level(county, dora, frank, charlie):
    cycle = make_cycle(county)
    nomination = nominate(cycle, county.member_a, dora)
    assert nomination.status == NominationStatus.REVIEWING
    assert [s.organisation for s in nomination.steps.all()] == [county.town_a]
    with pytest.raises(PermissionDenied):
        nominations.send_on(actor=dora, nomination=nomination)  # the submitter never decides
    with pytest.raises(PermissionDenied):
        nominations.send_on(actor=charlie, nomination=nomination)  # town B: not its level
    nominations.send_on(actor=frank, nomination=nomination)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.CANDIDATE
    assert AuditEntry.objects.filter(object_id=str(nomination.pk)).count() >= 3


def test_submitter_cannot_decide_even_holding_the_role(county, frank, erin):
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    # A county reviewer who also clerks for union_a enters and sends up a nomination: at the
    # county level (union directly under town, town step by frank) they still cannot approve.
    both = make_user("both", Role.CLERK, county.union_a)
    from gonghui.core.models import RoleAssignment

    RoleAssignment.objects.create(user=both, role=Role.REVIEWER, organisation=county.county)
    cycle = make_cycle(county)
    nomination = nominate(cycle, county.member_a, both)
    with pytest.raises(PermissionDenied):
        nominations.send_on(actor=both, nomination=nomination)


def test_appraisal_required_and_majority(county, dora):
    cycle = make_cycle(county)
    nomination = nominations.create_nomination(
        actor=dora, cycle=cycle, union=county.union_a, member=county.member_a,
        position=Position.FRONT_LINE, deeds="事迹", appraised_on=PAST, voters=40, votes_for=20,
    )  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        nominations.submit(actor=dora, nomination=nomination)
    assert {"votes_for", "documents"} <= set(exc.value.error_dict)


def test_quota_per_town(county, dora):
    cycle = make_cycle(county)
    services.set_quota(actor=None, cycle=cycle, organisation=county.town_a, quota=1)
    nominate(cycle, county.member_a, dora)
    other = create_member(actor=None, name="王甲二", id_number=id_number(11),
                          union=county.union_a, joined_on=PAST)  # fmt: skip
    with pytest.raises(ValidationError) as exc:
        nominate(cycle, other, dora)
    assert "名额" in str(exc.value)


def test_failing_share_rule_blocks_the_cycle(county, alice, dora, frank, erin):
    cycle = make_cycle(county)
    services.set_rule(actor=alice, cycle=cycle, criterion=Criterion.WOMEN,
                      comparison=Comparison.AT_LEAST, percent="20")  # fmt: skip
    services.set_rule(actor=alice, cycle=cycle, criterion=Criterion.UNIT_HEAD,
                      comparison=Comparison.AT_MOST, percent="15")  # fmt: skip
    nomination = nominate(cycle, county.member_a, dora)  # a man, front line
    nominations.send_on(actor=frank, nomination=nomination)
    shares = {s.rule.criterion: s for s in queries.rule_shares(cycle)}
    assert shares[Criterion.WOMEN].percent == 0 and not shares[Criterion.WOMEN].passes
    assert shares[Criterion.UNIT_HEAD].passes
    with pytest.raises(ValidationError) as exc:
        services.advance_cycle(actor=erin, cycle=cycle)
    assert "女性" in str(exc.value)
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.OPEN
    # A woman from town B makes it 50 %: the cycle moves on.
    from gonghui.conftest import make_user
    from gonghui.core.roles import Role

    clerk_b = make_user("clerk_b", Role.CLERK, county.union_b)
    women = create_member(actor=None, name="刘乙芳", id_number=id_number(12, female=True),
                          union=county.union_b, joined_on=PAST)  # fmt: skip
    second = nominate(cycle, women, clerk_b)
    nominations.send_on(actor=erin, nomination=second)  # town B's level: erin is above it
    services.advance_cycle(actor=erin, cycle=cycle)
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.VETTING


def test_agency_objection_blocks_the_notice(county, dora, frank, erin):
    cycle = make_cycle(county)
    nomination = nominate(cycle, county.member_a, dora)
    nominations.send_on(actor=frank, nomination=nomination)
    services.advance_cycle(actor=erin, cycle=cycle)
    with pytest.raises(ValidationError):
        nominations.publish_notice(actor=erin, cycle=cycle, starts_on=PAST, ends_on=PAST)
    vet_all(nomination, erin, Opinion.OBJECT)
    with pytest.raises(ValidationError) as exc:
        nominations.publish_notice(actor=erin, cycle=cycle, starts_on=PAST, ends_on=PAST)
    assert "异议" in str(exc.value)
    with pytest.raises(PermissionDenied):
        nominations.record_opinion(actor=frank, nomination=nomination, agency=Agency.HR,
                                   opinion=Opinion.AGREE)  # fmt: skip


def test_unanswered_objection_blocks_approval(county, dora, frank, erin):
    cycle = make_cycle(county)
    nomination = to_notice(cycle, county, dora, frank, erin)
    objection = nominations.record_objection(
        actor=erin, nomination=nomination, received_on=PAST, content="反映其曾有违纪", source="来信"
    )
    with pytest.raises(ValidationError) as exc:
        nominations.approve(actor=erin, nomination=nomination, document_number="溪工发〔2026〕8号")
    assert "objections" in exc.value.error_dict
    nominations.answer_objection(actor=erin, objection=objection, answer="经核查不属实")
    number = "溪工发〔2026〕8号"
    honour = nominations.approve(actor=erin, nomination=nomination, document_number=number)
    assert honour.certificate_no == "LM2026-001"
    assert Honouree.objects.get().name == county.member_a.name
    cycle.refresh_from_db()
    assert cycle.status == CycleStatus.DECIDED


def test_submitter_never_approves(county, dora, frank, erin):
    cycle = make_cycle(county)
    nomination = to_notice(cycle, county, dora, frank, erin)
    with pytest.raises(PermissionDenied):
        nominations.approve(actor=dora, nomination=nomination, document_number="X")


def test_notice_masks_names(county, dora, frank, erin):
    cycle = make_cycle(county)
    to_notice(cycle, county, dora, frank, erin)
    rows = queries.notice_rows(cycle)
    assert rows[0]["name"] == "张*明"


def test_panel_scores_and_mean(county, dora, frank, erin):
    cycle = make_cycle(county)
    nomination = nominate(cycle, county.member_a, dora)
    nominations.send_on(actor=frank, nomination=nomination)
    services.advance_cycle(actor=erin, cycle=cycle)
    nominations.record_score(actor=erin, nomination=nomination, panelist="甲", score="90")
    nominations.record_score(actor=erin, nomination=nomination, panelist="乙", score="80")
    with pytest.raises(ValidationError):
        nominations.record_score(actor=erin, nomination=nomination, panelist="丙", score="101")
    assert queries.mean_score(nomination) == 85


def test_certificate_numbers_skip_imported(county):
    kind = make_kind(county)
    from gonghui.workforce.models import HonourKind

    kind = HonourKind.objects.get(pk=kind.pk)
    Honour.objects.create(kind=kind, union=county.union_a, year=2026, awarded_on=PAST,
                          document_number="旧", certificate_no="LM2026-001")  # fmt: skip
    from django.db import transaction

    with transaction.atomic():
        assert nominations.next_certificate_no(kind, 2026) == "LM2026-002"
        assert nominations.next_certificate_no(kind, 2026) == "LM2026-003"


def test_collective_kind_nominates_a_unit_or_a_named_result(county, dora, frank, erin):
    from gonghui.workforce.choices import Subject

    kind = make_kind(county, code="CX", name="十大科技创新成果", subject=Subject.RESULT,
                     certificate_format="CX{year}{seq:02d}")  # fmt: skip
    cycle = make_cycle(county, kind=kind)
    with pytest.raises(ValidationError) as exc:
        nominations.create_nomination(actor=dora, cycle=cycle, union=county.union_a, deeds="x")
    assert "employer" in exc.value.error_dict
    with pytest.raises(ValidationError):  # town B's employer is not union_a's
        nominations.create_nomination(actor=dora, cycle=cycle, union=county.union_a,
                                      employer=county.employer_b, deeds="x")  # fmt: skip
    n = nominations.create_nomination(
        actor=dora, cycle=cycle, union=county.union_a, employer=county.employer_a,
        team_name="数控夹具快速换型法", deeds="节约工时三成", appraised_on=PAST, voters=20,
        votes_for=19,
    )  # fmt: skip
    assert n.nominee_name == "甲机械厂 数控夹具快速换型法"


def test_figures_count_the_highest_level_once(county):
    from gonghui.core.figures import FigureScope
    from gonghui.workforce.figures import workforce_figures

    county_kind = make_kind(county)
    province = make_kind(county, code="SLM", name="省劳动模范", level="province")
    h = nominations.honouree_for(county.member_a)
    for kind, year in ((county_kind, 2020), (province, 2023)):
        on = datetime.date(year, 4, 1)
        Honour.objects.create(
            kind=kind, honouree=h, union=h.union, year=year, awarded_on=on, document_number="X"
        )
    year = (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    scope = FigureScope(paths=None, date_from=year[0], date_to=year[1], today=year[1])
    values = workforce_figures(scope)
    assert values["honourees"] == 1
    assert values["honourees_by_level"]["省级"] == 1 and values["honourees_by_level"]["县级"] == 0
    assert values["honours_awarded"] == 1 and values["honours_awarded_by_kind"] == {"省劳动模范": 1}
