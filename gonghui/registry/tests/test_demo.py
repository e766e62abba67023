"""`gonghui demo`: a small generated county is consistent, valid and covers every case the pages
and the founding drive need; the command refuses a non-empty database unless told to reset."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from gonghui.core.models import Organisation, OrgKind, RoleAssignment, User
from gonghui.core.models.orgs import path_segment
from gonghui.core.roles import Role
from gonghui.core.validators import parse_resident_id, validate_credit_code
from gonghui.registry.choices import MemberStatus, OperatingStatus, Ownership
from gonghui.registry.demo import DEMO_USERS
from gonghui.registry.models import Employer, Member

pytestmark = pytest.mark.django_db

SMALL = {"members": 600, "employers": 60, "seed": 1}


def run_demo(**options) -> str:
    out = io.StringIO()
    call_command("demo", **{**SMALL, **options}, stdout=out)
    return out.getvalue()


@pytest.fixture
def output():
    return run_demo()


def test_exactly_the_requested_active_members(output):
    assert Member.objects.active().count() == 600
    assert Member.objects.exclude(status=MemberStatus.ACTIVE).exists()
    assert Employer.objects.count() == 60


def test_id_numbers_valid_and_unique(output):
    active = Member.objects.active()
    hashes = list(active.values_list("id_hash", flat=True))
    assert len(hashes) == len(set(hashes))
    for member in active.order_by("pk")[::6]:  # a fixed sample of 100
        parsed = parse_resident_id(member.id_number)  # decrypted by the field
        assert parsed.gender == member.gender
        assert parsed.birth_date.year == member.birth_year
        born = parsed.birth_date
        # 18th birthday; one born on 29 February comes of age on 1 March in a common year.
        adult = (born.year + 18, born.month, born.day)
        assert (member.joined_on.year, member.joined_on.month, member.joined_on.day) >= adult


def test_credit_codes_valid(output):
    for code in Employer.objects.values_list("credit_code", flat=True):
        assert validate_credit_code(code) == code
    union_codes = Organisation.objects.exclude(kind=OrgKind.GROUP).values_list(
        "credit_code", flat=True
    )
    for code in union_codes:
        assert code.startswith("81") and validate_credit_code(code) == code


def test_tree_paths_consistent_and_names_unique(output):
    orgs = {org.pk: org for org in Organisation.objects.all()}
    (root,) = [org for org in orgs.values() if org.parent_id is None]
    assert root.kind == OrgKind.COUNTY_FEDERATION
    assert root.path == path_segment(root.pk) and root.depth == 0
    for org in orgs.values():
        assert org.county_id == root.pk
        assert org.name_initials
        if org.parent_id:
            parent = orgs[org.parent_id]
            assert org.path == parent.path + path_segment(org.pk)
            assert org.depth == parent.depth + 1
    names = [org.name for org in orgs.values()]
    assert len(names) == len(set(names))
    kinds = {org.kind for org in orgs.values()}
    assert kinds == set(OrgKind.values)


def test_members_fit_their_employers(output):
    for employer in Employer.objects.all():
        members = employer.members.filter(status=MemberStatus.ACTIVE)
        assert members.count() <= employer.headcount
        if employer.union_id is None:
            assert not members.exists()
        assert not members.exclude(union=employer.union_id).exists()


def test_cases_for_pages_and_founding_drive(output):
    today = timezone.localdate()
    operating_without_union = Employer.objects.filter(
        union__isnull=True, operating_status=OperatingStatus.OPERATING
    )
    assert operating_without_union.exists()
    year_ago = today - datetime.timedelta(days=365)
    assert operating_without_union.filter(founded_on__lte=year_ago).exists()
    assert operating_without_union.filter(has_party_branch=True).exists()
    assert operating_without_union.filter(
        ownership=Ownership.NON_PUBLIC, headcount__gte=25
    ).exists()
    assert Organisation.objects.filter(kind=OrgKind.GRASSROOTS).term_overdue(today).exists()
    active = Member.objects.active()
    assert active.new_form().exists()
    assert active.new_form().filter(employer__isnull=True).exists()
    assert active.filter(is_migrant_worker=True).exclude(id_masked__startswith="42").exists()
    assert active.filter(joined_on__year=today.year).exists()


def test_one_user_per_role_listed_in_output(output):
    for spec in DEMO_USERS:
        user = User.objects.get(username=spec.username)
        assert user.has_usable_password() and user.name
        assert spec.username in output
    held = set(RoleAssignment.objects.values_list("role", flat=True))
    assert held == set(Role.values)
    assert "http://127.0.0.1:8000/" in output


def test_refuses_non_empty_database_then_resets_to_the_same_county(output):
    employers = list(Employer.objects.order_by("credit_code").values_list("credit_code", "name"))
    with pytest.raises(CommandError, match="--reset"):
        run_demo()
    run_demo(reset=True)
    assert Member.objects.active().count() == 600
    # The demo users, and the logins the rights demo opens for its counsel (lawyer2 …): once.
    others = User.objects.exclude(username__in=[spec.username for spec in DEMO_USERS])
    assert User.objects.count() == len(DEMO_USERS) + others.count()
    assert not others.filter(counsel__isnull=True).exists()
    assert others.count() == len(set(others.values_list("counsel", flat=True)))
    # Same seed, same county.
    assert list(Employer.objects.order_by("credit_code").values_list("credit_code", "name")) == (
        employers
    )


def test_joining_activity_and_a_portal_worker(output):
    from gonghui.core import pii
    from gonghui.registry.demo_activity import DEMO_WORKER_PHONE
    from gonghui.registry.models import Application

    pending = Application.objects.pending()
    assert pending.filter(kind="join").count() >= 6
    assert pending.overdue().exists() and pending.filter(kind="transfer").exists()
    assert Application.objects.filter(status="refused").exclude(reason="").exists()
    worker = Member.objects.active().get(phone_hash=pii.keyed_hash(DEMO_WORKER_PHONE))
    assert worker.source == "online" and worker.employment_form == "courier"
    assert Member.objects.filter(status=MemberStatus.TRANSFERRED_OUT).exists()
    assert DEMO_WORKER_PHONE in output and "/m/" in output


def test_new_form_workers_in_industry_unions_and_fallback_members(output):
    from gonghui.core.models import AuditEntry
    from gonghui.registry import demo_newform
    from gonghui.registry.models import Application

    courier = Organisation.objects.get(name=demo_newform.COURIER_UNION)
    truck = Organisation.objects.get(name=demo_newform.TRUCK_UNION)
    town1 = Organisation.objects.get(name="城关镇总工会")
    assert courier.kind == truck.kind == OrgKind.INDUSTRY_UNION
    direct = Member.objects.active().filter(union__in=[courier, truck])
    # The imported couriers and drivers, the QR join and the transfer in, less the transfer out.
    assert direct.count() == demo_newform.COURIERS + demo_newform.DRIVERS + 1
    assert direct.filter(union=courier, source="online").exists()
    assert direct.filter(union=courier, source="transfer").exists()
    assert Member.objects.filter(union=courier, status=MemberStatus.TRANSFERRED_OUT).exists()
    assert Application.objects.pending().filter(union=truck).exists()
    assert town1.takes_fallback_members
    fallback = demo_newform.FALLBACK_STAFF + demo_newform.FALLBACK_ONLINE
    assert Member.objects.active().filter(union=town1).count() == fallback
    history = AuditEntry.objects.for_object(town1)
    marked = [e for e in history if "takes_fallback_members" in e.changes]
    assert [e.actor.username for e in marked] == ["townadmin"]
    others = Organisation.objects.filter(takes_fallback_members=True).exclude(pk=town1.pk)
    assert not others.exists()
    assert f"兜底入会会员 {fallback} 人" in output
