"""The member card (会员卡) and the staff page that verifies its QR code."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from gonghui.core.roles import Role
from gonghui.core.scoping import holds_role
from gonghui.portal import cards, links, queries
from gonghui.portal.identity import worker_required


@worker_required
def card(request, pk):
    member = queries.own_spell_or_404(request.worker, pk)
    token = cards.card_token(member)
    verify_url = links.absolute_url(
        request, f"{reverse('portal:verify')}?{urlencode({'t': token})}"
    )
    context = {
        "member": member,
        "qr_svg": links.qr_inline_svg(verify_url, scale=6),
        "valid_minutes": settings.GONGHUI_CARD_TOKEN_SECONDS // 60,
        # Refreshed well before the token expires, so the code shown is always valid.
        "refresh_seconds": max(30, settings.GONGHUI_CARD_TOKEN_SECONDS // 2),
    }
    return render(request, "portal/card.html", context)


def verify(request):
    """Staff only (the login middleware sends others to sign in), any role: a station keeper
    checks a card as well as a clerk. The page names no one beyond the masked name."""
    if not holds_role(request.user, Role.values):
        raise PermissionDenied
    token = request.GET.get("t", "")
    check = cards.check_card(token) if token else None
    member = check.member if check else None
    context = {
        "check": check,
        "masked_name": cards.mask_name(member.name) if member else "",
        "member": member,
    }
    return render(request, "portal/verify.html", context)
