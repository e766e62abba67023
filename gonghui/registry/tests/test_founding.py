"""The founding drive (建会攻坚): contact services, union_since upkeep, the four target categories,
the figures per town, the worklist and the employer's contact panel, scoped.

The hand-built set (`drive`), on the shared county, as of today:
  town A  丁五金厂   no union, founded 3 years ago, private, 10      → operating one year
          戊物业     no union, founded 3 months ago, state, 5, party → party branch
          己电子     no union, founding date unknown, foreign, 25    → non-public 25+ (boundary)
          庚酒店     no union, founding date unknown, state, 3, well known → well known
          辛小店     no union, founded 3 months ago, private, 24     → no category
          壬商贸     no union, founded 3 years ago, deregistered     → not operating
          甲机械厂   covered by 甲机械厂工会                          → covered
  town B  癸茶厂     no union, party branch                          → party branch
employer_a's and employer_b's union_since are cleared (historical data) so that only what the
tests found counts.
"""

import csv
import datetime
import io
import random
from dataclasses import dataclass

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from gonghui.conftest import make_user
from gonghui.core.models import AuditAction, AuditEntry, OrgKind, OrgStatus
from gonghui.core.roles import Role
from gonghui.core.services.orgs import create_organisation
from gonghui.core.validators import make_credit_code
from gonghui.registry import founding
from gonghui.registry import founding_queries as queries
from gonghui.registry.choices import (
    ContactMethod,
    ContactOutcome,
    OperatingStatus,
    Ownership,
)
from gonghui.registry.figures import founding_drive
from gonghui.registry.models import Employer, FoundingContact
from gonghui.registry.services import create_employer, update_employer
from gonghui.registry.tests.sheets import UNIT_HEADERS, codes, read_xlsx, run
from gonghui.reports.figures import make_scope
from gonghui.tests.test_url_scoping import TOWN_A_SECRETS

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
A_TARGETS = ["丁五金厂", "戊物业", "己电子", "庚酒店"]
NOT_TARGETS = ["辛小店", "壬商贸", "甲机械厂"]
LIST = "registry:founding_list"


def days_ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


@dataclass
class Drive:
    county: object
    e: dict  # name → Employer


@pytest.fixture
def drive(county) -> Drive:
    rng = random.Random(4)
    # The fixture's unionized employers stand for historical data: founding date unknown.
    Employer.objects.filter(union__isnull=False).update(union_since=None)

    def make(name, town, ownership, headcount, **fields):
        return create_employer(
            actor=None,
            credit_code=make_credit_code(rng),
            name=name,
            territory=town,
            ownership=ownership,
            headcount=headcount,
            **fields,
        )

    a, b = county.town_a, county.town_b
    e = {
        "丁五金厂": make("丁五金厂", a, Ownership.NON_PUBLIC, 10, founded_on=days_ago(3 * 365)),
        "戊物业": make(
            "戊物业", a, Ownership.STATE, 5, founded_on=days_ago(90), has_party_branch=True
        ),
        "己电子": make("己电子", a, Ownership.FOREIGN, 25),
        "庚酒店": make("庚酒店", a, Ownership.STATE, 3, is_well_known=True),
        "辛小店": make("辛小店", a, Ownership.NON_PUBLIC, 24, founded_on=days_ago(90)),
        "壬商贸": make(
            "壬商贸",
            a,
            Ownership.NON_PUBLIC,
            40,
            founded_on=days_ago(3 * 365),
            operating_status=OperatingStatus.DEREGISTERED,
        ),
        "癸茶厂": make("癸茶厂", b, Ownership.NON_PUBLIC, 12, has_party_branch=True),
        "甲机械厂": county.employer_a,
    }
    return Drive(county, e)


def contact(employer, actor=None, **fields) -> FoundingContact:
    values = {
        "contacted_on": TODAY,
        "method": ContactMethod.VISIT,
        "outcome": ContactOutcome.CONSIDERING,
    }
    values.update(fields)
    return founding.record_contact(actor=actor, employer=employer, **values)


