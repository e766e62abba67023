"""The hardship pages and document downloads in the permission matrix
(gonghui/tests/test_url_scoping.py)."""

from decimal import Decimal
from pathlib import Path

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def town_a_file(county, bob) -> int:
    """A pending hardship file of member_a (union_a, town A), entered by bob."""
    from gonghui.aid.hardship import services as hardship

    file = hardship.create_file(
        actor=bob,
        member=county.member_a,
        level="county",
        causes=["illness"],
        cause_note="",
        household_size=3,
        monthly_income=Decimal("1500.00"),
        local_line=Decimal("800.00"),
        household=[],
    )
    return file.pk


def town_a_document(county, bob) -> int:
    """A document of a town-A file. Its bytes sit at one fixed name in private storage, so the
    matrix leaves no new file behind each run."""
    from django.conf import settings

    from gonghui.aid.models import Document, HardshipFile

    name = "aid/url-matrix-case"
    path = Path(settings.GONGHUI_PRIVATE_ROOT) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PNG)
    document = Document.objects.create(
        file=HardshipFile.objects.get(pk=town_a_file(county, bob)),
        kind="诊断证明",
        upload=name,
        original_name="张甲明诊断证明.png",
        content_type="image/png",
        size=len(PNG),
        sha256="0" * 64,
        uploaded_by=bob,
    )
    return document.pk


LIST_URLS = {
    "aid:hardship_list": 200,
    "aid:hardship_due": 200,
    "aid:hardship_add": 200,
    "aid:hardship_import": 200,
}

# The blank import template is binary (xlsx) and holds no data, so the matrix, which reads every
# list as text, cannot check it. It still needs a login and an editing role: test_hardship_pages
# checks that (anonymous to the login page, lena and stan 403, bob 200).
PUBLIC_URLS = {"aid:hardship_import_template"}

OBJECT_URLS = {
    "aid:hardship_detail": ("GET", lambda c, u: {"pk": town_a_file(c, u)}),
    "aid:hardship_edit": ("GET", lambda c, u: {"pk": town_a_file(c, u)}),
    "aid:hardship_decide": ("POST", lambda c, u: {"pk": town_a_file(c, u)}),
    "aid:hardship_review": ("POST", lambda c, u: {"pk": town_a_file(c, u)}),
    "aid:hardship_document_add": ("POST", lambda c, u: {"pk": town_a_file(c, u)}),
    "aid:document_download": ("GET", lambda c, u: {"pk": town_a_document(c, u)}),
    "aid:document_delete": ("POST", lambda c, u: {"pk": town_a_document(c, u)}),
}

POST_DATA = {
    "aid:hardship_decide": lambda c: {"approve": "0", "reason": "材料不全"},
    "aid:hardship_review": lambda c: {"outcome": "keep"},
}
