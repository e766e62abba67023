"""Members: validation, personal data encrypted at rest and masked, reveals audited."""

import datetime
import io

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from gonghui.core.models import AuditEntry
from gonghui.registry.choices import MemberStatus
from gonghui.registry.models import Member
from gonghui.registry.services import create_member, reveal, update_member

pytestmark = pytest.mark.django_db

CLEAR_ID = "420324199003071231"


def raw_rows(sql: str):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def test_id_number_derives_gender_birth_date_and_mask(county):
    m = county.member_a
    assert m.gender == "M"
    assert m.birth_year == 1990
    assert Member.objects.get(pk=m.pk).birth_date == datetime.date(1990, 3, 7)
    assert m.id_masked == "420324********1231"
    assert m.phone_masked == "138****5678"


def test_database_holds_no_clear_personal_data(county):
    rows = raw_rows("SELECT * FROM registry_member")
    dump = repr(rows)
    assert CLEAR_ID not in dump
    assert "13812345678" not in dump
    # nor the birth date the mask hides (it would complete the masked number)
    assert "1990-03-07" not in dump and "19900307" not in dump
    # ...and the model still reads it back.
    assert Member.objects.get(pk=county.member_a.pk).id_number == CLEAR_ID


def test_audit_log_holds_no_clear_personal_data(county):
    dump = repr(list(AuditEntry.objects.values_list("changes", flat=True)))
    assert CLEAR_ID not in dump and "13812345678" not in dump
    assert "420324********1231" in dump


def test_find_by_id_number_through_keyed_hash(county):
    assert list(Member.objects.with_id_number(CLEAR_ID.lower())) == [county.member_a]


def test_lower_case_x_is_stored_upper(county):
    m = create_member(
        actor=None,
        name="王小",
        id_number="11010519491231002x",
        union=county.union_a,
        joined_on=datetime.date(2024, 1, 1),
    )
    assert Member.objects.get(pk=m.pk).id_number == "11010519491231002X"


@pytest.mark.parametrize(
    "field,value",
    [
        ("id_number", "420324199003071234"),  # wrong check character
        ("id_number", "990324199003071231"),  # no such province
        ("phone", "23812345678"),
        ("joined_on", datetime.date(2099, 1, 1)),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(county, field, value):
    data = dict(
        name="新会员",
        id_number="11010519491231002X",
        phone="",
        union=county.union_a,
        joined_on=datetime.date(2024, 1, 1),
    )
    data[field] = value
    before = Member.objects.count()
    with pytest.raises(ValidationError) as exc:
        create_member(actor=None, **data)
    assert field in exc.value.message_dict
    assert Member.objects.count() == before


def test_one_active_membership_per_id_number(county):
    with pytest.raises(ValidationError) as exc:
        create_member(
            actor=None,
            name="张甲明",
            id_number=CLEAR_ID,
            union=county.union_b,
            joined_on=datetime.date(2024, 1, 1),
        )
    assert "甲机械厂工会" in str(exc.value)
    # Once the first membership has ended, the same person may be active elsewhere.
    update_member(
        actor=None,
        member=county.member_a,
        status=MemberStatus.LEFT,
        left_on=datetime.date(2025, 1, 1),
    )
    create_member(
        actor=None,
        name="张甲明",
        id_number=CLEAR_ID,
        union=county.union_b,
        joined_on=datetime.date(2025, 2, 1),
    )
    assert Member.objects.with_id_number(CLEAR_ID).count() == 2


def test_database_enforces_one_active_membership(county):
    """The partial unique index holds even if a service check is bypassed."""
    from django.db import IntegrityError, transaction

    twin = Member(name="复制", union=county.union_b, joined_on=datetime.date(2024, 1, 1))
    twin.set_id_number(CLEAR_ID)
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_update_is_audited_with_before_and_after(county, bob):
    update_member(actor=bob, member=county.member_a, name="张甲明明", phone="13900001111")
    entry = AuditEntry.objects.filter(action="update").latest("pk")
    assert entry.actor == bob
    assert entry.changes["name"] == ["张甲明", "张甲明明"]
    assert entry.changes["phone_masked"] == ["138****5678", "139****1111"]


def test_reveal_returns_clear_value_and_is_audited(county, bob):
    assert reveal(actor=bob, member=county.member_a, field="id_number") == CLEAR_ID
    entry = AuditEntry.objects.filter(action="reveal").get()
    assert entry.actor == bob and entry.object_id == str(county.member_a.pk)
    assert CLEAR_ID not in repr(entry.changes)


def test_key_rotation_re_encrypts_and_old_key_can_go(county, settings):
    old_key = settings.PII_KEYS[0]
    before = raw_rows(f"SELECT id_number FROM registry_member WHERE id = {county.member_a.pk}")
    new_key = Fernet.generate_key().decode()
    settings.PII_KEYS = [new_key, old_key]
    call_command("rotate_pii_keys", stdout=io.StringIO())
    after = raw_rows(f"SELECT id_number FROM registry_member WHERE id = {county.member_a.pk}")
    assert before != after
    settings.PII_KEYS = [new_key]  # the old key is gone: everything still reads
    assert Member.objects.get(pk=county.member_a.pk).id_number == CLEAR_ID
    assert Member.objects.get(pk=county.member_b.pk).phone == "13987654321"


def test_twin_message_names_the_union_only_to_who_may_see_it(county, bob, alice):
    with pytest.raises(ValidationError) as exc:
        create_member(
            actor=bob,
            name="李乙华",
            id_number="420324198502110026",
            union=county.union_a,
            joined_on=datetime.date(2024, 1, 1),
        )
    assert "乙茶叶公司工会" not in str(exc.value) and "转会" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        create_member(
            actor=alice,
            name="李乙华",
            id_number="420324198502110026",
            union=county.union_a,
            joined_on=datetime.date(2024, 1, 1),
        )
    assert "乙茶叶公司工会" in str(exc.value)


def test_services_refuse_a_union_outside_the_actors_scope(county, bob):
    with pytest.raises(ValidationError) as exc:
        create_member(
            actor=bob,
            name="越界",
            id_number="11010519491231002X",
            union=county.union_b,
            joined_on=datetime.date(2024, 1, 1),
        )
    assert exc.value.message_dict["union"] == ["不在您的管理范围内"]


def test_full_width_id_number_is_found(county):
    assert (
        Member.objects.with_id_number("４２０３２４１９９００３０７１２３１").get()
        == county.member_a
    )