def names(queryset) -> set[str]:
    return {e.name for e in queryset}


# ---------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------


def test_record_contact_writes_and_audits(drive, bob):
    target = drive.e["丁五金厂"]
    record = contact(
        target,
        bob,
        method=ContactMethod.CALL,
        contact_person=" 王经理 ",
        notes="介绍建会流程",
        next_step="上门宣讲",
        next_on=TODAY + datetime.timedelta(days=7),
    )
    record.refresh_from_db()
    assert record.employer == target and record.recorded_by == bob
    assert record.contact_person == "王经理"
    entry = AuditEntry.objects.for_object(record).get()
    assert entry.action == AuditAction.CREATE and entry.actor == bob
    assert entry.changes["method"] == [None, "电话联系"]
    assert entry.org_path == drive.county.town_a.path


def test_record_contact_refuses_bad_input_by_field_and_writes_nothing(drive, bob):
    log = AuditEntry.objects.count()
    with pytest.raises(ValidationError) as exc:
        contact(
            drive.e["丁五金厂"],
            bob,
            contacted_on=TODAY + datetime.timedelta(days=1),
            method="fax",
            outcome="",
            contact_person="王" * 51,
        )
    errors = exc.value.message_dict
    assert set(errors) == {"contacted_on", "method", "outcome", "contact_person"}
    assert "晚于今天" in errors["contacted_on"][0]
    assert "50" in errors["contact_person"][0]
    with pytest.raises(ValidationError) as exc:
        contact(drive.e["丁五金厂"], bob, contacted_on=days_ago(3), next_on=days_ago(4))
    assert "早于本次联系日期" in exc.value.message_dict["next_on"][0]
    assert not FoundingContact.objects.exists()
    assert AuditEntry.objects.count() == log


@pytest.mark.parametrize("who", ["charlie", "viewer"])
def test_record_contact_refuses_who_may_not_edit_the_employer(drive, charlie, who):
    actor = charlie if who == "charlie" else make_user("leader", Role.VIEWER, drive.county.town_a)
    with pytest.raises(ValidationError) as exc:
        contact(drive.e["丁五金厂"], actor)
    assert "employer" in exc.value.message_dict
    assert not FoundingContact.objects.exists()


def test_delete_contact_is_audited_and_scoped(drive, bob, charlie):
    record = contact(drive.e["丁五金厂"], bob, contact_person="王经理")
    with pytest.raises(ValidationError):
        founding.delete_contact(actor=charlie, contact=record)
    assert FoundingContact.objects.filter(pk=record.pk).exists()
    founding.delete_contact(actor=bob, contact=record)
    assert not FoundingContact.objects.filter(pk=record.pk).exists()
    entry = AuditEntry.objects.filter(action=AuditAction.DELETE, object_id=str(record.pk)).get()
    assert entry.changes["contact_person"] == ["王经理", None]


# ---------------------------------------------------------------------------------------------
# union_since
# ---------------------------------------------------------------------------------------------


def test_union_since_follows_the_services(drive, alice):
    county = drive.county
    target = drive.e["丁五金厂"]
    assert target.union_since is None
    assert update_employer(actor=alice, employer=target, union=county.union_a).union_since == TODAY
    # Moved from one union to another: founded when it first got one, not again.
    Employer.objects.filter(pk=target.pk).update(union_since=datetime.date(2020, 5, 1))
    other = create_organisation(
        actor=None, name="丁五金厂工会", kind=OrgKind.GRASSROOTS, parent=county.town_a
    )
    moved = update_employer(actor=alice, employer=target, union=other)
    assert moved.union_since == datetime.date(2020, 5, 1)
    assert update_employer(actor=alice, employer=target, union=None).union_since is None
    created = create_employer(
        actor=alice,
        credit_code=codes(1, seed=99)[0],
        name="新建会单位",
        territory=county.town_a,
        union=county.union_a,
        ownership=Ownership.NON_PUBLIC,
        headcount=9,
    )
    assert created.union_since == TODAY


