"""The member card's QR code: a signed, expiring token carrying the spell's key and nothing
personal. A staff member scans it and the verification page looks the spell up."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member

_card_signer = signing.TimestampSigner(salt="gonghui.portal.card")

VALID = "valid"
EXPIRED = "expired"
INVALID = "invalid"
INACTIVE = "inactive"

VERDICTS = {
    VALID: _("有效：在会会员"),
    EXPIRED: _("二维码已过期，请会员刷新会员卡页面后重新出示"),
    INVALID: _("无效的会员卡二维码"),
    INACTIVE: _("该会籍已不在会"),
}


@dataclass(frozen=True)
class CardCheck:
    verdict: str
    member: Member | None = None

    @property
    def valid(self) -> bool:
        return self.verdict == VALID

    @property
    def message(self) -> str:
        return str(VERDICTS[self.verdict])


def card_token(member: Member) -> str:
    return _card_signer.sign(str(member.pk))


def check_card(token: str) -> CardCheck:
    try:
        pk = int(_card_signer.unsign(token or "", max_age=settings.GONGHUI_CARD_TOKEN_SECONDS))
    except signing.SignatureExpired:
        return CardCheck(EXPIRED)
    except (signing.BadSignature, ValueError):
        return CardCheck(INVALID)
    # The verification page is not scoped to the verifier's organisations: a station keeper
    # anywhere checks any member's card, which the member shows on purpose.
    spells = Member.objects.select_related("union").defer("id_number", "phone")
    member = spells.filter(pk=pk).first()
    if member is None:
        return CardCheck(INVALID)
    if member.status != MemberStatus.ACTIVE:
        return CardCheck(INACTIVE, member)
    return CardCheck(VALID, member)


def mask_name(name: str) -> str:
    """张甲明 -> 张*明, 张三 -> 张*, 欧阳娜娜 -> 欧**娜."""
    name = (name or "").strip()
    if len(name) <= 1:
        return "*" * len(name)
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]
