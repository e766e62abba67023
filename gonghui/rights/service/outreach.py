"""Outreach (普法宣传): lectures, campaigns to employers (法律进企业) and schools (法律进校园),
handbooks distributed. Counted events: what happened, when, where, for how many. The only code
that writes them; a union's clerks and administrators (and those above) record and correct
their own, every write audited."""

from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import lock_for_edit
from gonghui.rights.choices import OutreachKind
from gonghui.rights.models import Outreach
from gonghui.rights.service import checks

FIELDS = ("kind", "title", "date", "place", "employers_reached", "attendees", "handbooks")


def _clean(fields: dict, errors: dict) -> dict:
    values = {
        "kind": checks.choice(fields.get("kind"), "kind", _("活动类型"), OutreachKind, errors),
        "title": checks.text(fields, "title", _("主题"), 200, errors, required=True),
        "date": checks.past_date(fields.get("date"), "date", _("活动日期"), errors),
        "place": checks.text(fields, "place", _("地点"), 200, errors),
        "employers_reached": checks.count(
            fields.get("employers_reached"), "employers_reached", _("覆盖企业数"), errors
        ),
        "attendees": checks.count(fields.get("attendees"), "attendees", _("参加人数"), errors),
        "handbooks": checks.count(fields.get("handbooks"), "handbooks", _("发放手册份数"), errors),
    }
    if (
        values["kind"] == OutreachKind.HANDBOOK
        and not values["handbooks"]
        and not errors.get("handbooks")
    ):
        errors["handbooks"] = _("发放宣传手册请填写发放份数")
    return values


@transaction.atomic
def create_outreach(*, actor, organisation, **fields) -> Outreach:
    errors: dict = {}
    checks.organisation(actor, organisation, errors)
    values = _clean(fields, errors)
    checks.raise_if(errors)
    outreach = Outreach.objects.create(
        organisation=organisation, recorded_by=actor if getattr(actor, "pk", None) else None,
        **values,
    )  # fmt: skip
    audit.record(
        actor=actor, action=AuditAction.CREATE, obj=outreach, after=audit.snapshot(outreach)
    )
    return outreach


@transaction.atomic
def update_outreach(*, actor, outreach: Outreach, **fields) -> Outreach:
    outreach = lock_for_edit(outreach, actor=actor)
    errors: dict = {}
    checks.fixed_organisation(outreach.organisation, fields, errors)
    merged = {name: fields.get(name, getattr(outreach, name)) for name in FIELDS}
    values = _clean(merged, errors)
    checks.raise_if(errors)
    before = audit.snapshot(outreach)
    for name, value in values.items():
        setattr(outreach, name, value)
    outreach.save()
    audit.record(
        actor=actor, action=AuditAction.UPDATE, obj=outreach, before=before,
        after=audit.snapshot(outreach),
    )  # fmt: skip
    return outreach
