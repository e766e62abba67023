"""What an import stores and shows: no clear ID numbers in the stored result, whatever the
headers, and no names from outside the reader's scope (found by a security review)."""

import datetime
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.conftest import make_user
from gonghui.core.models import Job, RoleAssignment
from gonghui.core.roles import Role
from gonghui.registry.tests.sheets import MEMBER_HEADERS, ids, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def eager_jobs(settings, tmp_path):
    settings.GONGHUI_JOBS_EAGER = True
    settings.DATA_DIR = tmp_path / "data"
    settings.GONGHUI_PRIVATE_ROOT = tmp_path / "private"


def upload(client, tmp_path, rows, name="m.xlsx"):
    path = write_xlsx(tmp_path / name, rows)
    return client.post(
        reverse("imports:members"), {"file": SimpleUploadedFile(name, path.read_bytes())}
    )


def member_row(number, union="甲机械厂工会"):
    return ["某人", number, "13812345678", union, None, "标准", "否", datetime.date(2022, 1, 1)]


@pytest.mark.parametrize("how", ["misnamed", "repeated"])
def test_an_id_under_an_unaccepted_column_is_not_stored_or_shown(client, bob, tmp_path, how):
    number = ids(1, seed=7)[0]
    if how == "misnamed":
        headers = list(MEMBER_HEADERS)
        headers[1] = "身份证号码"
        rows = [headers, member_row(number)]
    else:
        rows = [[*MEMBER_HEADERS, "公民身份号码"], [*member_row("420324199003071231"), number]]
    client.force_login(bob)
    response = upload(client, tmp_path, rows)
    job = Job.objects.get(owner=bob)
    assert number not in json.dumps(job.result, ensure_ascii=False)
    assert number not in client.get(response["Location"]).content.decode()
    assert job.result["error_count"] >= 1  # the header problem is still reported


def test_a_town_admin_does_not_read_an_import_of_someone_who_sees_further(client, county, tmp_path):
    owner = make_user("own", Role.CLERK, county.town_a)
    RoleAssignment.objects.create(user=owner, role=Role.VIEWER, organisation=county.county)
    town_admin = make_user("adma", Role.ADMIN, county.town_a)
    client.force_login(owner)
    response = upload(client, tmp_path, [MEMBER_HEADERS, member_row("420324198502110026")])
    assert "乙茶叶公司工会" in client.get(response["Location"]).content.decode()  # owner may
    client.force_login(town_admin)
    assert client.get(response["Location"]).status_code == 404
