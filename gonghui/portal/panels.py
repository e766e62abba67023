"""The join-QR panel on a union's detail page (registered with core in PortalConfig.ready)."""

from django.urls import reverse

from gonghui.portal import links


def join_panel(request, organisation) -> dict | None:
    """Unions that take members get a join link; the detail view has already scoped the page."""
    if not links.accepts_members(organisation):
        return None
    code = links.join_code(organisation)
    return {
        "join_url": links.join_url(request, organisation),
        "png_url": reverse("portal:join_qr_png", args=[code]),
        "svg_url": reverse("portal:join_qr_svg", args=[code]),
        "poster_url": reverse("portal:join_poster", args=[code]),
    }
