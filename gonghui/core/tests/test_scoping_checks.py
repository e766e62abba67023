"""The shared checks of an update: out of scope is PermissionDenied, in scope the row comes back
locked and fresh."""

import pytest
from django.core.exceptions import PermissionDenied

from gonghui.core.scoping import OUT_OF_SCOPE, ensure_may_edit_org, lock_for_edit
from gonghui.registry.models import Employer

pytestmark = pytest.mark.django_db


def test_ensure_may_edit_org_refuses_another_town(county, bob, charlie):
    ensure_may_edit_org(bob, county.town_a)
    with pytest.raises(PermissionDenied) as refused:
        ensure_may_edit_org(charlie, county.town_a)
    assert str(refused.value) == str(OUT_OF_SCOPE)


def test_lock_for_edit_returns_the_fresh_row(county, bob):
    Employer.objects.filter(pk=county.employer_a.pk).update(name="改名后的单位")
    row = lock_for_edit(county.employer_a, actor=bob, org_field="territory")
    assert row.pk == county.employer_a.pk and row.name == "改名后的单位"


def test_lock_for_edit_refuses_out_of_scope(county, charlie):
    with pytest.raises(PermissionDenied):
        lock_for_edit(county.employer_a, actor=charlie, org_field="territory")


def test_lock_for_edit_follows_a_path(county, bob, charlie):
    member = county.member_a
    assert lock_for_edit(member, actor=bob, org_field="union__parent").pk == member.pk
    with pytest.raises(PermissionDenied):
        lock_for_edit(member, actor=charlie, org_field="union__parent")
