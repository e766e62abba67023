"""Uploaded documents: what is accepted (by content, not name), where it is kept, who may read it
back, and that every attach, delete and download is audited."""

import hashlib
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from gonghui.aid.documents import services as documents
from gonghui.aid.models import Document
from gonghui.aid.tests.hardship_helpers import (
    EXE,
    HTML,
    JPEG,
    PDF,
    PNG,
    SVG,
    ZIP,
    enter_file,
    upload,
)
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.uploads import check_upload

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"
    settings.GONGHUI_UPLOAD_MAX_BYTES = 1024
    settings.GONGHUI_UPLOAD_SCANNER = ""
    return settings.GONGHUI_PRIVATE_ROOT


def DOC_TYPE():  # noqa: N802
    return ContentType.objects.get_for_model(Document)


@pytest.fixture
def file_a(county, dora):
    return enter_file(dora, county.member_a)


# ---------------------------------------------------------------------------------------------
# check_upload
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("诊断.png", PNG, "image/png"),
        ("photo.JPG", JPEG, "image/jpeg"),
        ("photo.jpeg", JPEG, "image/jpeg"),
        ("证明.pdf", PDF, "application/pdf"),
    ],
)
def test_accepts_png_jpeg_pdf_by_content(name, data, content_type):
    # The browser's claim is ignored either way.
    checked = check_upload(upload(name, data, "text/html"))
    assert checked.content_type == content_type
    assert checked.size == len(data)
    assert checked.sha256 == hashlib.sha256(data).hexdigest()
    assert checked.extension == Path(name.lower()).suffix


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("证明.pdf", HTML, "不是 JPG、PNG 或 PDF"),  # HTML renamed .pdf
        ("图.svg", SVG, "不是 JPG、PNG 或 PDF"),
        ("setup.pdf", EXE, "不是 JPG、PNG 或 PDF"),
        ("材料.zip", ZIP, "不是 JPG、PNG 或 PDF"),
        ("图片.pdf", PNG, "扩展名“.pdf”与文件内容（image/png）不符"),  # PNG named .pdf
        ("扫描件", PDF, "扩展名“无”与文件内容"),
        ("page.html", PNG, "扩展名“.html”"),
        ("空.png", b"", "是空文件"),
        ("大.png", PNG + b"\x00" * 2000, "超过大小上限"),
    ],
)
def test_refuses_with_the_file_and_the_reason(name, data, reason):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(name, data, "image/png"))
    message = caught.value.message_dict["upload"][0]
    assert name in message and reason in message


def flag_everything(data: bytes) -> None:
    raise ValueError("Eicar-Test-Signature")


def test_scanner_finding_refuses(settings):
    settings.GONGHUI_UPLOAD_SCANNER = "gonghui.aid.tests.test_hardship_uploads.flag_everything"
    with pytest.raises(ValidationError, match="Eicar-Test-Signature"):
        check_upload(upload("a.png", PNG))


def test_scanner_called_with_the_bytes(settings):
    settings.GONGHUI_UPLOAD_SCANNER = "gonghui.aid.tests.test_hardship_uploads.remember"
    SEEN.clear()
    check_upload(upload("a.pdf", PDF))
    assert SEEN == [PDF]


def remember(data: bytes) -> None:
    SEEN.append(data)


SEEN: list = []


# ---------------------------------------------------------------------------------------------
# attach / delete
# ---------------------------------------------------------------------------------------------


def test_attach_stores_privately_under_a_random_name(file_a, dora, private_root, settings):
    document = documents.attach_document(
        actor=dora, owner=file_a, kind="诊断证明", upload=upload("张甲明诊断.png", PNG)
    )
    stored = Path(document.upload.path)
    assert stored.read_bytes() == PNG
    assert stored.is_relative_to(private_root)
    assert not stored.is_relative_to(Path(settings.STATIC_ROOT))
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT))
    assert "张甲明" not in stored.name and stored.suffix == ""
    assert document.original_name == "张甲明诊断.png"
    assert (document.content_type, document.size) == ("image/png", len(PNG))
    assert document.uploaded_by == dora
    entry = AuditEntry.objects.get(
        content_type=DOC_TYPE(), object_id=str(document.pk), action=AuditAction.CREATE
    )
    assert entry.actor == dora and entry.org_path == file_a.union.path


def test_worker_attach_has_no_actor_and_says_so(file_a):
    document = documents.attach_document(
        actor=None, owner=file_a, kind="收入证明", upload=upload("a.pdf", PDF)
    )
    assert document.uploaded_by is None
    entry = AuditEntry.objects.get(
        content_type=DOC_TYPE(), object_id=str(document.pk), action=AuditAction.CREATE
    )
    assert entry.actor is None and "渠道" in entry.changes


