"""Join links and QR codes. A union's join link carries a signed code for the union, so links
cannot be made up for other unions by counting, and a printed poster stays valid."""

import io

import segno
from django.conf import settings
from django.core import signing
from django.urls import reverse

from gonghui.core.models import Organisation, OrgStatus

_join_signer = signing.Signer(salt="gonghui.portal.join", sep=".")


def accepts_members(union: Organisation) -> bool:
    return union.admits_members and union.status == OrgStatus.ACTIVE


def join_code(union: Organisation) -> str:
    return _join_signer.sign(str(union.pk))


def union_for_code(code: str) -> Organisation | None:
    """The union a join code names, if it still takes members; None for a bad or stale code."""
    try:
        pk = int(_join_signer.unsign(code))
    except (signing.BadSignature, ValueError):
        return None
    return (
        Organisation.objects.admitting_members()
        .filter(pk=pk, status=OrgStatus.ACTIVE)
        .select_related("county")
        .first()
    )


def absolute_url(request, path: str) -> str:
    """For QR codes: the configured public address when there is one (a poster printed from the
    intranet must still work on a phone), else the request's own."""
    base = settings.GONGHUI_PORTAL_BASE_URL.rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def join_url(request, union: Organisation) -> str:
    return absolute_url(request, reverse("portal:join", args=[join_code(union)]))


def qr(data: str):
    return segno.make(data, error="m")


def qr_bytes(data: str, kind: str) -> bytes:
    """The QR code as a PNG or SVG file (segno writes both without Pillow)."""
    buffer = io.BytesIO()
    qr(data).save(buffer, kind=kind, scale=10, border=4)
    return buffer.getvalue()


def qr_inline_svg(data: str, scale: int = 6) -> str:
    """An <svg> element to put in a page."""
    # A viewBox instead of a fixed size, so the page's CSS scales it without cropping.
    return qr(data).svg_inline(scale=scale, border=4, omitsize=True)
