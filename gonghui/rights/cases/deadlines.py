"""How long each stage of a case may take before it is flagged overdue (days, from entering the
stage). Defaults follow practice: legal-aid review within 3 working days, a mediation within 15
days (劳动争议调解仲裁法 第十四条); a county may set its own in settings.GONGHUI_CASE_DEADLINES."""

import datetime

from django.conf import settings

from gonghui.rights.choices import CaseStatus

DEFAULT_DAYS = {
    CaseStatus.RECEIVED: 3,  # accept or decline
    CaseStatus.ACCEPTED: 2,  # assign a lawyer or mediator
    CaseStatus.ASSIGNED: 5,  # start the mediation
    CaseStatus.MEDIATING: 15,  # reach an outcome
    CaseStatus.AGREEMENT: 10,  # close (after the agreement is carried out)
    CaseStatus.ARBITRATION: 10,  # close (after the referral)
    CaseStatus.LITIGATION: 10,
    CaseStatus.WITHDRAWN: 10,
}


def stage_days() -> dict:
    return {**DEFAULT_DAYS, **getattr(settings, "GONGHUI_CASE_DEADLINES", {})}


def due_on(status: str, day: datetime.date) -> datetime.date | None:
    """The deadline of a stage entered on `day`; None for a final status."""
    days = stage_days().get(status)
    return None if days is None else day + datetime.timedelta(days=days)
