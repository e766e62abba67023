"""The aid figures on a hand-built county, worked out by hand (definitions: gonghui/aid/figures.py).

Rows are written with the ORM: these tests are about what the figures count, the services that
write the rows have their own tests.
"""

import datetime
import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from gonghui.aid.choices import AidStatus, BatchStatus, CareSeason, HardshipStatus
from gonghui.aid.models import (
    AidApplication,
    BenefitOffer,
    CareCampaign,
    CareVisit,
    Claim,
    ClaimPayment,
    Enrolment,
    FeeRefund,
    HardshipFile,
    InsurancePlan,
    Merchant,
    Payment,
    PaymentBatch,
    ProgrammeKind,
    Redemption,
    RefundPayment,
    RefundPolicy,
)
from gonghui.aid.tests.conftest import make_programme
from gonghui.reports.figures import compute

pytestmark = pytest.mark.django_db

Y = Decimal
D = datetime.date
TODAY = D(2025, 11, 20)
YEAR = {"date_from": D(2025, 1, 1), "date_to": D(2025, 12, 31), "today": TODAY}


def approved(programme, member, amount) -> AidApplication:
    return AidApplication.objects.create(
        programme=programme, member=member, union=member.union, channel="staff",
        status=AidStatus.APPROVED, amount_requested=amount, amount_approved=amount,
        approved_on=D(2025, 3, 1), notice_ends_on=D(2025, 3, 5),
    )  # fmt: skip


@pytest.fixture
def aid(county, alice):
    """Town A (member_a): study grant 2000 paid directly on 10 Mar, a medical-aid batch line of 500
    settled on 2 Apr, a living-aid line of 300 in a batch the bank has not returned, and 100 paid
    in 2024. Town B (member_b): 800 paid then reversed (a failed transfer) — nothing received."""
    study = make_programme(county, year=2025, opens_on=D(2025, 1, 1), closes_on=D(2025, 12, 31))
    medical = make_programme(
        county, kind=ProgrammeKind.objects.get(code="medical"), name="医疗救助", year=2025,
        opens_on=D(2025, 1, 1), closes_on=D(2025, 12, 31),
    )  # fmt: skip
    living = make_programme(
        county, kind=ProgrammeKind.objects.get(code="living"), name="生活救助", year=2025,
        opens_on=D(2025, 1, 1), closes_on=D(2025, 12, 31),
    )  # fmt: skip
    a_study = approved(study, county.member_a, Y("2000.00"))
    a_medical = approved(medical, county.member_a, Y("600.00"))
    a_living = approved(living, county.member_a, Y("300.00"))
    b_study = approved(study, county.member_b, Y("800.00"))
    pay = {"created_by": alice}
    Payment.objects.create(
        programme=study, application=a_study, amount=Y("2000.00"), booked_on=D(2025, 3, 10), **pay
    )
    Payment.objects.create(
        programme=medical, application=a_medical, amount=Y("100.00"), booked_on=D(2024, 12, 1),
        **pay,
    )  # fmt: skip
    settled = PaymentBatch.objects.create(
        programme=medical, status=BatchStatus.SETTLED, settled_on=D(2025, 4, 2), created_by=alice
    )
    Payment.objects.create(
        programme=medical, application=a_medical, amount=Y("500.00"), batch=settled,
        booked_on=D(2025, 3, 20), **pay,
    )  # fmt: skip
    waiting = PaymentBatch.objects.create(
        programme=living, status=BatchStatus.EXPORTED, created_by=alice
    )
    Payment.objects.create(
        programme=living, application=a_living, amount=Y("300.00"), batch=waiting, **pay
    )
    first = Payment.objects.create(
        programme=study, application=b_study, amount=Y("800.00"), booked_on=D(2025, 5, 1), **pay
    )
    Payment.objects.create(
        programme=study, application=b_study, amount=Y("-800.00"), reverses=first,
        booked_on=D(2025, 5, 3), **pay,
    )  # fmt: skip
    return county


def test_aid_paid_counts_money_received_in_the_period(aid):
    values = compute(**YEAR)
    assert values["aid_paid"] == Y("2500.00")  # 2000 + 500; not the 2024 100, not the unreturned
    assert values["aid_paid_by_kind"]["金秋助学"] == Y("2000.00")  # 800 − 800 for member_b
    assert values["aid_paid_by_kind"]["医疗救助"] == Y("500.00")
    assert values["aid_paid_by_kind"]["生活救助"] == Y("0.00")
    assert values["aid_recipients"] == 1  # member_b's net receipt is zero


def test_aid_figures_are_scoped(aid, bob, charlie):
    assert compute(user=bob, **YEAR)["aid_paid"] == Y("2500.00")
    town_b = compute(user=charlie, **YEAR)
    assert town_b["aid_paid"] == Y("0.00") and town_b["aid_recipients"] == 0
    assert compute(org=aid.town_b, **YEAR)["aid_paid_by_kind"]["金秋助学"] == Y("0.00")


def test_last_year(aid):
    values = compute(date_from=D(2024, 1, 1), date_to=D(2024, 12, 31), today=TODAY)
    assert values["aid_paid"] == Y("100.00")


def test_hardship_households_are_files_on_file_today(county):
    common = {"causes": "illness", "household_size": 3, "monthly_income": Y("1500.00"),
              "local_line": Y("800.00")}  # fmt: skip
    HardshipFile.objects.create(
        member=county.member_a, union=county.union_a, status=HardshipStatus.FILED, **common
    )
    HardshipFile.objects.create(
        member=county.member_b, union=county.union_b, status=HardshipStatus.PENDING, **common
    )
    HardshipFile.objects.create(
        member=county.member_b, union=county.union_b, status=HardshipStatus.LIFTED, **common
    )
    assert compute(**YEAR)["hardship_households"] == 1
    assert compute(org=county.town_b, **YEAR)["hardship_households"] == 0


