"""Employers: credit codes, territory and covering union, the derived union status."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from gonghui.core.services.orgs import update_organisation
from gonghui.registry.choices import OperatingStatus, Ownership, UnionStatus
from gonghui.registry.models import Employer
from gonghui.registry.services import create_employer, update_employer

pytestmark = pytest.mark.django_db


def statuses(ids):
    """The status from the Python property and from the SQL annotation: they must agree."""
    by_sql = dict(
        Employer.objects.with_union_status()
        .filter(pk__in=ids)
        .values_list("pk", "union_status_code")
    )
    by_python = {e.pk: e.union_status.value for e in Employer.objects.filter(pk__in=ids)}
    assert by_sql == by_python
    return by_python


def test_union_status_is_derived_in_all_four_states(county):
    a, b = county.employer_a, county.employer_b
    none = create_employer(
        actor=None,
        credit_code="91420324MA4F000051",
        name="丙商店",
        territory=county.town_a,
        ownership=Ownership.NON_PUBLIC,
        headcount=8,
    )
    ids = [a.pk, b.pk, none.pk]
    assert statuses(ids) == {a.pk: "unionized", b.pk: "unionized", none.pk: "none"}

    update_organisation(
        actor=None, organisation=county.union_a, term_ends_on=datetime.date(2020, 12, 31)
    )
    update_employer(actor=None, employer=b, operating_status=OperatingStatus.SUSPENDED)
    assert statuses(ids) == {a.pk: "term_overdue", b.pk: "not_operating", none.pk: "none"}

    update_organisation(actor=None, organisation=county.union_a, status="dissolved")
    assert statuses(ids)[a.pk] == "none"
    assert Employer.objects.with_status(UnionStatus.NONE).filter(pk=a.pk).exists()


def test_credit_code_is_validated_and_unique(county):
    with pytest.raises(ValidationError) as exc:
        create_employer(
            actor=None,
            credit_code="91420324MA4F00005X",
            name="错码",
            territory=county.town_a,
            ownership=Ownership.STATE,
            headcount=1,
        )
    assert "credit_code" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        create_employer(
            actor=None,
            credit_code=county.employer_a.credit_code,
            name="重复",
            territory=county.town_a,
            ownership=Ownership.STATE,
            headcount=1,
        )
    assert "甲机械厂" in str(exc.value)


def test_territory_must_be_a_town_or_park_and_union_a_grassroots(county):
    with pytest.raises(ValidationError) as exc:
        create_employer(
            actor=None,
            credit_code="91420324MA4F000051",
            name="丙",
            territory=county.union_a,
            union=county.town_a,
            ownership=Ownership.STATE,
            headcount=1,
        )
    assert set(exc.value.message_dict) == {"territory", "union"}


@pytest.mark.parametrize("code", ["N2420324MA4F00001B", "Y1420324MA4F00001A"])
def test_n_and_y_authority_codes_are_accepted(county, code):
    from gonghui.core.validators import credit_code_check_char

    code = code[:17] + credit_code_check_char(code[:17])
    e = create_employer(
        actor=None,
        credit_code=code,
        name="社会组织" + code[0],
        territory=county.town_a,
        ownership=Ownership.SOCIAL_ORGANISATION,
        headcount=3,
    )
    assert e.credit_code == code
