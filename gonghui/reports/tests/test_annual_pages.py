"""The annual report end to end: the demo county's report equals `gonghui stats --json`, the
pages start a job and hand the files over, town B's clerk and leader report on town B only
(pages and API), and `gonghui report annual` writes either format."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from docx import Document
from rest_framework.test import APIClient

from gonghui.conftest import make_user
from gonghui.core import private_files
from gonghui.core.roles import Role
from gonghui.reports.annual.models import AnnualReport
from gonghui.reports.annual.sections import SECTIONS

pytestmark = pytest.mark.django_db
YEAR = datetime.date.today().year


@pytest.fixture(autouse=True)
def _jobs_inline(settings):
    settings.GONGHUI_JOBS_EAGER = True


def paragraphs(report) -> str:
    doc = Document(io.BytesIO(private_files.read(report.docx_file)))
    return "\n".join(p.text for p in doc.paragraphs), doc.tables


def test_the_demo_county_report_has_every_section_and_the_stats_figures(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("demo", members=600, employers=60, seed=3, stdout=io.StringIO())
    report = AnnualReport.objects.get()
    out = io.StringIO()
    call_command("stats", "--json", "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31", stdout=out)
    stats = json.loads(out.getvalue())
    assert report.figures["current"] == stats
    body, tables = paragraphs(report)
    for number, section in zip("一二三四五六七", SECTIONS, strict=True):
        assert f"{number}、{section.title}" in body, section.title
    assert f"全县会员总数 {stats['members']:,} 人" in body
    assert len(tables) == len(SECTIONS)
    towns = {row.cells[0].text for row in tables[0].rows[1:]}
    assert towns == set(n for (n,) in [(t["name"],) for t in report.by_town])
    assert "一、组织建设" in body and "比上年" in body


def test_a_leader_generates_downloads_and_renders_again(client, county, alice):
    client.force_login(alice)
    url = reverse("reports:annual_index")
    form = client.get(url).context["form"]
    assert form["organisation"].initial == county.county.pk
    response = client.post(url, {"year": YEAR, "organisation": county.county.pk}, follow=True)
    report = AnnualReport.objects.get()
    assert response.redirect_chain[-1][0] == reverse("reports:annual_detail", args=[report.pk])
    assert "全县会员总数 2 人" in response.content.decode()
    docx = client.get(reverse("reports:annual_download", args=[report.pk, "docx"]))
    assert docx.status_code == 200 and b"".join(docx.streaming_content)[:2] == b"PK"
    again = client.post(reverse("reports:annual_regenerate", args=[report.pk]), follow=True)
    assert again.status_code == 200 and AnnualReport.objects.count() == 1
    changes = client.get(reverse("reports:annual_changes", args=[report.pk]))
    assert "没有变化" in changes.content.decode()


@pytest.mark.parametrize("role", [Role.CLERK, Role.VIEWER])
def test_town_b_reports_on_town_b_only(client, county, role):
    user = make_user(f"b_{role}", role, county.town_b)
    client.force_login(user)
    url = reverse("reports:annual_index")
    refused = client.post(url, {"year": YEAR, "organisation": county.county.pk})
    assert refused.status_code == 200 and not AnnualReport.objects.exists()
    assert "organisation" in refused.context["form"].errors
    assert client.get(url).context["form"]["organisation"].initial == county.town_b.pk
    client.post(url, {"year": YEAR, "organisation": county.town_b.pk})
    assert AnnualReport.objects.get().organisation == county.town_b
    page = client.get(url).content.decode()
    assert "水坪镇总工会" in page and "城关镇总工会" not in page


def test_the_api_lists_and_generates_within_scope(county, alice, charlie):
    from rest_framework.authtoken.models import Token

    def api(user):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        return client

    generate = reverse("annual-report-generate")
    a, b = api(alice), api(charlie)
    assert a.post(generate, {"year": YEAR, "organisation": county.town_a.pk}).status_code == 202
    refused = b.post(generate, {"year": YEAR, "organisation": county.town_a.pk})
    assert refused.status_code == 400 and "organisation" in refused.json()
    assert b.post(generate, {"year": YEAR, "organisation": county.town_b.pk}).status_code == 202
    town_a = AnnualReport.objects.get(organisation=county.town_a)
    listed = b.get(reverse("annual-report-list")).json()["results"]
    assert [r["organisation"] for r in listed] == [county.town_b.pk]
    assert b.get(reverse("annual-report-detail", args=[town_a.pk])).status_code == 404
    assert len(a.get(reverse("annual-report-list")).json()["results"]) == 2


def test_the_command_writes_either_format(county, tmp_path):
    for suffix in ("docx", "xlsx"):
        out = tmp_path / f"report.{suffix}"
        call_command(
            "report", "annual", "--year", str(YEAR), "--out", str(out), stdout=io.StringIO()
        )
        assert out.read_bytes()[:2] == b"PK"
    body = "\n".join(p.text for p in Document(str(tmp_path / "report.docx")).paragraphs)
    assert "全县会员总数 2 人" in body
    town = tmp_path / "town.docx"
    call_command(
        "report", "annual", "--year", str(YEAR), "--org", "水坪镇总工会", "--out", str(town),
        stdout=io.StringIO(),
    )  # fmt: skip
    assert "城关镇" not in "\n".join(p.text for p in Document(str(town)).paragraphs)
    again = tmp_path / "again.docx"
    first = AnnualReport.objects.order_by("pk").first()
    call_command(
        "report", "annual", "--snapshot", str(first.pk), "--out", str(again), stdout=io.StringIO()
    )
    assert "全县会员总数 2 人" in "\n".join(p.text for p in Document(str(again)).paragraphs)
    assert AnnualReport.objects.count() == 3  # docx, xlsx, town: one snapshot each
    with pytest.raises(CommandError, match="扩展名"):
        call_command("report", "annual", "--year", str(YEAR), "--out", str(tmp_path / "x.pdf"))


def test_a_later_snapshot_says_what_changed_since_the_one_before(client, county, alice):
    import random

    from gonghui.core.models import AuditEntry
    from gonghui.core.validators import make_resident_id
    from gonghui.registry.services import create_member
    from gonghui.reports.annual import services

    first = services.take_snapshot(actor=alice, organisation=county.county, year=YEAR)
    create_member(
        actor=None, name="孙新", id_number=make_resident_id(random.Random(7)),
        union=county.union_b, employer=county.employer_b, joined_on=datetime.date(YEAR, 2, 1),
    )  # fmt: skip
    client.force_login(alice)
    changes = client.get(reverse("reports:annual_changes", args=[first.pk])).content.decode()
    assert "会员总数" in changes and "快照值" in changes
    second = services.take_snapshot(actor=alice, organisation=county.county, year=YEAR)
    page = client.get(reverse("reports:annual_detail", args=[second.pk])).content.decode()
    assert "与上一次快照相比的变化" in page and "会员总数" in page
    client.post(reverse("reports:annual_regenerate", args=[first.pk]))
    actions = set(AuditEntry.objects.for_object(first).values_list("action", flat=True))
    assert actions == {"create", "update"}


def test_the_progress_poll_sends_the_browser_to_the_report(client, county, alice, settings):
    from gonghui.reports.annual import jobs

    settings.GONGHUI_JOBS_EAGER = False
    job = jobs.start(actor=alice, organisation=county.county, year=YEAR)
    client.force_login(alice)
    url = reverse("reports:annual_job", args=[job.pk])
    waiting = client.get(url, HTTP_HX_REQUEST="true")
    assert waiting.status_code == 200 and "hx-trigger" in waiting.content.decode()
    from gonghui.core import jobs as core_jobs

    core_jobs.run(job.pk)
    done = client.get(url, HTTP_HX_REQUEST="true")
    report = AnnualReport.objects.get()
    assert done["HX-Redirect"] == reverse("reports:annual_detail", args=[report.pk])
    assert client.get(url).status_code == 302
