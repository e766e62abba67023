"""The founding drive (建会攻坚): the only code that writes contact records. Keyword-only,
atomic, audited; the actor must be able to edit the employer."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction
from gonghui.core.scoping import OUT_OF_SCOPE
from gonghui.registry.choices import ContactMethod, ContactOutcome
from gonghui.registry.models import Employer, FoundingContact


def _may_edit(actor, employer: Employer) -> bool:
    # No actor means the system itself (the demo generator), as in the other services.
    if actor is None:
        return True
    return Employer.objects.editable_by(actor).filter(pk=employer.pk).exists()


def _text(value, name: str, errors: dict) -> str:
    value = (value or "").strip()
    limit = FoundingContact._meta.get_field(name).max_length
    if limit and len(value) > limit:
        errors[name] = _("不能超过%(n)d个字") % {"n": limit}
    return value


def _clean(contact: FoundingContact) -> None:
    """Every problem at once, each under its field."""
    errors: dict = {}
    for name in ("contact_person", "notes", "next_step"):
        setattr(contact, name, _text(getattr(contact, name), name, errors))
    if contact.method not in ContactMethod.values:
        errors["method"] = _("请选择联系方式")
    if contact.outcome not in ContactOutcome.values:
        errors["outcome"] = _("请选择联系结果")
    if not isinstance(contact.contacted_on, datetime.date):
        errors["contacted_on"] = _("请填写联系日期")
    elif contact.contacted_on > timezone.localdate():
        errors["contacted_on"] = _("联系日期不能晚于今天")
    if contact.next_on is not None:
        if not isinstance(contact.next_on, datetime.date):
            errors["next_on"] = _("下次联系日期格式不正确")
        elif "contacted_on" not in errors and contact.next_on < contact.contacted_on:
            errors["next_on"] = _("下次联系日期不能早于本次联系日期")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_contact(
    *,
    actor,
    employer: Employer,
    contacted_on: datetime.date,
    method: str,
    outcome: str,
    contact_person: str = "",
    notes: str = "",
    next_step: str = "",
    next_on: datetime.date | None = None,
) -> FoundingContact:
    """A visit, call or meeting with an employer about founding its union."""
    if not _may_edit(actor, employer):
        raise ValidationError({"employer": OUT_OF_SCOPE})
    contact = FoundingContact(
        employer=employer,
        contacted_on=contacted_on,
        method=method,
        outcome=outcome,
        contact_person=contact_person,
        notes=notes,
        next_step=next_step,
        next_on=next_on,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    _clean(contact)
    contact.save()
    audit.record(actor=actor, action=AuditAction.CREATE, obj=contact, after=audit.snapshot(contact))
    return contact


@transaction.atomic
def delete_contact(*, actor, contact: FoundingContact) -> None:
    """Take back a record entered by mistake; the audit log keeps what it said."""
    contact = FoundingContact.objects.select_related("employer__territory").get(pk=contact.pk)
    if not _may_edit(actor, contact.employer):
        raise ValidationError({"employer": OUT_OF_SCOPE})
    before = audit.snapshot(contact)
    audit.record(actor=actor, action=AuditAction.DELETE, obj=contact, before=before)
    contact.delete()
