"""The audit log page: filters (who, module, kind, record, action, dates), keyset pages, each
entry linked to its record, values as people read them, scoped to the administrator's subtree."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from gonghui.aid.models import HardshipFile
from gonghui.aid.tests.hardship_helpers import enter_file
from gonghui.conftest import make_user
from gonghui.core.audit_display import readable
from gonghui.core.models import AuditAction, AuditEntry
from gonghui.core.roles import Role
from gonghui.registry.services import update_member

pytestmark = pytest.mark.django_db
URL = reverse("core:audit_list")


def entries(client, user, **params) -> list:
    client.force_login(user)
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["entries"]


def raw_entry(obj, changes, org_path=None, **fields) -> AuditEntry:
    return AuditEntry.objects.create(
        action=fields.pop("action", AuditAction.UPDATE),
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj),
        org_path=org_path if org_path is not None else obj.audit_org_path,
        changes=changes,
        **fields,
    )


def test_values_as_people_read_them(client, county, alice, dora):
    file = enter_file(dora, county.member_a)
    entry = raw_entry(
        file,
        {
            "causes": [None, "illness,schooling"],
            "status": ["pending", "filed"],
            "monthly_income": ["1800", "2000.5"],
            "reviewed_on": [None, "2026-12-05"],
            "sha256": [None, "ab" * 32],
            "家庭成员": [None, ["罗家属0（子女）", "王某（配偶）"]],
            "cause_note": [None, "联系 13812345678，身份证 420324199003071231"],
        },
    )
    raw_entry(
        county.member_a,
        {
            "joined_on": [None, "2026-12-05 17:56:07.525623+00:00"],
            "employment_form": ["standard", "courier"],
        },
    )
    client.force_login(alice)
    body = client.get(URL).content.decode()
    shown_all = ["因病、因学", "待审核", "在档", "1800.00", "2000.50", "2026-12-05", "文件校验值",
                 "abababababab…", "罗家属0（子女）", "王某（配偶）", "138****5678",
                 "420324********1231", "2026-12-06 01:56:07", "快递员"]  # fmt: skip
    for shown in shown_all:
        assert shown in body, shown
    for hidden in ["schooling", "sha256", "['", "+00:00", "13812345678", "420324199003071231",
                   "monthly_income", "courier"]:  # fmt: skip
        assert hidden not in body, hidden
    assert f'data-entry="{entry.pk}"' in body
    assert "data-list" in body  # the household as a list


def test_each_entry_links_to_its_record_and_its_history(client, county, alice):
    update_member(actor=alice, member=county.member_a, name="张甲明明")
    [entry, *_] = entries(client, alice, kind="registry.member")
    assert entry.record_url == county.member_a.get_absolute_url()
    history = entries(client, alice, kind="registry.member", object=str(county.member_a.pk))
    assert {e.object_id for e in history} == {str(county.member_a.pk)}


def test_filters(client, county, alice, bob, dora):
    update_member(actor=bob, member=county.member_a, name="张甲明明")
    enter_file(dora, county.member_a)
    by_bob = entries(client, alice, who="赵博")
    assert by_bob and {e.actor_id for e in by_bob} == {bob.pk}
    assert {e.actor_id for e in entries(client, alice, actor=dora.pk)} == {dora.pk}
    aid = entries(client, alice, module="aid")
    assert aid and {e.content_type.app_label for e in aid} == {"aid"}
    files = entries(client, alice, kind="aid.hardshipfile")
    assert files and {e.content_type.model_class() for e in files} == {HardshipFile}
    creates = entries(client, alice, action=AuditAction.CREATE)
    assert creates and {e.action for e in creates} == {"create"}
    assert entries(client, alice, q="张甲明明")
    today = datetime.date.today()
    assert entries(client, alice, date_from=today.isoformat(), date_to=today.isoformat())
    tomorrow = today + datetime.timedelta(days=1)
    assert entries(client, alice, date_from=tomorrow.isoformat()) == []


def test_real_pages(client, county, alice):
    for i in range(60):
        raw_entry(county.member_a, {"name": [f"甲{i}", f"甲{i + 1}"]})
    client.force_login(alice)
    first = client.get(URL, {"kind": "registry.member"})
    page = first.context["page"]
    assert len(first.context["entries"]) == 50 and page.has_next
    assert "kind=registry.member" in page.next_url
    second = client.get(URL + page.next_url)
    seen = {e.pk for e in first.context["entries"]}
    rest = {e.pk for e in second.context["entries"]}
    assert rest and not seen & rest
    assert len(seen | rest) == AuditEntry.objects.filter(content_type__model="member").count()


def test_scoped_as_before(client, county):
    update_member(actor=None, member=county.member_b, name="李乙华华")
    town_admin = make_user("townadmin", Role.ADMIN, county.town_a)
    assert all("李乙华" not in e.object_repr for e in entries(client, town_admin))
    assert all("李乙华" not in e.object_repr for e in entries(client, town_admin, q="李乙华"))
    client.force_login(make_user("clerk2", Role.CLERK, county.town_a))
    assert client.get(URL).status_code == 403


def test_readable_without_a_model():
    assert readable(None, "role", True) == "是"
    assert readable(None, "x", ["a", None]) == ["a", "—"]


def test_nothing_to_nothing_is_not_shown(county):
    entry = raw_entry(county.member_a, {"name": [None, ""], "phone_masked": [None, "138****5678"]})
    assert [label for label, *_ in entry.readable_changes()] == ["手机号码"]
