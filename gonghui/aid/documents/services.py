"""Attaching and removing uploaded documents (证明材料) of hardship files and aid applications.

`actor=None` means the worker through the portal (the portal view has checked that the owner is
theirs); staff need an editing role at the owner's union. Documents change only while the owner is
still being prepared: a hardship file pending, returned or on file (for the yearly review), an
application waiting for its grassroots union. The file goes to private storage under a random
name; the row keeps the original name, the checked type and size and a SHA-256.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.aid.choices import AidStatus, HardshipStatus
from gonghui.aid.models import AidApplication, Document, HardshipFile
from gonghui.core.scoping import OUT_OF_SCOPE, may_edit_org
from gonghui.core.uploads import check_upload, discard_document, store_document

OTHER_KIND = "其他材料"
FILE_OPEN = (HardshipStatus.PENDING, HardshipStatus.RETURNED, HardshipStatus.FILED)


def kinds_for(owner) -> list[str] | None:
    """The kinds an application accepts (its programme's list and "其他材料"); None: free text."""
    if isinstance(owner, AidApplication):
        return [*owner.programme.document_kinds, OTHER_KIND]
    return None


def _check_owner(actor, owner) -> None:
    if actor is not None and not may_edit_org(actor, owner.union):
        raise PermissionDenied(OUT_OF_SCOPE)
    if isinstance(owner, HardshipFile):
        if owner.status not in FILE_OPEN:
            raise ValidationError(
                {
                    "upload": _("档案状态为“%(s)s”，不能再更改材料")
                    % {"s": owner.get_status_display()}
                }
            )
    elif isinstance(owner, AidApplication):
        if owner.status != AidStatus.AWAITING_UNION:
            raise ValidationError(
                {
                    "upload": _("申请已提交审核（%(s)s），不能再更改材料")
                    % {"s": owner.get_status_display()}
                }
            )
    else:
        raise TypeError(f"documents belong to a hardship file or an application, not {owner!r}")


def _check_kind(owner, kind: str) -> str:
    kind = (kind or "").strip()
    if not kind:
        raise ValidationError({"kind": _("请填写材料类型")})
    allowed = kinds_for(owner)
    if allowed is not None and kind not in allowed:
        raise ValidationError(
            {"kind": _("材料类型“%(k)s”不在本项目所需材料之列（可选：%(all)s）")
             % {"k": kind, "all": "、".join(allowed)}}
        )  # fmt: skip
    if len(kind) > Document._meta.get_field("kind").max_length:
        raise ValidationError({"kind": _("材料类型过长")})
    return kind


@transaction.atomic
def attach_document(*, actor, owner, kind: str, upload) -> Document:
    _check_owner(actor, owner)
    kind = _check_kind(owner, kind)
    checked = check_upload(upload)
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = Document(
        file=owner if isinstance(owner, HardshipFile) else None,
        application=owner if isinstance(owner, AidApplication) else None,
        kind=kind,
        original_name=name,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        uploaded_by=actor,
    )
    store_document(actor=actor, document=document, name=name, upload=upload)
    return document


@transaction.atomic
def delete_document(*, actor, document: Document) -> None:
    owner = document.owner
    _check_owner(actor, owner)
    discard_document(actor=actor, document=document)
