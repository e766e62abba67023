"""The dashboard's 维权服务 section (gonghui/rights/dashboard.py) on the county of
test_figures_rights: the same figures as cards, the cases by type, scoped to the viewer."""

import pytest
from django.urls import reverse

from gonghui.rights.tests.test_figures_rights import built  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def page(client, user, **params) -> str:
    client.force_login(user)
    response = client.get(reverse("reports:dashboard"), {"year": 2025, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_county_admin_sees_the_section(built, client, alice):  # noqa: F811
    html = page(client, alice)
    assert 'id="rights-figures"' in html and "维权服务" in html
    assert 'data-figure="cases" data-value="5"' in html
    assert 'data-figure="cases_closed" data-value="4"' in html
    assert 'data-figure="wages_recovered" data-value="8600.00"' in html and "8,600.00" in html
    assert 'data-figure="visits" data-value="9"' in html
    assert 'data-figure="consultations" data-value="5"' in html
    assert 'data-figure="risk_points" data-value="2"' in html
    assert 'data-figure="warnings_open" data-value="3"' in html
    assert 'data-figure="congress_rate" data-value="0.3333"' in html and "33.33%" in html
    # Cases by type: wages, injury, dismissal and the contract case closed in 2025.
    for code in ("wages", "injury", "dismissal", "contract"):
        assert f'data-case-kind="{code}"' in html
    assert 'data-case-kind="social_insurance"' not in html
    assert "50,000.00" in html  # the injury case's compensation, in its own row


def test_town_b_clerk_sees_only_town_b(built, client, charlie):  # noqa: F811
    html = page(client, charlie)
    assert 'data-figure="cases" data-value="1"' in html
    assert 'data-figure="wages_recovered" data-value="600.00"' in html
    assert 'data-figure="visits" data-value="2"' in html
    assert 'data-figure="warnings_open" data-value="1"' in html
    assert 'data-case-kind="injury"' not in html and "50,000.00" not in html
    assert "8,600.00" not in html


def test_org_narrows_the_section(built, client, alice):  # noqa: F811
    html = page(client, alice, org=built.town_a.pk)
    assert 'data-figure="wages_recovered" data-value="8000.00"' in html
    # The rates are as of today (the fixture's contract has expired by now; the congress stays).
    assert 'data-figure="congress_rate" data-value="0.5"' in html and "50.00%" in html


def test_empty_year_says_so(built, client, alice):  # noqa: F811
    html = page(client, alice, year=2023)
    assert 'data-figure="cases" data-value="0"' in html
    assert "统计期内没有维权案件" in html