def test_bad_file_stores_nothing(file_a, dora, private_root):
    with pytest.raises(ValidationError):
        documents.attach_document(
            actor=dora, owner=file_a, kind="证明", upload=upload("x.pdf", HTML)
        )
    assert not Document.objects.exists()
    assert not any(private_root.rglob("*")) if private_root.exists() else True


def test_kind_required(file_a, dora):
    with pytest.raises(ValidationError) as caught:
        documents.attach_document(actor=dora, owner=file_a, kind=" ", upload=upload("a.png", PNG))
    assert "kind" in caught.value.message_dict
    assert not Document.objects.exists()


def test_out_of_scope_staff_refused(file_a, charlie):
    with pytest.raises(PermissionDenied):
        documents.attach_document(
            actor=charlie, owner=file_a, kind="证明", upload=upload("a.png", PNG)
        )


def test_reviewer_cannot_attach(file_a, frank):
    # Documents are the entering union's work; a reviewer holds no editing role.
    with pytest.raises(PermissionDenied):
        documents.attach_document(
            actor=frank, owner=file_a, kind="证明", upload=upload("a.png", PNG)
        )


def test_closed_file_takes_no_documents(file_a, dora):
    file_a.status = "removed"
    file_a.save()
    with pytest.raises(ValidationError, match="不能再更改材料"):
        documents.attach_document(
            actor=dora, owner=file_a, kind="证明", upload=upload("a.png", PNG)
        )


def test_application_kinds_and_status(county, dora, programme):
    from decimal import Decimal

    from gonghui.aid.models import AidApplication

    programme.required_documents = "困难证明\n学生证"
    programme.save()
    application = AidApplication.objects.create(
        programme=programme, member=county.member_a, union=county.union_a, channel="portal",
        status="awaiting_union", amount_requested=Decimal("1000.00"),
    )  # fmt: skip
    with pytest.raises(ValidationError, match="不在本项目所需材料之列"):
        documents.attach_document(
            actor=None, owner=application, kind="诊断证明", upload=upload("a.png", PNG)
        )
    for kind in ("学生证", "其他材料"):
        documents.attach_document(
            actor=None, owner=application, kind=kind, upload=upload("a.png", PNG)
        )
    application.status = "reviewing"
    application.save()
    with pytest.raises(ValidationError, match="申请已提交审核"):
        documents.attach_document(
            actor=dora, owner=application, kind="学生证", upload=upload("a.png", PNG)
        )
    with pytest.raises(ValidationError):
        documents.delete_document(actor=dora, document=application.documents.first())


def test_delete_removes_row_and_file(file_a, dora, django_capture_on_commit_callbacks):
    document = documents.attach_document(
        actor=dora, owner=file_a, kind="证明", upload=upload("a.png", PNG)
    )
    path, pk = Path(document.upload.path), document.pk
    with django_capture_on_commit_callbacks(execute=True):
        documents.delete_document(actor=dora, document=document)
    assert not Document.objects.filter(pk=pk).exists()
    assert not path.exists()
    assert AuditEntry.objects.filter(
        content_type=DOC_TYPE(), object_id=str(pk), action=AuditAction.DELETE
    ).exists()


# ---------------------------------------------------------------------------------------------
# the download view
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def document_a(file_a, dora):
    return documents.attach_document(
        actor=dora, owner=file_a, kind="诊断证明", upload=upload("诊断证明.pdf", PDF)
    )


def test_download_is_an_audited_attachment(client, bob, document_a):
    client.force_login(bob)
    response = client.get(reverse("aid:document_download", args=[document_a.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment")
    assert "filename*=utf-8''%E8%AF%8A" in response["Content-Disposition"]
    entry = AuditEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Document),
        object_id=str(document_a.pk),
        action=AuditAction.REVEAL,
    )
    assert entry.actor == bob


@pytest.mark.parametrize("persona", ["charlie", "lena", "stan"])
def test_download_404_outside_scope(client, request, document_a, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("aid:document_download", args=[document_a.pk]))
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action=AuditAction.REVEAL).exists()


def test_download_of_a_missing_file_is_404(client, alice, document_a):
    Path(document_a.upload.path).unlink()
    client.force_login(alice)
    assert client.get(reverse("aid:document_download", args=[document_a.pk])).status_code == 404


@pytest.mark.parametrize("persona", ["charlie", "lena", "stan"])
def test_delete_404_outside_scope(client, request, document_a, persona):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("aid:document_delete", args=[document_a.pk]))
    assert response.status_code == 404
    assert Document.objects.filter(pk=document_a.pk).exists()


def test_no_url_serves_the_stored_file(client, alice, document_a, settings):
    client.force_login(alice)
    stored = document_a.upload.name
    for prefix in (settings.MEDIA_URL or "/media/", "/" + settings.STATIC_URL, "/private/"):
        assert client.get(f"{prefix.rstrip('/')}/{stored}").status_code == 404