def unit_row(code, name, union=""):
    values = {
        "统一社会信用代码": code,
        "单位名称": name,
        "属地工会": "城关镇总工会",
        "所在工会": union,
        "经济类型": "非公",
        "职工人数": 30,
    }
    return [values.get(h, "") for h in UNIT_HEADERS]


def test_import_sets_union_since_only_for_an_existing_employer_getting_its_first_union(
    tmp_path, drive, alice
):
    old = drive.e["丁五金厂"]
    covered = drive.county.employer_a
    Employer.objects.filter(pk=covered.pk).update(union_since=datetime.date(2019, 1, 1))
    new_code = codes(1, seed=77)[0]
    rows = [
        UNIT_HEADERS,
        unit_row(old.credit_code, old.name, union="甲机械厂工会"),  # none → some
        unit_row(covered.credit_code, covered.name, union=""),  # some → none
        unit_row(new_code, "新导入单位", union="甲机械厂工会"),  # new: unknown
        unit_row(drive.e["辛小店"].credit_code, "辛小店"),  # none → none
    ]
    outcome = run(tmp_path, "units", rows, actor=alice)
    assert outcome.ok, outcome.errors
    assert Employer.objects.get(pk=old.pk).union_since == TODAY
    assert Employer.objects.get(pk=covered.pk).union_since is None
    assert Employer.objects.get(credit_code=new_code).union_since is None
    assert Employer.objects.get(pk=drive.e["辛小店"].pk).union_since is None


# ---------------------------------------------------------------------------------------------
# Targets and figures
# ---------------------------------------------------------------------------------------------


def test_the_four_categories(drive, alice):
    rows = {e.name: e for e in queries.targets(alice)}
    assert set(rows) == {*A_TARGETS, "癸茶厂"}
    assert queries.category_labels(rows["丁五金厂"]) == ["成立一年以上"]
    assert queries.category_labels(rows["戊物业"]) == ["有党组织"]
    assert queries.category_labels(rows["己电子"]) == ["25人以上非公"]
    assert queries.category_labels(rows["庚酒店"]) == ["知名企业"]


def test_an_employer_in_several_categories_is_listed_once(drive, alice):
    update_employer(
        actor=alice,
        employer=drive.e["丁五金厂"],
        has_party_branch=True,
        headcount=30,
        is_well_known=True,
    )
    rows = [e for e in queries.targets(alice) if e.name == "丁五金厂"]
    assert len(rows) == 1
    assert queries.category_labels(rows[0]) == [
        "成立一年以上",
        "有党组织",
        "25人以上非公",
        "知名企业",
    ]


def test_a_dormant_union_does_not_cover(drive, alice):
    dormant = create_organisation(
        actor=None,
        name="辛小店工会",
        kind=OrgKind.GRASSROOTS,
        parent=drive.county.town_a,
        status=OrgStatus.DORMANT,
    )
    update_employer(actor=alice, employer=drive.e["丁五金厂"], union=dormant)
    assert "丁五金厂" in names(queries.targets(alice))


def test_the_dashboard_counts_the_fourth_category(drive, alice, client):
    drive_figures = founding_drive(make_scope(org=drive.county.town_a))
    assert {key: v["count"] for key, v in drive_figures.items()} == {
        "operating_1y": 1,
        "party_branch": 1,
        "non_public_25": 1,
        "well_known": 1,
    }
    client.force_login(alice)
    body = client.get(reverse("reports:dashboard")).content.decode()
    assert "知名企业未建会" in body and 'data-drive-count="well_known">1<' in body
    assert f"{reverse(LIST)}?category=well_known" in body


