"""The import pages: template, upload, preview with every error, error file, confirm, progress;
an import is its owner's and their administrators' only."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.conftest import make_user
from gonghui.core import private_files
from gonghui.core.models import Job, JobStatus
from gonghui.core.roles import Role
from gonghui.registry.imports import tasks
from gonghui.registry.models import Member
from gonghui.registry.tests.sheets import MEMBER_HEADERS, UNION_HEADERS, ids, read_xlsx, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager_jobs(settings, tmp_path):
    settings.GONGHUI_JOBS_EAGER = True
    settings.DATA_DIR = tmp_path / "data"
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"


def upload(client, tmp_path, rows, kind="members", name="会员.xlsx"):
    path = write_xlsx(tmp_path / name, rows)
    file = SimpleUploadedFile(name, path.read_bytes())
    return client.post(reverse(f"imports:{kind}"), {"file": file})


def good_rows(n=3, seed=1):
    return [MEMBER_HEADERS] + [
        [f"会员{i}", number, None, "甲机械厂工会", None, "标准", "否", datetime.date(2022, 1, 1)]
        for i, number in enumerate(ids(n, seed=seed))
    ]


def test_template_download_has_the_exact_headers_and_instructions(client, bob):
    client.force_login(bob)
    for key, headers in (("members", MEMBER_HEADERS), ("unions", UNION_HEADERS)):
        response = client.get(reverse(f"imports:{key}"), {"download": "template"})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")
        assert "attachment" in response["Content-Disposition"]
        assert read_xlsx(response.content)[0] == headers
    from python_calamine import CalamineWorkbook

    names = CalamineWorkbook.from_filelike(io.BytesIO(response.content)).sheet_names
    assert names[0] == "工会组织" and "填写说明" in names


def test_upload_with_errors_shows_each_one_and_highlights_the_cells(client, bob, tmp_path):
    client.force_login(bob)
    rows = good_rows(2)
    rows[2][1] = rows[2][1][:-1] + ("0" if rows[2][1][-1] != "0" else "1")  # bad check digit
    rows[1][7] = "2999-01-01"
    response = upload(client, tmp_path, rows)
    job = Job.objects.get(owner=bob)
    assert response.status_code == 302 and response["Location"] == reverse(
        "imports:detail", args=[job.pk]
    )
    assert tasks.upload_name(job) == f"imports/{job.pk}.xlsx"  # by job id, in private storage
    assert private_files.exists(tasks.upload_name(job))
    page = client.get(response["Location"])
    body = page.content.decode()
    assert "发现 2 处错误，未写入任何数据" in body
    errors = page.context["result"]["errors"]
    assert [(r, c) for r, c, _reason in errors] == [(2, "入会日期"), (3, "公民身份号码")]
    preview = {line["row"]: line["bad"] for line in page.context["result"]["preview"]}
    assert preview == {2: [7], 3: [1]}
    assert body.count("table-danger") == 2
    assert 'id="confirm-import"' not in body
    assert Member.objects.count() == 2  # the fixture's
    # The preview is stored with the job: personal data in it is masked, as everywhere.
    for number in (rows[1][1], rows[2][1]):
        assert number not in body and number not in repr(job.result)
    assert rows[1][1][:6] + "********" + rows[1][1][-4:] in body


def test_error_file_has_an_error_column_and_red_cells(client, bob, tmp_path):
    client.force_login(bob)
    rows = good_rows(2)
    rows[1][3] = "乙茶叶公司工会"
    upload(client, tmp_path, rows)
    job = Job.objects.get(owner=bob)
    response = client.get(reverse("imports:errors", args=[job.pk]))
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    sheet = read_xlsx(data)
    assert sheet[0] == [*MEMBER_HEADERS, "错误说明"]
    assert sheet[1][-1] == "所在工会：“乙茶叶公司工会”不存在或不在您的管理范围内"
    assert sheet[2][-1] == ""
    listing = read_xlsx(data, sheet=1)
    assert listing[1][:2] == [2.0, "所在工会"]
    import zipfile

    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml").decode()
    assert "FFF8D7DA" in styles  # the red fill of the wrong cells


def test_confirming_writes_and_reports_the_counts(client, bob, tmp_path):
    client.force_login(bob)
    upload(client, tmp_path, good_rows(3))
    job = Job.objects.get(owner=bob)
    page = client.get(reverse("imports:detail", args=[job.pk])).content.decode()
    assert "校验通过（试运行，未写入）：共 3 行，将新增 3" in page and 'id="confirm-import"' in page
    assert Member.objects.filter(name__startswith="会员").count() == 0
    response = client.post(reverse("imports:confirm", args=[job.pk]))
    assert response.status_code == 302
    write = job.followups.get()
    assert write.status == JobStatus.DONE and write.result["created"] == 3
    page = client.get(reverse("imports:detail", args=[job.pk])).content.decode()
    assert "导入完成：共 3 行，新增 3，更新 0，未变 0" in page
    assert Member.objects.filter(name__startswith="会员").count() == 3
    assert not private_files.exists(tasks.upload_name(job))  # written: the file is gone
    # Confirming twice does nothing more.
    client.post(reverse("imports:confirm", args=[job.pk]))
    assert job.followups.count() == 1
    # The same file again: nothing to write.
    upload(client, tmp_path, good_rows(3), name="again.xlsx")
    second = Job.objects.filter(owner=bob, parent=None).latest("pk")
    assert second.result["unchanged"] == 3 and second.result["created"] == 0


def test_only_editors_import(client, county):
    viewer = make_user("leader", Role.VIEWER, county.county)
    client.force_login(viewer)
    assert client.get(reverse("imports:members")).status_code == 403
    assert client.get(reverse("imports:index")).status_code == 200


def test_an_import_is_its_owners_and_their_administrators(client, bob, charlie, alice, tmp_path):
    client.force_login(bob)
    upload(client, tmp_path, good_rows(1))
    job = Job.objects.get(owner=bob)
    urls = [reverse(f"imports:{n}", args=[job.pk]) for n in ("detail", "progress", "errors")]
    client.force_login(charlie)
    for url in urls:
        assert client.get(url).status_code == 404
    assert client.post(reverse("imports:confirm", args=[job.pk])).status_code == 404
    assert "会员.xlsx" not in client.get(reverse("imports:index")).content.decode()
    client.force_login(alice)  # administrator of the county, above bob
    assert client.get(urls[0]).status_code == 200
    assert "会员.xlsx" in client.get(reverse("imports:index")).content.decode()
    # ...but only bob confirms his own file.
    client.post(reverse("imports:confirm", args=[job.pk]))
    assert not job.followups.exists()


def test_progress_polls_while_running_and_reloads_when_done(client, bob, settings, tmp_path):
    client.force_login(bob)
    settings.GONGHUI_JOBS_EAGER = False
    job = Job.objects.create(
        kind=tasks.KIND,
        task=tasks.TASK,
        owner=bob,
        params={"template": "members", "filename": "m.xlsx", "file": "x.xlsx", "dry_run": True},
        status=JobStatus.RUNNING,
        stage="校验",
        done=40,
        total=100,
        worker="elsewhere:1:x",
    )
    fragment = client.get(reverse("imports:progress", args=[job.pk]))
    body = fragment.content.decode()
    assert 'hx-trigger="every 1s"' in body and 'data-progress="40"' in body and "40 / 100" in body
    assert "HX-Refresh" not in fragment
    page = client.get(reverse("imports:detail", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page  # the page can be left and opened again
    Job.objects.filter(pk=job.pk).update(status=JobStatus.DONE, result={"ok": True})
    assert client.get(reverse("imports:progress", args=[job.pk]))["HX-Refresh"] == "true"


def test_wrong_file_types_are_refused(client, bob):
    client.force_login(bob)
    file = SimpleUploadedFile("会员.docx", b"not a spreadsheet")
    response = client.post(reverse("imports:members"), {"file": file})
    assert response.status_code == 200
    assert "只能导入 xlsx 或 csv 文件" in response.content.decode()
    assert not Job.objects.exists()


def test_an_unreadable_workbook_fails_with_a_reason(client, bob):
    client.force_login(bob)
    file = SimpleUploadedFile("会员.xlsx", b"PK\x03\x04 broken zip")
    client.post(reverse("imports:members"), {"file": file})
    job = Job.objects.get(owner=bob)
    assert job.status == JobStatus.FAILED and "文件不是有效的 xlsx" in job.error
    page = client.get(reverse("imports:detail", args=[job.pk])).content.decode()
    assert "请用 Excel 另存为 .xlsx 后重新上传" in page


def test_list_pages_link_to_import_and_export(client, bob):
    client.force_login(bob)
    for list_name, kind in (
        ("core:org_list", "unions"),
        ("registry:employer_list", "units"),
        ("registry:member_list", "members"),
    ):
        body = client.get(reverse(list_name)).content.decode()
        assert reverse(f"imports:{kind}") in body
        assert "?export=xlsx" in body and "?export=csv" in body
