"""Uploaded documents (证明材料), for every module that takes them.

What one must be before it is stored: a JPEG, PNG or PDF, decided
by the file's own first bytes, not by its name or by what the browser says it is, and the name
must agree. Anything else (HTML, SVG, programs, archives) is refused, as is an empty or oversize
file. An optional scanner (settings.GONGHUI_UPLOAD_SCANNER) gets the bytes last."""

import hashlib
import uuid
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import transaction
from django.http import FileResponse, Http404
from django.utils.deconstruct import deconstructible
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from gonghui.core import audit
from gonghui.core.models import AuditAction

# Magic bytes -> (content type, the extensions a file of that type may carry).
SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
    (b"%PDF-", "application/pdf", (".pdf",)),
)
ACCEPT = ".jpg,.jpeg,.png,.pdf"  # for <input accept=…>; the check below is what counts


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    size: int
    sha256: str
    extension: str


def sniff(head: bytes) -> tuple[str, tuple[str, ...]] | None:
    for magic, content_type, extensions in SIGNATURES:
        if head.startswith(magic):
            return content_type, extensions
    return None


def read_all(upload) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def check_upload(upload) -> CheckedUpload:
    """Raise ValidationError({"upload": …}) naming the file and the reason, or describe it."""
    name = PurePath(upload.name or "").name
    extension = PurePath(name.lower()).suffix

    def refuse(reason):
        raise ValidationError(
            {"upload": _("文件“%(name)s”%(reason)s") % {"name": name, "reason": reason}}
        )

    limit = settings.GONGHUI_UPLOAD_MAX_BYTES
    size = upload.size or 0
    if size <= 0:
        refuse(_("是空文件"))
    if size > limit:
        refuse(_("超过大小上限 %(mb).1f MB") % {"mb": limit / 1024 / 1024})
    data = read_all(upload)
    found = sniff(data[:16])
    if found is None:
        refuse(_("不是 JPG、PNG 或 PDF 文件（按文件内容判断），不能上传"))
    content_type, extensions = found
    if extension not in extensions:
        refuse(
            _("的扩展名“%(ext)s”与文件内容（%(type)s）不符")
            % {"ext": extension or _("无"), "type": content_type}
        )
    scan(data, refuse)
    return CheckedUpload(
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        extension=extension,
    )


def scan(data: bytes, refuse) -> None:
    dotted = getattr(settings, "GONGHUI_UPLOAD_SCANNER", "")
    if not dotted:
        return
    scanner = import_string(dotted)
    try:
        scanner(data)
    except ValueError as finding:
        refuse(_("未通过病毒扫描：%(finding)s") % {"finding": finding})


class PrivateFileSystemStorage(FileSystemStorage):
    """The default backend of the named storage "private" (settings.STORAGES): files outside the
    web root (settings.GONGHUI_PRIVATE_ROOT), under random names. Never under MEDIA_URL or
    STATIC_URL: no URL reaches them except a module's scoped view."""

    def __init__(self, **kwargs):
        super().__init__(location=None, base_url=None)

    @property
    def base_location(self):
        return settings.GONGHUI_PRIVATE_ROOT

    @property
    def location(self):
        return str(settings.GONGHUI_PRIVATE_ROOT)

    def url(self, name):
        raise ValueError("private files have no URL: serve them through a scoped view")


@deconstructible
class PrivateStorage(Storage):
    """Whatever settings.STORAGES["private"] names (local disk, or an S3-compatible bucket
    through django-storages), looked up at each use, so that file fields and migrations name
    this class and never a backend, and a settings change (or a test's) takes effect at once."""

    @property
    def backend(self) -> Storage:
        return storages["private"]

    def open(self, name, mode="rb"):
        return self.backend.open(name, mode)

    def save(self, name, content, max_length=None):
        return self.backend.save(name, content, max_length=max_length)

    def generate_filename(self, filename):
        return self.backend.generate_filename(filename)

    def get_available_name(self, name, max_length=None):
        return self.backend.get_available_name(name, max_length=max_length)

    def get_valid_name(self, name):
        return self.backend.get_valid_name(name)

    def delete(self, name):
        return self.backend.delete(name)

    def exists(self, name):
        return self.backend.exists(name)

    def listdir(self, path):
        return self.backend.listdir(path)

    def size(self, name):
        return self.backend.size(name)

    def url(self, name):
        return self.backend.url(name)

    def path(self, name):
        return self.backend.path(name)

    def get_modified_time(self, name):
        return self.backend.get_modified_time(name)

    def get_created_time(self, name):
        return self.backend.get_created_time(name)

    def get_accessed_time(self, name):
        return self.backend.get_accessed_time(name)


private_storage = PrivateStorage()


def random_name(prefix: str) -> str:
    # The stored name says nothing about the person or the original file.
    return f"{prefix}/{uuid.uuid4().hex}"


def attachment(upload, *, filename: str, content_type: str) -> FileResponse:
    """A stored file as an attachment under its original name, with the type recorded when it
    was checked and `nosniff`, so a browser never renders it as a page."""
    try:
        stream = upload.open("rb")
    except FileNotFoundError as missing:
        raise Http404(_("文件已不在存储中")) from missing
    response = FileResponse(
        stream, as_attachment=True, filename=filename, content_type=content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def store_document(*, actor, document, name: str, upload) -> None:
    """Save a checked upload's file and its row (built by the caller, not yet saved), audited.

    No row, no file: should the row or its audit entry fail, the stored file is removed again.
    (Should an outer transaction roll back later, the file is left under a random name nothing
    points to: harmless, and swept by whoever cleans the store.)"""
    document.upload.save(name, upload, save=False)
    try:
        document.save()
        audit.record_change(
            actor=actor, action=AuditAction.CREATE, obj=document, after=audit.snapshot(document)
        )
    except Exception:
        private_storage.delete(document.upload.name)
        raise


def discard_document(*, actor, document) -> None:
    """Delete a stored document's row, audited; its file goes once the row is gone for good."""
    stored = document.upload.name
    audit.record_change(
        actor=actor, action=AuditAction.DELETE, obj=document, before=audit.snapshot(document)
    )
    document.delete()
    transaction.on_commit(lambda: private_storage.delete(stored))
