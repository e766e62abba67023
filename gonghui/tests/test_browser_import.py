"""A town clerk brings in a spreadsheet in a real browser: the first upload has mistakes, the page
shows every one with its row, column and reason, the clerk downloads the file back with the
reasons beside each row, fixes it, uploads again, confirms, and finds the members in the list and
in the figures of the dashboard."""

import csv
from pathlib import Path

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from gonghui.browser import browser_page
from gonghui.conftest import PASSWORD
from gonghui.registry.tests.sheets import MEMBER_HEADERS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADERS = MEMBER_HEADERS
GOOD_1 = [
    "周新",
    "110105198001010010",
    "13800001111",
    "甲机械厂工会",
    "91420324MA4F00001L",
    "快递员",
    "是",
    "2026/3/5",
]
GOOD_2 = ["吴新", "11010519491231002x", "", "甲机械厂工会", "", "外卖骑手", "否", "2026年4月1日"]
BAD_CHECK = ["郑错", "110105194912310022", "", "甲机械厂工会", "", "标准", "否", "2026-03-05"]
OUT_OF_SCOPE = ["王越", "420324198001010019", "", "乙茶叶公司工会", "", "标准", "否", "2026-03-05"]


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        csv.writer(f).writerows([HEADERS, *rows])
    return path


def figure(page, key: str) -> int:
    return int(page.get_attribute(f"[data-figure='{key}']", "data-value"))


def test_clerk_fixes_an_import_and_sees_the_figures_change(
    live_server, county, bob, settings, tmp_path
):
    from gonghui.core.validators import resident_id_check_char

    GOOD_1[1] = GOOD_1[1][:17] + resident_id_check_char(GOOD_1[1][:17])
    OUT_OF_SCOPE[1] = OUT_OF_SCOPE[1][:17] + resident_id_check_char(OUT_OF_SCOPE[1][:17])
    settings.GONGHUI_JOBS_EAGER = True  # the live server and the job share the test database
    first = write_csv(tmp_path / "会员.csv", [GOOD_1, BAD_CHECK, GOOD_2, OUT_OF_SCOPE])
    with browser_page() as page:
        page.goto(live_server.url + reverse("login"))
        page.fill("#id_username", "bob")
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/")

        page.goto(live_server.url + reverse("reports:dashboard"))
        members_before = figure(page, "members")

        page.goto(live_server.url + reverse("imports:members"))
        page.set_input_files("input[type=file]", str(first))
        page.click('form[enctype="multipart/form-data"] button[type=submit]')
        page.wait_for_selector("#import-errors")
        errors = page.inner_text("#import-errors")
        assert "3" in errors and "公民身份号码" in errors  # row 3: the check character
        assert "5" in errors and "所在工会" in errors  # row 5: town B's union
        assert "乙茶叶公司工会" in page.inner_text("#import-preview")
        assert page.locator("#import-preview td.table-danger").count() >= 2

        with page.expect_download() as download:
            page.click("#download-errors")
        annotated = tmp_path / "errors.xlsx"
        download.value.save_as(annotated)
        rows = CalamineWorkbook.from_path(str(annotated)).get_sheet_by_index(0).to_python()
        assert rows[0][-1] == "错误说明"
        assert rows[2][-1] and not rows[1][-1]  # the bad row explained, the good one not

        fixed = write_csv(tmp_path / "会员_改.csv", [GOOD_1, GOOD_2])
        page.goto(live_server.url + reverse("imports:members"))
        page.set_input_files("input[type=file]", str(fixed))
        page.click('form[enctype="multipart/form-data"] button[type=submit]')
        page.wait_for_selector("#confirm-import")
        page.click("#confirm-import")
        page.wait_for_selector("#import-summary.alert-success")
        assert "2" in page.inner_text("#import-summary")

        page.goto(live_server.url + reverse("registry:member_list") + "?joined_from=2026-01-01")
        body = page.inner_text("#member-table")
        assert "周新" in body and "吴新" in body
        assert "110105********002X" in body

        page.goto(live_server.url + reverse("reports:dashboard"))
        assert figure(page, "members") == members_before + 2
        assert figure(page, "members_new_form") >= 2
