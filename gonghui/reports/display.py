"""How figures read to a person: rates as percentages, organisations by kind spelled out."""

from decimal import Decimal

from django.utils.translation import gettext as _

from gonghui.core import figures
from gonghui.core.models import OrgKind
from gonghui.registry.choices import EmploymentForm
from gonghui.registry.figures import RATES

# Dict figures shown as a total and one row per key (the keys are codes, spelled out here).
BREAKDOWN_KEYS = ("orgs_by_kind", "members_new_form_by_form")
# Keys whose values are shares (0..1), or dicts of shares, shown as percentages. Later modules
# add theirs (register_rate_keys) from their AppConfig.ready, as they register their figures.
RATE_KEYS = set(RATES)


def register_rate_keys(*keys: str) -> None:
    RATE_KEYS.update(keys)


def percent(value: float) -> str:
    return f"{value * 100:.2f}%"


def text(key: str, value) -> str:
    if key in RATE_KEYS:
        if isinstance(value, dict):
            return "，".join(f"{k} {percent(v)}" for k, v in value.items())
        return percent(value)
    if isinstance(value, dict):
        return "，".join(f"{kind_label(k)} {n:,}" for k, n in value.items() if n) or "0"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def kind_label(code: str) -> str:
    """An organisation kind's or an employment form's code spelled out; other keys (already
    names, as aid's and rights' breakdowns) as they are."""
    for choices in (OrgKind, EmploymentForm):
        try:
            return str(choices(code).label)
        except ValueError:
            continue
    return code


def rows(values: dict) -> list[tuple[str, str]]:
    """(label, text) per figure, in the providers' order; organisations one row per kind, new-form
    members one row per form."""
    labels = figures.labels()
    result = []
    for key, value in values.items():
        if key in BREAKDOWN_KEYS:
            result.append((str(labels.get(key, key)), text(key, sum(value.values()))))
            result += [(f"  {kind_label(k)}", text(k, n)) for k, n in value.items()]
        else:
            result.append((str(labels.get(key, key)), text(key, value)))
    return result


def scope_name(org) -> str:
    return org.name if org is not None else _("全部")