def test_care_insurance_benefits_and_refunds(county, alice):
    winter = CareCampaign.objects.create(
        organisation=county.county, season=CareSeason.WINTER, name="冬送温暖", year=2025,
        starts_on=D(2025, 1, 1), ends_on=D(2025, 2, 28),
    )  # fmt: skip
    for member, cash, goods, day in [
        (county.member_a, Y("500.00"), Y("120.50"), D(2025, 1, 20)),
        (county.member_b, Y("300.00"), Y("0.00"), D(2025, 1, 21)),
        (None, Y("200.00"), Y("80.00"), None),  # on the list, not visited yet
    ]:
        CareVisit.objects.create(
            campaign=winter, union=member.union if member else county.union_a, member=member,
            recipient_name=member.name if member else "护林员", cash=cash, goods_value=goods,
            visited_on=day,
        )  # fmt: skip
    plan = InsurancePlan.objects.create(
        organisation=county.county, name="补充住院医疗", year=2025, starts_on=D(2025, 1, 1),
        ends_on=D(2025, 12, 31), premium=Y("30.00"), max_claim=Y("5000.00"),
    )  # fmt: skip
    enrolment = Enrolment.objects.create(plan=plan, member=county.member_a, union=county.union_a)
    Enrolment.objects.create(plan=plan, member=county.member_b, union=county.union_b)
    claim = Claim.objects.create(
        enrolment=enrolment, union=county.union_a, admitted_on=D(2025, 6, 1), hospital="县医院",
        expenses=Y("3000.00"), amount_claimed=Y("1200.00"), amount_approved=Y("1000.00"),
        status="approved", submitted_by=alice,
    )  # fmt: skip
    ClaimPayment.objects.create(claim=claim, amount=Y("600.00"), paid_on=D(2025, 7, 1),
                                created_by=alice)  # fmt: skip
    ClaimPayment.objects.create(claim=claim, amount=Y("400.00"), paid_on=D(2025, 7, 9),
                                created_by=alice)  # fmt: skip
    merchant = Merchant.objects.create(organisation=county.county, name="惠民超市")
    offer = BenefitOffer.objects.create(
        merchant=merchant, title="九折", day_of_month=10, valid_from=D(2025, 1, 1),
        valid_to=D(2025, 12, 31), discount_rate=Y("0.90"),
    )  # fmt: skip
    Redemption.objects.create(
        offer=offer, member=county.member_a, union=county.union_a, redeemed_on=D(2025, 3, 10),
        amount_spent=Y("200.00"), discount=Y("20.00"), recorded_by=alice,
    )  # fmt: skip
    policy = RefundPolicy.objects.create(
        organisation=county.county, year=2025, opens_on=D(2025, 1, 1), closes_on=D(2025, 12, 31)
    )
    refund = FeeRefund.objects.create(
        policy=policy, employer=county.employer_b, union=county.union_b, headcount=20,
        fees_paid=Y("4000.00"), amount_requested=Y("4000.00"), amount_approved=Y("4000.00"),
        status="approved", submitted_by=alice,
    )  # fmt: skip
    RefundPayment.objects.create(refund=refund, amount=Y("4000.00"), paid_on=D(2025, 8, 1),
                                 created_by=alice)  # fmt: skip
    values = compute(**YEAR)
    assert (values["care_visits"], values["care_cash"], values["care_goods"]) == (
        2, Y("800.00"), Y("120.50"),
    )  # fmt: skip
    assert values["insured_members"] == 2
    assert (values["claims_paid"], values["claims_paid_count"]) == (Y("1000.00"), 1)
    assert (values["benefit_redemptions"], values["benefit_discount"]) == (1, Y("20.00"))
    assert (values["fee_refunds"], values["fee_refund_firms"]) == (Y("4000.00"), 1)
    town_a = compute(org=county.town_a, **YEAR)
    assert (town_a["care_visits"], town_a["insured_members"], town_a["fee_refund_firms"]) == (
        1, 1, 0,
    )  # fmt: skip
    assert (
        compute(date_from=D(2026, 1, 1), date_to=D(2026, 12, 31), today=TODAY)["insured_members"]
        == 0
    )


def test_console_and_api_write_yuan_as_exact_strings(aid, client, alice):
    out = StringIO()
    call_command("stats", "--json", "--from", "2025-01-01", "--to", "2025-12-31", stdout=out)
    values = json.loads(out.getvalue())
    assert values["aid_paid"] == "2500.00"
    assert values["aid_paid_by_kind"]["医疗救助"] == "500.00"
    client.force_login(alice)
    api = client.get(reverse("stats"), {"from": "2025-01-01", "to": "2025-12-31"}).json()
    assert api["aid_paid"] == "2500.00" and api["aid_recipients"] == 1
    assert api["aid_paid_by_kind"]["金秋助学"] == "2000.00"


def test_dashboard_shows_the_aid_section(aid, client, alice):
    client.force_login(alice)
    page = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    assert 'data-figure="aid_paid" data-value="2500.00"' in page
    assert "2,500.00" in page and 'data-aid-kind="金秋助学"' in page


def test_dashboard_section_is_scoped(aid, client, charlie):
    client.force_login(charlie)
    page = client.get(reverse("reports:dashboard"), {"year": 2025}).content.decode()
    assert 'data-figure="aid_paid" data-value="0.00"' in page
    assert 'data-aid-kind="金秋助学"' not in page
