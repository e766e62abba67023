"""Helpers of the programme and application tests (not fixtures of the feature under test: rows
the tests need around it are written directly)."""

import datetime
from decimal import Decimal

from gonghui.aid.models import Document, HardshipFile
from gonghui.aid.programmes import applications
from gonghui.registry.services import create_member


def file_household(county, member=None, status="filed") -> HardshipFile:
    member = member or county.member_a
    return HardshipFile.objects.create(
        member=member,
        union=member.union,
        causes="illness",
        household_size=3,
        monthly_income=Decimal("1500.00"),
        local_line=Decimal("800.00"),
        status=status,
        filed_on=datetime.date.today(),
        reviewed_on=datetime.date.today(),
    )


def attach(application, kind: str) -> Document:
    """A document row of `kind` (its file is not needed by the rules)."""
    return Document.objects.create(
        application=application,
        kind=kind,
        upload="aid/test",
        original_name=f"{kind}.pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
    )


def second_member_a(county, name="王甲强"):
    return create_member(
        actor=None,
        name=name,
        id_number="420324198807150019",
        phone="13600000002",
        union=county.union_a,
        employer=county.employer_a,
        joined_on=datetime.date(2024, 1, 1),
    )


def submitted(county, programme, *, clerk, amount="1500.00", member=None):
    """An application of member_a entered and sent to review by `clerk`."""
    application = applications.apply(
        programme=programme,
        member=member or county.member_a,
        amount_requested=Decimal(amount),
        reason_text="子女上大学",
        bank_account="6222 0212 3456 7890",
        actor=clerk,
    )
    for kind in programme.document_kinds:
        attach(application, kind)
    return applications.submit(actor=clerk, application=application)
