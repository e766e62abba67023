"""Yuan: Decimal with two places, never a float. Every module's money columns use these, and
every service reads an amount through `parse_yuan` (one behaviour, one set of messages)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

MONEY = {"max_digits": 14, "decimal_places": 2}
ZERO = Decimal("0.00")
CENT = Decimal("0.01")  # the quantum of a yuan amount


def money_field(verbose_name, **kwargs) -> models.DecimalField:
    """Yuan with two places; never a float."""
    return models.DecimalField(verbose_name, **MONEY, **kwargs)


def yuan(value) -> Decimal:
    """A sum read from the database (None when there were no rows) as yuan with two places."""
    return (value or ZERO).quantize(CENT)


# ---------------------------------------------------------------------------------------------
# Reading a yuan amount typed by a person, sent by the API or found in a spreadsheet cell
# ---------------------------------------------------------------------------------------------
# One parser with one behaviour for every module: blank is refused unless the field is optional
# (then it is nought), at most two places and never rounded, floats refused (they are not
# exact; a spreadsheet's numeric cell is read with `from_cell=True`), no negative amounts, and
# nothing a money column cannot hold. Messages name the field and echo at most a few characters.

LIMIT = Decimal("1e12")  # money_field holds 12 digits before the point
ECHO = 20  # characters of a bad value shown back
_STRIP = str.maketrans({",": None, "，": None, "元": None, "¥": None, "￥": None, " ": None})
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")


def _echo(value) -> str:
    text = str(value)
    return text if len(text) <= ECHO else text[:ECHO] + "…"


def _from_float(value: float) -> Decimal:
    """A spreadsheet number: its shortest decimal form. Binary noise (0.30000000000000004) is
    not a third place; a real third place is refused like any other."""
    amount = Decimal(repr(value))
    near = amount.quantize(CENT)
    return near if abs(amount - near) < Decimal("1e-9") else amount


def parse_yuan(
    value,
    *,
    label=None,
    field: str | None = None,
    required: bool = True,
    positive: bool = False,
    from_cell: bool = False,
) -> Decimal:
    """`value` as yuan with two places, or a ValidationError naming `label` (keyed by `field`
    when given, so a form shows it beside the field). "1,200.50", "1200元" and full-width digits
    are read as a person means them."""
    label = _("金额") if label is None else label  # "" for a cell: its column names it

    def refuse(message):
        raise ValidationError({field: message} if field else message)

    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            refuse(_("请填写%(label)s") % {"label": label})
        return ZERO
    if isinstance(value, bool) or (isinstance(value, float) and not from_cell):
        refuse(_("%(label)s须为精确金额（字符串或 Decimal），不能是浮点数") % {"label": label})
    try:
        if isinstance(value, float):
            amount = _from_float(value)
        else:
            amount = Decimal(str(value).translate(_FULL_WIDTH).translate(_STRIP))
        if amount.is_nan():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        refuse(
            _("%(label)s“%(value)s”不是金额，应为数字（元，最多两位小数），如 1200.50")
            % {"label": label, "value": _echo(value)}
        )
    if not amount.is_finite() or abs(amount) >= LIMIT:
        refuse(_("%(label)s过大（超出范围），不能超过一万亿元") % {"label": label})
    if amount != amount.quantize(CENT):
        refuse(_("%(label)s最多保留两位小数（精确到分）") % {"label": label})
    if positive and amount <= 0:
        refuse(_("%(label)s应大于 0 元") % {"label": label})
    if amount < 0:
        refuse(_("%(label)s不能为负数") % {"label": label})
    return amount.quantize(CENT)


def collect_yuan(value, *, field: str, errors: dict, **options) -> Decimal | None:
    """parse_yuan for services that gather every problem first: the message goes under
    `field` in `errors` and the result is None."""
    try:
        return parse_yuan(value, **options)
    except ValidationError as exc:
        errors[field] = exc.messages[0]
        return None


def format_yuan(value) -> str:
    """An amount as messages show it: two places, no grouping (as typed back into a form)."""
    return f"{(value or ZERO).quantize(CENT)}"
