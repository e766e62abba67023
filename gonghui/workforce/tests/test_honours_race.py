"""Certificate numbers under concurrent approval, on PostgreSQL: real threads, each on its own
connection, against the kind's sequence row lock. SQLite serialises whole writes: skipped there."""

import datetime

import pytest
from django.db import connection

from gonghui.aid.tests.test_payments_race import at_once
from gonghui.conftest import make_user
from gonghui.core.models import Organisation, OrgKind
from gonghui.core.roles import Role
from gonghui.core.services.orgs import create_organisation
from gonghui.registry.services import create_member
from gonghui.workforce.choices import Agency, NominationStatus, Opinion
from gonghui.workforce.honours import nominations, services
from gonghui.workforce.models import Honour
from gonghui.workforce.tests.helpers import id_number, make_cycle, nominate

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks are PostgreSQL's"
)
N = 8


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_certificate_numbers_unique_under_concurrent_approval(county):
    cycle = make_cycle(county)
    approvers = [make_user(f"approver{i}", Role.REVIEWER, county.county) for i in range(N)]
    candidates = []
    for i in range(N):
        union = create_organisation(
            actor=None, name=f"测试{i}厂工会", kind=OrgKind.GRASSROOTS, parent=county.county
        )
        union = Organisation.objects.get(pk=union.pk)
        clerk = make_user(f"clerk{i}", Role.CLERK, union)
        member = create_member(actor=None, name=f"王{i}明", id_number=id_number(20 + i),
                               union=union, joined_on=datetime.date(2020, 1, 1))  # fmt: skip
        candidates.append(nominate(cycle, member, clerk))
    assert all(c.status == NominationStatus.CANDIDATE for c in candidates)
    services.advance_cycle(actor=approvers[0], cycle=cycle)
    for c in candidates:
        for agency in Agency.values:
            nominations.record_opinion(actor=approvers[0], nomination=c, agency=agency,
                                       opinion=Opinion.AGREE)  # fmt: skip
    start = datetime.date(2026, 1, 1)
    nominations.publish_notice(actor=approvers[0], cycle=cycle, starts_on=start, ends_on=start)
    outcomes = at_once(
        [
            lambda i=i: nominations.approve(
                actor=approvers[i], nomination=candidates[i], document_number="溪工发〔2026〕1号"
            )
            for i in range(N)
        ]
    )
    assert all(isinstance(o, Honour) for o in outcomes), outcomes
    numbers = sorted(Honour.objects.values_list("certificate_no", flat=True))
    assert numbers == [f"LM2026-{i:03d}" for i in range(1, N + 1)]
