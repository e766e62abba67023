"""A list refuses the query parameters it does not take.

A misspelt filter (`?statsu=open`) silently ignored answers with every record, which a client
takes for the filtered list. The parameters an operation takes are exactly those its schema
documents (its filters, the pagination's, its own), so the schema is the list we check against:
what is accepted is what is documented, by construction. `format` (DRF's renderer choice) is
always taken.

`KnownQueryParameters` is the last of the default filter backends, so it runs wherever a view
filters its queryset (lists, and the record look-ups of detail views).
"""

import functools

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

ALWAYS_TAKEN = frozenset({"format"})


@functools.cache
def documented_query_parameters() -> dict[tuple[type, str | None, str], frozenset[str]]:
    """(view class, action, method) → the names of the query parameters its schema documents."""
    from drf_spectacular.generators import SchemaGenerator

    generator = SchemaGenerator()
    paths = generator.get_schema(request=None, public=True)["paths"]
    taken = {}
    for path, _regex, method, view in generator._get_paths_and_endpoints():
        operation = paths.get(path, {}).get(method.lower(), {})
        names = {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        taken[(type(view), getattr(view, "action", None), method)] = frozenset(names)
    return taken


def unknown_parameters(request, view) -> list[str]:
    key = (type(view), getattr(view, "action", None), request.method)
    taken = documented_query_parameters().get(key)
    if taken is None:  # not in the schema (excluded views): nothing to check against
        return []
    return sorted(set(request.query_params) - taken - ALWAYS_TAKEN)


class KnownQueryParameters:
    def filter_queryset(self, request, queryset, view):
        unknown = unknown_parameters(request, view)
        if unknown:
            message = _("不接受的参数：%(names)s（可用的参数见 API 文档）") % {
                "names": "、".join(unknown)
            }
            raise ValidationError({name: [message] for name in unknown})
        return queryset

    def get_schema_operation_parameters(self, view):
        return []
