"""Storing a workforce document (评议纪要, 命名文件, 撤销文件): checked by core.uploads, stored in
private storage under a random name, audited. The caller has checked who may attach it."""

from gonghui.core.uploads import check_upload, store_document
from gonghui.workforce.models import WorkforceDocument


def attach(*, actor, upload, kind: str, **owner) -> WorkforceDocument:
    """`owner` is one of nomination=, studio=, honour=."""
    checked = check_upload(upload)
    name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1][:200]
    document = WorkforceDocument(
        kind=kind[:50], original_name=name, content_type=checked.content_type,
        size=checked.size, sha256=checked.sha256, uploaded_by=actor, **owner,
    )  # fmt: skip
    store_document(actor=actor, document=document, name=name, upload=upload)
    return document
