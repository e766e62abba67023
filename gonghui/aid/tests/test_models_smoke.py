"""The aid schema as the fixtures see it: the seeded kinds and a programme."""

import pytest

from gonghui.aid.models import Programme, ProgrammeKind

pytestmark = pytest.mark.django_db


def test_builtin_kinds_are_seeded():
    names = set(ProgrammeKind.objects.values_list("name", flat=True))
    assert {"医疗救助", "生活救助", "金秋助学", "求学圆梦", "冬送温暖", "专项保险"} <= names


def test_county_programme_is_visible_below_and_editable_only_by_its_owner(
    programme, alice, bob, charlie, lena
):
    assert Programme.objects.visible_to(bob).filter(pk=programme.pk).exists()
    assert Programme.objects.visible_to(charlie).filter(pk=programme.pk).exists()
    assert not Programme.objects.visible_to(lena).exists()
    assert Programme.objects.editable_by(alice).filter(pk=programme.pk).exists()
    assert not Programme.objects.editable_by(bob).exists()


@pytest.mark.django_db(transaction=True)
def test_builtin_kinds_come_back_after_a_flush():
    """A flushed database (tests that commit, `gonghui flush`) is re-seeded on post_migrate."""
    from django.core.management import call_command

    ProgrammeKind.objects.create(code="county_own", name="县级特色帮扶")
    call_command("flush", interactive=False, verbosity=0)
    assert ProgrammeKind.objects.filter(builtin=True).count() == 10
    assert not ProgrammeKind.objects.filter(code="county_own").exists()
