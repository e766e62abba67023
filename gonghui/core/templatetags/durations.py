"""A length of time as a person reads it: 30 分钟, 2 小时, 1 小时 30 分钟."""

import datetime

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def chinese_duration(value: datetime.timedelta) -> str:
    minutes = max(1, round(value.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(_("%(n)d 小时") % {"n": hours})
    if minutes:
        parts.append(_("%(n)d 分钟") % {"n": minutes})
    return " ".join(parts)
