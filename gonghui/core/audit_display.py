"""The audit log as people read it: a field's Chinese name (never its code name), a choice's
label, a list as a list, a time in Asia/Shanghai, money with two places, a file's checksum as
文件校验值 and any whole ID or mobile number masked, however an entry was written (older entries
keep codes, UTC times and raw lists that newer snapshots already turn into display values).

A model may add `audit_value_choices = {"field": TextChoices}` for a field that stores several
codes comma-joined (e.g. a hardship file's causes)."""

import datetime
import re
from decimal import Decimal, InvalidOperation

from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.core.validators import mask_mobile, mask_resident_id

# Names of pseudo-fields the services write (not model fields), and of fields with no Chinese name.
PSEUDO_LABELS = {
    "role": gettext_lazy("角色"),
    "user": gettext_lazy("用户"),
    "towns": gettext_lazy("包干乡镇"),
    "industries": gettext_lazy("包干行业"),
    "sha256": gettext_lazy("文件校验值"),
    "point": gettext_lazy("服务点"),
    "phone": gettext_lazy("手机号"),
    "id_number": gettext_lazy("公民身份号码"),
}
OTHER = gettext_lazy("其他信息")
CHECKSUMS = frozenset({"sha256"})

# A UTC time as str(datetime) or isoformat wrote it: 2026-12-05 17:56:07.525623+00:00.
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)$")
WHOLE_ID = re.compile(r"(?<![0-9A-Za-z*])\d{17}[\dXx](?![0-9A-Za-z])")
WHOLE_MOBILE = re.compile(r"(?<![0-9*])1[3-9]\d{9}(?![0-9])")


def field_of(model, name: str):
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except Exception:  # a field since removed, or a pseudo-field
        return None


def label_of(model, name: str) -> str:
    field = field_of(model, name)
    if field is not None:
        label = str(getattr(field, "verbose_name", "") or "")
        if label and not label.isascii():
            return label
    if name in PSEUDO_LABELS:
        return str(PSEUDO_LABELS[name])
    if not name.isascii():
        return name  # the services' own Chinese pseudo-fields: 家庭成员, 渠道, 导出 …
    return str(OTHER)


def mask_text(text: str) -> str:
    text = WHOLE_ID.sub(lambda m: mask_resident_id(m.group(0)), text)
    return WHOLE_MOBILE.sub(lambda m: mask_mobile(m.group(0)), text)


def _time(value: str) -> str | None:
    if not DATETIME.match(value):
        return None
    moment = parse_datetime(value.replace("Z", "+00:00"))
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S")


def _money(value) -> str | None:
    try:
        return f"{Decimal(str(value)).quantize(Decimal('0.01')):.2f}"
    except (InvalidOperation, ValueError):
        return None


def _choice(field, value):
    choices = dict(getattr(field, "flatchoices", None) or ())
    if value in choices:
        return str(choices[value])
    if isinstance(value, str) and value.lstrip("-").isdigit() and int(value) in choices:
        return str(choices[int(value)])
    return None


def readable(model, name: str, value):
    """The value as a person reads it: a string, or a list of strings for a list."""
    if value is None or value == "" or value == []:
        return "—"
    if value is True:
        return _("是")
    if value is False:
        return _("否")
    if isinstance(value, list | tuple):
        return [_scalar(model, name, item) for item in value]
    if isinstance(value, dict):
        return [f"{label_of(model, k)}：{_scalar(model, k, v)}" for k, v in value.items()]
    return _scalar(model, name, value)


def _scalar(model, name: str, value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if name in CHECKSUMS and isinstance(value, str):
        return value[:12] + "…" if len(value) > 12 else value
    field = field_of(model, name)
    if field is not None:
        if getattr(field, "choices", None):
            label = _choice(field, value)
            if label is not None:
                return label
        multi = getattr(model, "audit_value_choices", {}).get(name)
        if multi is not None and isinstance(value, str):
            labels = dict(multi.choices)
            return "、".join(str(labels.get(code, code)) for code in value.split(",") if code)
        if isinstance(field, models.DecimalField):
            money = _money(value)
            if money is not None:
                return money
    if isinstance(value, Decimal):
        return _money(value) or str(value)
    text = str(value)
    return _time(text) or mask_text(text)


def readable_changes(entry) -> list[dict]:
    """[{label, before, after}] of an entry; before/after a string or a list of strings."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    rows = []
    for name, (before, after) in _pairs(entry.changes):
        shown = readable(model, name, before), readable(model, name, after)
        if shown[0] == shown[1]:  # None → "" on a new record: nothing a reader would see
            continue
        rows.append({"label": label_of(model, name), "before": shown[0], "after": shown[1]})
    return rows


def _pairs(changes):
    for name, pair in (changes or {}).items():
        if isinstance(pair, list | tuple) and len(pair) == 2:
            yield name, pair
        else:  # not a [before, after] pair: show it as what it became
            yield name, (None, pair)


def record_url(entry) -> str | None:
    """The page of the entry's record, when its model has one addressed by its id alone (no
    query: the page itself checks the reader's scope)."""
    model = entry.content_type.model_class() if entry.content_type_id else None
    if model is None or not hasattr(model, "get_absolute_url"):
        return None
    try:
        pk = model._meta.pk.to_python(entry.object_id)
        url = model(pk=pk).get_absolute_url()
    except Exception:  # the URL needs more than the id (a related record): no link
        return None
    return url if url and "None" not in url else None
