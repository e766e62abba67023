"""Ledgers: money (and later points) paid out as rows that are only ever added, never a balance
that is changed. One abstract row and one pay-once writer serve every ledger of every module:
aid's payments, claim payments, refund payments and redemptions; points, allowances and studio
grants when they come.

How a row is written (`pay_once`), in this order, inside the caller's transaction:
1. the caller has locked the parent row whose limit the sum is checked against (the programme,
   the claim, the refund, the offer): every write against that limit queues there;
2. a request that carries an idempotency key already used is answered with the row it wrote —
   only if it is the same request (same parent and same amount), else it is refused;
3. the caller's check runs under the lock: the sum so far plus this amount against the limit;
4. the row is inserted in a savepoint, so that losing a key race to a request on another parent
   (which holds another lock) does not spoil the transaction; the winner's row is then answered
   as in step 2;
5. an audit entry records the row.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core import audit
from gonghui.core.models import AuditAction

KEY_LENGTH = 100


class LedgerRow(models.Model):
    """A row of a ledger. A concrete ledger adds its parent, its amount and its date, and names
    them in `ledger_parent` and `ledger_amount` (what makes two requests "the same")."""

    idempotency_key = models.CharField(
        gettext_lazy("幂等键"), max_length=KEY_LENGTH, null=True, blank=True, unique=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("经办人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    ledger_parent: ClassVar[str]
    ledger_amount: ClassVar[str] = "amount"

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.ledger_parent_row} {getattr(self, self.ledger_amount)} 元"

    @property
    def ledger_parent_row(self) -> models.Model:
        return getattr(self, self.ledger_parent)

    @property
    def audit_org_path(self) -> str:
        """A ledger row is logged where its parent is."""
        return self.ledger_parent_row.audit_org_path

    def is_same_request(self, parent: models.Model, amount: Decimal) -> bool:
        return (
            getattr(self, f"{self.ledger_parent}_id") == parent.pk
            and getattr(self, self.ledger_amount) == amount
        )


def clean_key(value) -> str | None:
    """An idempotency key as the services take it: blank is none; too long is refused."""
    key = str(value or "").strip()
    if not key:
        return None
    if len(key) > KEY_LENGTH:
        raise ValidationError(
            {"idempotency_key": _("幂等键不能超过%(n)d个字符") % {"n": KEY_LENGTH}}
        )
    return key


def replay(model: type[LedgerRow], *, key, parent, amount, conflict: str):
    """The row `key` already wrote when this is the same request; None when the key is new or
    absent; a ValidationError (`conflict`, on the key) when it served a different request."""
    if not key:
        return None
    existing = model.objects.filter(idempotency_key=key).first()
    if existing is None:
        return None
    if not existing.is_same_request(parent, amount):
        raise ValidationError({"idempotency_key": conflict})
    return existing


def pay_once(
    *,
    actor,
    model: type[LedgerRow],
    parent: models.Model,
    amount: Decimal,
    key: str | None,
    conflict: str,
    check: Callable[[], None],
    build: Callable[[], LedgerRow],
) -> LedgerRow:
    """Write one ledger row at most once per key (see the module's docstring for the order).
    `parent` must already be locked by the caller; `check` raises when the sum would pass the
    limit; `build` returns the unsaved row."""
    done = replay(model, key=key, parent=parent, amount=amount, conflict=conflict)
    if done is not None:
        return done
    check()
    row = build()
    row.idempotency_key = key
    try:
        with transaction.atomic():  # a savepoint: losing the key race must not spoil the rest
            row.save()
    except IntegrityError:
        winner = replay(model, key=key, parent=parent, amount=amount, conflict=conflict)
        if winner is None:
            raise
        return winner
    audit.record(actor=actor, action=AuditAction.CREATE, obj=row, after=audit.snapshot(row))
    return row
