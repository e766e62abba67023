"""`{% export_menu %}`: the 导出 drop-down of a list page, exporting what its filters show."""

from django import template

from gonghui.core.roles import REVEAL_ROLES
from gonghui.core.scoping import holds_role
from gonghui.core.sealed_search import query_of

register = template.Library()


@register.inclusion_tag("registry/includes/export_menu.html", takes_context=True)
def export_menu(context, personal: bool = False) -> dict:
    """`personal`: the list holds masked personal data; the clear variants are offered to users
    holding a revealing role (the export itself checks every row)."""
    request = context["request"]

    def url(**extra) -> str:
        params = query_of(request).copy()
        for key in ("after", "before", "export", "reveal"):
            params.pop(key, None)
        params.update(extra)
        return "?" + params.urlencode()

    links = {"xlsx_url": url(export="xlsx"), "csv_url": url(export="csv")}
    if personal and holds_role(request.user, REVEAL_ROLES):
        links["reveal_xlsx_url"] = url(export="xlsx", reveal="1")
        links["reveal_csv_url"] = url(export="csv", reveal="1")
    return links
