"""Spreadsheets are checked before they are read (core/sheets/readers.py): a decompression bomb,
an oversize file, a sheet that claims a million rows, a cell of a megabyte and a file that is not
a spreadsheet at all are each refused with one Chinese message that says which limit."""

import zipfile

import pytest
import xlsxwriter

from gonghui.core.sheets.readers import FileError, Limits, read_rows
from gonghui.core.sheets.rows import RowError

SMALL = Limits(uncompressed_mb=8, ratio=50, file_mb=2, rows=100, columns=10, cell_chars=50)


def xlsx(path, rows) -> None:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("会员")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    workbook.close()


def refused(path, limits=SMALL) -> str:
    with pytest.raises(FileError) as caught:
        read_rows(path, limits=limits)
    return str(caught.value)


def test_a_normal_file_passes(tmp_path):
    path = tmp_path / "ok.xlsx"
    xlsx(path, [["姓名", "手机号码"], ["王一", "13900000001"]])
    assert read_rows(path, limits=SMALL) == [["姓名", "手机号码"], ["王一", "13900000001"]]


def test_a_bomb_is_refused_by_its_ratio_without_being_inflated(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "A" * (4 * 1024 * 1024))
    assert "压缩比异常" in refused(path)


def test_too_much_once_uncompressed_is_refused(tmp_path):
    path = tmp_path / "big.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for i in range(3):
            archive.writestr(f"xl/media/{i}.bin", b"\0" * (3 * 1024 * 1024))
    message = refused(path, Limits(uncompressed_mb=8, ratio=50, file_mb=100))
    assert "解压后有 9 MB" in message and "8 MB 的上限" in message


def test_an_oversize_file_is_refused_before_anything_is_read(tmp_path):
    path = tmp_path / "large.csv"
    path.write_bytes(b"a,b\n" * (1024 * 1024))
    assert "超过 2 MB 的上限" in refused(path)


def test_a_sheet_that_claims_too_many_rows_is_refused_from_its_first_bytes(tmp_path):
    path = tmp_path / "tall.xlsx"
    xlsx(path, [["a"]] + [[str(i)] for i in range(150)])
    assert "151 行，超过 100 行的上限" in refused(path)


def test_too_many_columns_and_a_long_cell_are_refused(tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(str(i) for i in range(20)), encoding="utf-8")
    assert "20 列，超过 10 列的上限" in refused(wide)
    long = tmp_path / "long.csv"
    long.write_text("姓名\n" + "长" * 51, encoding="utf-8")
    assert refused(long) == "第2行第1列有 51 个字，超过每格 50 个字的上限"


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04broken"])
def test_a_file_that_is_not_an_xlsx_says_what_to_do(tmp_path, content):
    path = tmp_path / "fake.xlsx"
    path.write_bytes(content)
    message = refused(path)
    assert message == "文件不是有效的 xlsx，请用 Excel 另存为 .xlsx 后重新上传"
    assert "EOCD" not in message and "Zip" not in message


def test_messages_never_echo_more_than_a_few_dozen_characters_of_a_cell():
    error = RowError(1, "A" * 100_000, "未知的列：" + "B" * 100_000)
    assert len(str(error)) < 400
    assert error.column.endswith("…") and len(error.column) == 40


def test_the_defaults_let_a_county_file_through():
    limits = Limits.from_settings()
    assert limits.rows >= 200_000 and limits.uncompressed_mb >= 256
