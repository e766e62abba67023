"""The declared logic checks (逻辑校验) over a return's values. A rule compares the sum of its left
codes with the sum of its right codes; a rule naming a code the return does not hold (an
indicator of the other form) does not apply to it. Each failure is one Chinese sentence naming
the indicators and their values."""

from decimal import Decimal

from django.utils.translation import gettext as _

from gonghui.returns.choices import Op

COMPARE = {
    Op.LE: lambda a, b: a <= b,
    Op.GE: lambda a, b: a >= b,
    Op.EQ: lambda a, b: a == b,
}
NEGATION = {Op.LE: "大于", Op.GE: "小于", Op.EQ: "不等于"}


def codes(expression: str) -> list[str]:
    return [part.strip() for part in expression.split("+") if part.strip()]


def _number(value) -> str:
    value = Decimal(str(value))
    return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"


def _side(parts, cells) -> tuple[Decimal, str]:
    total = sum((Decimal(str(cells[c][1])) for c in parts), Decimal(0))
    names = "＋".join(f"{cells[c][0]}（{c}）{_number(cells[c][1])}" for c in parts)
    return total, names


def failures(rules, cells: dict) -> list[str]:
    """`cells`: {code: (label, value or None)}. Messages of the rules that fail."""
    messages = []
    for rule in rules:
        left, right = codes(rule.left), codes(rule.right)
        if not left or not right or any(c not in cells for c in left + right):
            continue
        missing = [c for c in left + right if cells[c][1] is None]
        if missing:
            messages.append(_("无法校验“%(r)s”：%(m)s 未填写") % {
                "r": rule.note or str(rule),
                "m": "、".join(f"{cells[c][0]}（{c}）" for c in missing),
            })  # fmt: skip
            continue
        (a, left_text), (b, right_text) = _side(left, cells), _side(right, cells)
        if not COMPARE[rule.op](a, b):
            messages.append(_("%(l)s %(n)s %(r)s：%(why)s") % {
                "l": left_text, "n": NEGATION[rule.op], "r": right_text,
                "why": rule.note or _("不符合逻辑校验"),
            })  # fmt: skip
    return messages
