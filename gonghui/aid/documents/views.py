"""Reading back and removing uploaded documents (staff). A document is served only here: scoped
(out of scope is 404), as an attachment under its original name, with the type recorded when it
was checked and `nosniff`, so a browser never renders it as a page. Every download is audited."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.aid.documents import services as documents
from gonghui.aid.models import Document
from gonghui.core import audit, uploads
from gonghui.core.models import AuditAction


def scoped_document(user, pk) -> Document:
    queryset = Document.objects.visible_to(user).select_related("file__union", "application__union")
    return get_object_or_404(queryset, pk=pk)


def attachment(document: Document) -> FileResponse:
    """The staff download and the worker's own serve the file the same way."""
    return uploads.attachment(
        document.upload, filename=document.original_name, content_type=document.content_type
    )


def document_download(request, pk):
    document = scoped_document(request.user, pk)
    response = attachment(document)
    audit.record(
        actor=request.user,
        action=AuditAction.REVEAL,
        obj=document,
        changes={_("材料"): [None, _("已下载查看：%(name)s") % {"name": document.original_name}]},
    )
    return response


@require_POST
def document_delete(request, pk):
    document = scoped_document(request.user, pk)
    owner = document.owner
    try:
        documents.delete_document(actor=request.user, document=document)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("已删除材料：%(name)s") % {"name": document.original_name})
    return HttpResponseRedirect(owner_url(owner))


def owner_url(owner) -> str:
    try:
        return owner.get_absolute_url()
    except NoReverseMatch:  # an area whose pages are not installed in this build
        return reverse("aid:index")
