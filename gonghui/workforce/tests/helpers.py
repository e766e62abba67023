"""Fixtures of the workforce tests: a county kind and an open cycle, a nomination ready to send."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.workforce.choices import Level, Position, Subject
from gonghui.workforce.honours import nominations, services

PDF = b"%PDF-1.4\n%minutes\n"


def minutes(name="纪要.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def make_kind(county, **overrides):
    fields = dict(
        code="LM", name="县劳动模范", level=Level.COUNTY, subject=Subject.INDIVIDUAL,
        cycle_years=3, certificate_format="LM{year}-{seq:03d}", yearly_allowance="1200.00",
    )  # fmt: skip
    fields.update(overrides)
    return services.create_kind(actor=None, organisation=county.county, **fields)


def make_cycle(county, year=2026, kind=None):
    return services.create_cycle(actor=None, kind=kind or make_kind(county), year=year)


def nominate(cycle, member, actor, *, position=Position.FRONT_LINE, submit=True):
    nomination = nominations.create_nomination(
        actor=actor, cycle=cycle, union=member.union, member=member, position=position,
        deeds="技术革新二十项", appraised_on=datetime.date(2026, 3, 1), voters=50, votes_for=45,
    )  # fmt: skip
    nominations.attach_minutes(actor=actor, nomination=nomination, upload=minutes())
    if submit:
        nominations.submit(actor=actor, nomination=nomination)
        nomination.refresh_from_db()
    return nomination


def id_number(serial: int, *, female: bool = False) -> str:
    """A valid resident ID number (birth 1990-05-05), men odd and women even in the 17th digit."""
    from gonghui.core.validators import resident_id_check_char

    seq = f"{serial % 100:02d}{(serial * 2 + (0 if female else 1)) % 10}"
    first17 = f"42032419900505{seq}"
    return first17 + resident_id_check_char(first17)
