"""Helpers of the rights portal and cases API tests: a worker signed in the way a phone does, a
valid PNG, and cases moved along their life cycle directly (fixtures, not the feature)."""

import re
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.core import sms
from gonghui.rights.choices import CaseStatus
from gonghui.rights.models import Counsel
from gonghui.rights.tests.conftest import make_case

RIDER_PHONE = "13700006666"  # a delivery rider, no membership
MEMBER_A_PHONE = "13812345678"  # member_a 张甲明 (gonghui/conftest.py)
OTHER_PHONE = "13900000011"  # make_case's default phone


def png_bytes() -> bytes:
    """A valid 1x1 PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def png_upload(name="欠条.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def html_upload(name="证据.html") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"<html><script>alert(1)</script></html>", "text/html")


def sign_in(client, phone: str) -> None:
    """Through the views, as a phone does: the number, then the texted code."""
    response = client.post(reverse("portal:signin"), {"phone": phone})
    assert response.status_code == 302
    code = re.search(r"\d{6}", sms.outbox[-1].text).group()
    response = client.post(reverse("portal:signin_code"), {"code": code})
    assert response.status_code == 302


def counsel_of(user) -> Counsel:
    return Counsel.objects.get(user=user)


def case_in(county, status: str, *, counsel=None, **fields):
    """A town-A case standing in `status` (with the dates and counsel that status implies)."""
    from django.utils import timezone

    now = timezone.now()
    at = {
        CaseStatus.ACCEPTED: ["accepted_at"],
        CaseStatus.ASSIGNED: ["accepted_at", "assigned_at"],
        CaseStatus.MEDIATING: ["accepted_at", "assigned_at", "mediation_at"],
    }
    outcome_statuses = (
        CaseStatus.AGREEMENT,
        CaseStatus.ARBITRATION,
        CaseStatus.LITIGATION,
        CaseStatus.WITHDRAWN,
    )
    stamps = {name: now for name in at.get(status, [])}
    if status in outcome_statuses:
        stamps.update(outcome=status, outcome_at=now)
    if status == CaseStatus.CLOSED:
        stamps.update(outcome=CaseStatus.AGREEMENT, outcome_at=now, closed_at=now)
    return make_case(county, status=status, counsel=counsel, **stamps, **fields)