def test_latest_contact_is_annotated_without_a_query_per_row(
    drive, alice, bob, django_assert_max_num_queries
):
    contact(drive.e["丁五金厂"], bob, contacted_on=days_ago(10), outcome=ContactOutcome.REFUSED)
    contact(
        drive.e["丁五金厂"], bob, contacted_on=days_ago(2), next_step="再访", next_on=days_ago(1)
    )
    contact(drive.e["戊物业"], bob, contacted_on=days_ago(5))
    with django_assert_max_num_queries(2):
        rows = {e.name: e for e in queries.decorate(queries.targets(alice), TODAY)}
    latest = rows["丁五金厂"]
    assert latest.last_contacted_on == days_ago(2) and latest.last_next_step == "再访"
    assert latest.last_outcome_label == "有建会意向" and latest.next_overdue
    assert not rows["戊物业"].next_overdue and rows["己电子"].last_contacted_on is None


def figures_by_town(user, year=TODAY.year) -> dict:
    return {
        (row.town.name if row.town else "合计"): (row.targets, row.contacted, row.founded)
        for row in queries.town_figures(user, year)
    }


def test_figures_per_town_and_a_target_founded_this_year(drive, alice, bob):
    contact(drive.e["丁五金厂"], bob)
    contact(drive.e["戊物业"], bob, contacted_on=TODAY.replace(year=TODAY.year - 1, day=1))
    contact(drive.e["癸茶厂"])
    assert figures_by_town(alice) == {
        "城关镇总工会": (4, 1, 0),
        "水坪镇总工会": (1, 1, 0),
        "合计": (5, 2, 0),
    }
    # 己电子 founds its union: it leaves the list and counts for town A this year.
    update_employer(actor=bob, employer=drive.e["己电子"], union=drive.county.union_a)
    assert "己电子" not in names(queries.targets(alice))
    assert figures_by_town(alice)["城关镇总工会"] == (3, 1, 1)
    # Last year: 戊物业's contact then; nothing founded.
    assert figures_by_town(alice, TODAY.year - 1)["城关镇总工会"] == (3, 1, 0)


def test_figures_per_town_are_scoped(drive, bob, charlie):
    contact(drive.e["丁五金厂"], bob)
    assert figures_by_town(bob) == {"城关镇总工会": (4, 1, 0), "合计": (4, 1, 0)}
    assert figures_by_town(charlie) == {"水坪镇总工会": (1, 0, 0), "合计": (1, 0, 0)}


# ---------------------------------------------------------------------------------------------
# The worklist
# ---------------------------------------------------------------------------------------------


def listed(client, user, **params) -> tuple[set[str], str]:
    client.force_login(user)
    response = client.get(reverse(LIST), params)
    assert response.status_code == 200
    return {e.name for e in response.context["objects"]}, response.content.decode()


def test_worklist_permission_matrix(drive, client, alice, bob, charlie):
    seen, _body = listed(client, alice)
    assert seen == {*A_TARGETS, "癸茶厂"}
    seen, body = listed(client, bob)
    assert seen == set(A_TARGETS)
    assert "癸茶厂" not in body and "水坪镇总工会" not in body
    seen, body = listed(client, charlie)
    assert seen == {"癸茶厂"}
    for secret in [*TOWN_A_SECRETS, *A_TARGETS]:
        assert secret not in body


def test_worklist_shows_categories_last_contact_and_overdue_next_steps(drive, client, bob):
    contact(
        drive.e["丁五金厂"], bob, contacted_on=days_ago(3), next_step="再访", next_on=days_ago(1)
    )
    contact(drive.e["戊物业"], bob, next_step="座谈", next_on=TODAY + datetime.timedelta(days=3))
    _seen, body = listed(client, bob)
    assert "知名企业" in body and "25人以上非公" in body
    overdue = drive.e["丁五金厂"].pk
    assert f'data-next-overdue data-employer="{overdue}"' in body
    assert f'data-next-overdue data-employer="{drive.e["戊物业"].pk}"' not in body
    assert "有建会意向" in body and "已逾期" in body
    assert 'data-town="total"' in body


