"""What both workforce imports share: the failure carrying every row error, reading an upload
through core.sheets (its size limits), and finding a member by ID number in the user's scope."""

import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

from gonghui.core.sheets.readers import FileError, read_rows
from gonghui.core.sheets.rows import RowError
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member

MAX_ROWS = 5000


class ImportFailed(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} errors")
        self.errors = errors


def of(path: str):
    """A column's render through a dotted path ("honouree.name"), blank past a missing link."""

    def render(obj):
        for name in path.split("."):
            obj = getattr(obj, name, None)
        return "" if obj is None else obj

    return render


def read_upload(upload, *, sheet_title: str) -> list[list]:
    """An uploaded xlsx or csv as rows, through core.sheets' reader and its limits."""
    suffix = Path(upload.name or "").suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise FileError(_("只能导入 xlsx 或 csv 文件"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        return read_rows(path, sheet_title=sheet_title)


def find_member(actor, number: str, name: str | None, row, field: str, errors) -> Member | None:
    member = (
        Member.objects.editable_by(actor)
        .with_id_number(number)
        .filter(status=MemberStatus.ACTIVE)
        .select_related("union", "employer")
        .first()
    )
    if member is None:
        errors.add(row, field, _("在您管理的工会中没有该身份号码的在会会员"))
        return None
    if name is not None and member.name != name:
        errors.add(row, "name", _("与会员库中的姓名“%(n)s”不一致") % {"n": member.name})
        return None
    return member
