"""The organisation tree: paths, subtrees, kinds, unique names, moving a subtree whole."""

import pytest
from django.core.exceptions import ValidationError

from gonghui.core.models import AuditEntry, Organisation, OrgKind
from gonghui.core.models.orgs import path_segment
from gonghui.core.services.orgs import (
    create_organisation,
    move_organisation,
    update_organisation,
)

pytestmark = pytest.mark.django_db


def test_paths_and_depth_follow_the_parent(county):
    assert county.county.path == path_segment(county.county.pk)
    assert county.union_a.path == county.town_a.path + path_segment(county.union_a.pk)
    assert county.union_a.depth == 2
    assert county.union_a.county_id == county.county.pk


def test_subtree_is_one_prefix_query(county, django_assert_num_queries):
    with django_assert_num_queries(1):
        names = set(Organisation.objects.subtree(county.town_a).values_list("name", flat=True))
    assert names == {"城关镇总工会", "甲机械厂工会"}


def test_ancestors_from_root_down(county):
    assert [o.name for o in county.union_a.ancestors()] == ["测试县总工会", "城关镇总工会"]


def test_kind_codes_are_the_documented_ones():
    assert set(OrgKind.values) == {
        "county_federation",
        "town_federation",
        "industry_union",
        "park_union",
        "grassroots",
        "joint_union",
        "group",
    }


def test_names_are_unique_within_a_county(county):
    with pytest.raises(ValidationError) as exc:
        create_organisation(
            actor=None, name="甲机械厂工会", kind=OrgKind.GRASSROOTS, parent=county.town_b
        )
    assert "甲机械厂工会" in str(exc.value)
    # Another county may use the same name.
    other = create_organisation(
        actor=None, name="另一县总工会", kind=OrgKind.COUNTY_FEDERATION, parent=None
    )
    town = create_organisation(
        actor=None, name="城关镇总工会", kind=OrgKind.TOWN_FEDERATION, parent=other
    )
    assert town.county_id == other.pk


def test_kind_must_fit_under_its_parent(county):
    with pytest.raises(ValidationError):
        create_organisation(
            actor=None, name="错位的镇", kind=OrgKind.TOWN_FEDERATION, parent=county.union_a
        )
    with pytest.raises(ValidationError):
        create_organisation(
            actor=None, name="第二个县", kind=OrgKind.COUNTY_FEDERATION, parent=county.county
        )


def test_union_credit_code_is_checked(county):
    with pytest.raises(ValidationError):
        update_organisation(actor=None, organisation=county.union_a, credit_code="81420324X")


def test_moving_keeps_the_subtree_whole(county, alice):
    group = create_organisation(
        actor=None, name="一车间小组", kind=OrgKind.GROUP, parent=county.union_a
    )
    move_organisation(actor=alice, organisation=county.union_a, new_parent=county.town_b)
    union = Organisation.objects.get(pk=county.union_a.pk)
    group.refresh_from_db()
    assert union.parent_id == county.town_b.pk
    assert union.path == county.town_b.path + path_segment(union.pk)
    assert group.path == union.path + path_segment(group.pk)
    assert group.depth == 3
    assert set(Organisation.objects.subtree(county.town_b).values_list("name", flat=True)) == {
        "水坪镇总工会",
        "乙茶叶公司工会",
        "甲机械厂工会",
        "一车间小组",
    }
    assert AuditEntry.objects.filter(action="move", object_id=str(union.pk)).exists()


def test_cannot_move_under_own_descendant(county):
    with pytest.raises(ValidationError):
        move_organisation(actor=None, organisation=county.town_a, new_parent=county.union_a)


def test_term_overdue(county):
    import datetime

    update_organisation(
        actor=None, organisation=county.union_b, term_ends_on=datetime.date(2020, 1, 1)
    )
    assert list(Organisation.objects.term_overdue()) == [
        Organisation.objects.get(pk=county.union_b.pk)
    ]


def test_kind_change_that_would_strand_members_is_refused(county):
    import datetime

    from gonghui.registry.services import create_member

    joint = create_organisation(
        actor=None, name="联合工会", kind=OrgKind.JOINT_UNION, parent=county.town_a
    )
    inner = create_organisation(actor=None, name="内部工会", kind=OrgKind.GRASSROOTS, parent=joint)
    create_member(
        actor=None,
        name="王五",
        id_number="11010519491231002X",
        union=inner,
        joined_on=datetime.date(2024, 1, 1),
    )
    with pytest.raises(ValidationError) as exc:
        update_organisation(actor=None, organisation=inner, kind=OrgKind.GROUP)
    assert "在会会员" in str(exc.value)
    with pytest.raises(ValidationError) as exc:
        update_organisation(actor=None, organisation=county.town_a, kind=OrgKind.INDUSTRY_UNION)
    assert "属地工会" in str(exc.value)


def test_union_credit_code_must_be_a_unions(county):
    from gonghui.core.validators import credit_code_check_char

    company = "91420324MA4F00001L"
    with pytest.raises(ValidationError) as exc:
        update_organisation(actor=None, organisation=county.union_a, credit_code=company)
    assert "81" in str(exc.value)
    code = "81420324MA4F0000" + "1"
    code += credit_code_check_char(code)
    update_organisation(actor=None, organisation=county.union_a, credit_code=code)


def test_history_follows_a_moved_subtree(county):
    from gonghui.core.models import AuditEntry

    move_organisation(actor=None, organisation=county.union_a, new_parent=county.town_b)
    member_entries = AuditEntry.objects.filter(object_repr__startswith="张甲明")
    assert member_entries.exists()
    assert all(e.org_path.startswith(county.town_b.path) for e in member_entries)