def test_worklist_filters(drive, client, alice, bob):
    contact(drive.e["丁五金厂"], bob, outcome=ContactOutcome.REFUSED, next_on=days_ago(0))
    contact(drive.e["戊物业"], bob, contacted_on=days_ago(5), next_on=days_ago(1))
    assert listed(client, alice, category="well_known")[0] == {"庚酒店"}
    assert listed(client, alice, category="party_branch")[0] == {"戊物业", "癸茶厂"}
    assert listed(client, alice, contacted="true")[0] == {"丁五金厂", "戊物业"}
    assert listed(client, alice, contacted="false")[0] == {"己电子", "庚酒店", "癸茶厂"}
    assert listed(client, alice, outcome="refused")[0] == {"丁五金厂"}
    assert listed(client, alice, next_overdue="true")[0] == {"戊物业"}
    assert listed(client, alice, within=drive.county.town_b.pk)[0] == {"癸茶厂"}
    assert listed(client, alice, q="庚")[0] == {"庚酒店"}


def test_worklist_year_selects_the_figures(drive, client, alice, bob):
    contact(drive.e["戊物业"], bob, contacted_on=TODAY.replace(year=TODAY.year - 1, day=1))
    client.force_login(alice)
    response = client.get(reverse(LIST), {"year": TODAY.year - 1, "category": "party_branch"})
    assert response.context["year"] == TODAY.year - 1
    total = response.context["town_figures"][-1]
    assert (total.targets, total.contacted) == (5, 1)
    assert ("category", "party_branch") in response.context["keep_params"]
    assert client.get(reverse(LIST), {"year": "1999"}).context["year"] == TODAY.year


def export_rows(client, user, fmt="csv", **params) -> list[list]:
    client.force_login(user)
    response = client.get(reverse(LIST), {"export": fmt, **params})
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    if fmt == "xlsx":
        return read_xlsx(data)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_export_is_scoped_filtered_and_safe(drive, client, alice, bob, charlie):
    contact(drive.e["丁五金厂"], bob, next_step='=HYPERLINK("x")')
    rows = export_rows(client, alice)
    assert rows[0][:3] == ["单位名称", "统一社会信用代码", "属地工会"]
    assert {r[0] for r in rows[1:]} == {*A_TARGETS, "癸茶厂"}
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["丁五金厂"][6] == "成立一年以上"
    assert by_name["丁五金厂"][8] == "有建会意向"
    assert by_name["丁五金厂"][9] == '\'=HYPERLINK("x")'  # not a formula in Excel
    assert {r[0] for r in export_rows(client, bob)[1:]} == set(A_TARGETS)
    charlie_rows = export_rows(client, charlie, "xlsx")
    assert [r[0] for r in charlie_rows[1:]] == ["癸茶厂"]
    assert {r[0] for r in export_rows(client, alice, category="well_known")[1:]} == {"庚酒店"}


def test_sidebar_entry_for_registry_roles_only(drive, client, bob):
    client.force_login(bob)
    assert "建会攻坚" in client.get(reverse("registry:employer_list")).content.decode()
    lawyer = make_user("lawyer", Role.LAWYER, drive.county.county)
    client.force_login(lawyer)
    body = client.get(reverse("home")).content.decode()
    assert reverse(LIST) not in body


# ---------------------------------------------------------------------------------------------
# The contact panel on the employer's page
# ---------------------------------------------------------------------------------------------


def employer_page(client, user, employer):
    client.force_login(user)
    return client.get(reverse("registry:employer_detail", args=[employer.pk]))


def post_contact(client, employer, htmx=False, **data):
    values = {"contacted_on": TODAY.isoformat(), "method": "visit", "outcome": "considering"}
    values.update(data)
    headers = {"HX-Request": "true"} if htmx else {}
    url = reverse("registry:founding_contact_add", args=[employer.pk])
    return client.post(url, values, headers=headers)


