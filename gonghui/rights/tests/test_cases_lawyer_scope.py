"""A lawyer sees only the cases assigned to them — on the pages, in the API and in the files —
and each case's notes and documents only reach those on it and its union; town B sees nothing of
town A's cases; a station keeper gets 403."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gonghui.rights.cases import services as cases
from gonghui.rights.models import Counsel
from gonghui.rights.tests.conftest import make_case
from gonghui.rights.tests.portal_helpers import png_bytes

pytestmark = pytest.mark.django_db

SECRET_NOTE = "单位负责人承诺月底付清"


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.GONGHUI_PRIVATE_ROOT = tmp_path


@pytest.fixture
def lenas_case(county, alice, lena):
    case = make_case(county, complainant_name="王甲骑")
    cases.accept_case(actor=alice, case=case)
    cases.assign_case(actor=alice, case=case, counsel=Counsel.objects.get(user=lena))
    case.refresh_from_db()
    cases.add_note(actor=lena, case=case, text=SECRET_NOTE)
    upload = SimpleUploadedFile("欠条.png", png_bytes(), content_type="image/png")
    document = cases.attach_document(actor=lena, case=case, upload=upload, kind="证据材料")
    case.document = document
    return case


@pytest.fixture
def other_case(county):
    return make_case(county, complainant_name="刘丙工")


def test_the_lawyer_lists_only_her_own_cases(client, lena, lenas_case, other_case):
    client.force_login(lena)
    body = client.get(reverse("rights:case_list")).content.decode()
    assert lenas_case.number in body and "王甲骑" in body
    assert other_case.number not in body and "刘丙工" not in body


def test_the_lawyer_opens_her_case_its_note_and_its_document(client, lena, lenas_case):
    client.force_login(lena)
    page = client.get(reverse("rights:case_detail", args=[lenas_case.pk]))
    assert page.status_code == 200 and SECRET_NOTE in page.content.decode()
    download = client.get(reverse("rights:case_document", args=[lenas_case.document.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == png_bytes()


def test_another_lawyer_gets_404_on_pages_files_and_api(client, luke, lenas_case, other_case):
    client.force_login(luke)
    assert client.get(reverse("rights:case_detail", args=[lenas_case.pk])).status_code == 404
    assert (
        client.get(reverse("rights:case_document", args=[lenas_case.document.pk])).status_code
        == 404
    )
    assert client.get(f"/api/rights/cases/{lenas_case.pk}/").status_code == 404
    assert client.get(f"/api/rights/cases/{lenas_case.pk}/notes/").status_code == 404
    listed = client.get("/api/rights/cases/").json()
    assert listed["results"] == []
    assert "王甲骑" not in client.get(reverse("rights:case_list")).content.decode()


def test_the_lawyer_sees_her_case_in_the_api_and_nothing_else(client, lena, lenas_case, other_case):
    client.force_login(lena)
    numbers = [row["number"] for row in client.get("/api/rights/cases/").json()["results"]]
    assert numbers == [lenas_case.number]
    assert client.get(f"/api/rights/cases/{other_case.pk}/").status_code == 404
    notes = client.get(f"/api/rights/cases/{lenas_case.pk}/notes/").json()
    assert [n["text"] for n in notes] == [SECRET_NOTE]


def test_the_lawyer_reaches_no_staff_page(client, lena):
    client.force_login(lena)
    assert client.get(reverse("rights:contract_list")).status_code == 403
    members = client.get(reverse("registry:member_list")).content.decode()
    assert "张甲明" not in members  # the registry shows a lawyer nothing


def test_town_b_sees_nothing_of_town_a_cases(client, charlie, lenas_case):
    client.force_login(charlie)
    assert "王甲骑" not in client.get(reverse("rights:case_list")).content.decode()
    assert client.get(reverse("rights:case_detail", args=[lenas_case.pk])).status_code == 404
    assert (
        client.get(reverse("rights:case_document", args=[lenas_case.document.pk])).status_code
        == 404
    )
    assert client.get("/api/rights/cases/").json()["results"] == []


def test_the_town_clerk_and_the_county_see_the_case_and_its_note(client, alice, bob, lenas_case):
    for user in (alice, bob):
        client.force_login(user)
        page = client.get(reverse("rights:case_detail", args=[lenas_case.pk]))
        assert page.status_code == 200 and SECRET_NOTE in page.content.decode()


def test_a_station_keeper_gets_403(client, stan, lenas_case):
    client.force_login(stan)
    assert client.get(reverse("rights:case_list")).status_code == 403
    assert client.get(reverse("rights:index")).status_code == 403


def test_a_lawyer_lands_on_her_cases(client, lena):
    client.force_login(lena)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"] == reverse("rights:case_list")


def test_the_lawyer_takes_her_steps_on_the_page(client, lena, lenas_case):
    client.force_login(lena)
    response = client.post(reverse("rights:case_mediate", args=[lenas_case.pk]), {"note": ""})
    assert response.status_code == 302
    response = client.post(
        reverse("rights:case_outcome", args=[lenas_case.pk]),
        {"outcome": "agreement", "amount_recovered": "8000.00", "note": "达成协议"},
    )
    assert response.status_code == 302
    lenas_case.refresh_from_db()
    assert lenas_case.status == "agreement" and str(lenas_case.amount_recovered) == "8000.00"
