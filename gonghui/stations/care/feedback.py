"""Workers' feedback (职工评价): a rating 1–5 and a comment left in the portal, answered by the
keeper within GONGHUI_STATION_FEEDBACK_HOURS (late ones are flagged)."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.audit import record_change
from gonghui.core.models import AuditAction
from gonghui.stations import checks
from gonghui.stations.models import Feedback


def leave_feedback(*, station, person_hash: str, rating, comment="") -> Feedback:
    errors: dict = {}
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        errors["rating"] = _("请选择 1 到 5 星")
    comment = checks.text({"comment": comment}, "comment", _("意见"), 500, errors)
    checks.raise_if(errors)
    item = Feedback.objects.create(
        station=station, rating=rating, comment=comment, person_hash=person_hash,
        created_at=timezone.now(),
    )  # fmt: skip
    record_change(actor=None, action=AuditAction.CREATE, obj=item, after=audit.snapshot(item))
    return item


@transaction.atomic
def answer_feedback(*, actor, feedback: Feedback, answer: str) -> Feedback:
    feedback = (
        Feedback.objects.select_for_update(of=("self",))
        .select_related("station")
        .get(pk=feedback.pk)
    )
    checks.ensure_may_keep(actor, feedback.station)
    errors: dict = {}
    answer = checks.text({"answer": answer}, "answer", _("答复"), 500, errors, required=True)
    checks.raise_if(errors)
    before = audit.snapshot(feedback)
    feedback.answer, feedback.answered_at, feedback.answered_by = answer, timezone.now(), actor
    audit.saved(feedback, actor=actor, before=before)
    return feedback


def answer_due(feedback: Feedback) -> datetime.datetime:
    return feedback.created_at + datetime.timedelta(hours=settings.GONGHUI_STATION_FEEDBACK_HOURS)


def is_late(feedback: Feedback, now=None) -> bool:
    now = now or timezone.now()
    answered = feedback.answered_at
    return (answered or now) > answer_due(feedback)