def test_panel_shows_history_and_form_to_editors_only(drive, client, alice, bob):
    target = drive.e["丁五金厂"]
    contact(target, bob, notes="第一次走访", contact_person="王经理")
    body = employer_page(client, bob, target).content.decode()
    assert 'id="founding"' in body and "第一次走访" in body and "赵博" in body
    assert 'id="founding-contact-form"' in body and "成立一年以上" in body
    leader = make_user("leader", Role.VIEWER, drive.county.town_a)
    body = employer_page(client, leader, target).content.decode()
    assert "第一次走访" in body and 'id="founding-contact-form"' not in body
    assert employer_page(client, alice, target).status_code == 200


def test_panel_is_hidden_for_a_covered_employer_without_contacts(drive, client, bob):
    body = employer_page(client, bob, drive.county.employer_a).content.decode()
    assert 'id="founding"' not in body


def test_charlie_gets_404_on_town_a_panel_and_posts(drive, client, bob, charlie):
    record = contact(drive.e["丁五金厂"], bob)
    assert employer_page(client, charlie, drive.e["丁五金厂"]).status_code == 404
    assert post_contact(client, drive.e["丁五金厂"]).status_code == 404
    delete = reverse("registry:founding_contact_delete", args=[record.pk])
    assert client.post(delete).status_code == 404
    assert FoundingContact.objects.count() == 1


def test_a_viewer_may_not_post(drive, client):
    leader = make_user("leader", Role.VIEWER, drive.county.town_a)
    client.force_login(leader)
    assert post_contact(client, drive.e["丁五金厂"]).status_code == 403
    assert not FoundingContact.objects.exists()


def test_add_contact_through_htmx_returns_the_panel(drive, client, bob):
    client.force_login(bob)
    target = drive.e["戊物业"]
    response = post_contact(client, target, htmx=True, notes="电话约访", next_step="上门")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.lstrip().startswith('<div class="card" id="founding">')
    assert "电话约访" in body and "已记录联系情况" in body
    assert FoundingContact.objects.get().recorded_by == bob


def test_bad_contact_shows_the_field_and_reason_and_saves_nothing(drive, client, bob):
    client.force_login(bob)
    target = drive.e["戊物业"]
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()
    response = post_contact(client, target, htmx=True, contacted_on=tomorrow, notes="留着")
    body = response.content.decode()
    assert "联系日期不能晚于今天" in body and 'id="id_contacted_on_error"' in body
    assert "留着" in body  # what was typed is kept
    response = post_contact(client, target, outcome="")
    assert response.status_code == 302
    follow = client.get(response["Location"]).content.decode()
    assert "未保存" in follow and "结果" in follow
    assert not FoundingContact.objects.exists()


def test_plain_post_adds_and_deletes_then_returns_to_the_employer(drive, client, bob):
    client.force_login(bob)
    target = drive.e["戊物业"]
    response = post_contact(client, target, contact_person="李主任")
    assert response.status_code == 302
    assert response["Location"] == f"{target.get_absolute_url()}#founding"
    record = FoundingContact.objects.get()
    response = client.post(reverse("registry:founding_contact_delete", args=[record.pk]))
    assert response.status_code == 302
    assert not FoundingContact.objects.exists()


def test_founding_an_employer_moves_it_off_the_worklist(drive, client, bob):
    target = drive.e["丁五金厂"]
    contact(target, bob, outcome=ContactOutcome.PREPARING)
    update_employer(actor=bob, employer=target, union=drive.county.union_a)
    seen, body = listed(client, bob)
    assert "丁五金厂" not in seen
    town = [r for r in listed_figures(client, bob) if r.town and r.town.name == "城关镇总工会"]
    assert (town[0].targets, town[0].contacted, town[0].founded) == (3, 0, 1)
    page = employer_page(client, bob, target).content.decode()
    assert "已建会，不在攻坚名单中" in page and "筹建中" in page


def listed_figures(client, user):
    client.force_login(user)
    return client.get(reverse(LIST)).context["town_figures"]
