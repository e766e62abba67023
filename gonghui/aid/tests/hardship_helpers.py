"""Shared bits of the hardship tests: tiny valid files and a file entered by dora."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.aid.hardship import services as hardship
from gonghui.aid.tests.url_cases_hardship import PNG  # noqa: F401 - re-exported

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
EXE = b"MZ\x90\x00\x03\x00\x00\x00"
ZIP = b"PK\x03\x04\x14\x00\x00\x00"


def upload(name: str, data: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def file_fields(**overrides) -> dict:
    fields = {
        "level": "county",
        "causes": ["illness", "schooling"],
        "cause_note": "妻子重病，孩子上学",
        "household_size": 3,
        "monthly_income": Decimal("1800.00"),
        "local_line": Decimal("800.00"),
        "household": [
            {"name": "王某", "relation": "配偶", "birth_year": 1988, "health": "重病"},
            {"name": "张小某", "relation": "子女", "birth_year": 2012, "occupation": "初中"},
        ],
    }
    fields.update(overrides)
    return fields


def enter_file(actor, member, **overrides):
    return hardship.create_file(actor=actor, member=member, **file_fields(**overrides))
