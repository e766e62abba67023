"""Template helpers of the audit log's pages."""

from django import template

register = template.Library()


@register.filter
def is_list(value) -> bool:
    return isinstance(value, list | tuple)
