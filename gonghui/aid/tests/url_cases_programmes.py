"""Programme, application and notice pages and their API in the permission matrix
(gonghui/tests/test_url_scoping.py)."""

import datetime
from decimal import Decimal


def town_a_programme(county, bob) -> int:
    """A programme run by town A (charlie of town B must not see it)."""
    from gonghui.aid.models import Programme, ProgrammeKind

    today = datetime.date.today()
    programme = Programme.objects.create(
        organisation=county.town_a,
        kind=ProgrammeKind.objects.get(code="medical"),
        name="镇医疗救助",
        year=today.year,
        budget=Decimal("5000.00"),
        cap=Decimal("1000.00"),
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=30),
    )
    return programme.pk


def _county_programme(county):
    from gonghui.aid.models import Programme, ProgrammeKind

    today = datetime.date.today()
    return Programme.objects.create(
        organisation=county.county,
        kind=ProgrammeKind.objects.get(code="autumn_study"),
        name="金秋助学",
        year=today.year,
        budget=Decimal("10000.00"),
        cap=Decimal("2000.00"),
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=30),
    )


def town_a_application(county, bob) -> int:
    """member_a's (union_a, town A) application from the portal, waiting for the union."""
    from gonghui.aid.programmes import applications

    application = applications.apply(
        programme=_county_programme(county),
        member=county.member_a,
        amount_requested=Decimal("1000.00"),
    )
    return application.pk


def town_a_application_in_review(county, bob) -> int:
    """The same, sent to review by bob: the county decides (the county admin may)."""
    from gonghui.aid.models import AidApplication
    from gonghui.aid.programmes import applications

    application = AidApplication.objects.get(pk=town_a_application(county, bob))
    applications.submit(actor=bob, application=application)
    return application.pk


LIST_URLS = {
    "aid:programme_list": 200,
    "aid:programme_add": 200,
    "aid:kind_list": 200,
    "aid:application_list": 200,
    "aid:application_add": 200,
    "aid:notice_list": 200,
    "aid-programme-list": 200,
    "aid-application-list": 200,
}

PUBLIC_URLS = {"aid:notice_public"}

OBJECT_URLS = {
    "aid:programme_detail": ("GET", lambda c, u: {"pk": town_a_programme(c, u)}),
    "aid:programme_edit": ("GET", lambda c, u: {"pk": town_a_programme(c, u)}),
    "aid:application_detail": ("GET", lambda c, u: {"pk": town_a_application(c, u)}),
    "aid:application_submit": ("POST", lambda c, u: {"pk": town_a_application(c, u)}),
    "aid:application_upload": ("POST", lambda c, u: {"pk": town_a_application(c, u)}),
    "aid:application_withdraw": ("POST", lambda c, u: {"pk": town_a_application(c, u)}),
    "aid:application_approve": ("POST", lambda c, u: {"pk": town_a_application_in_review(c, u)}),
    "aid:application_refuse": ("POST", lambda c, u: {"pk": town_a_application_in_review(c, u)}),
    "aid-programme-detail": ("GET", lambda c, u: {"pk": town_a_programme(c, u)}),
    "aid-application-detail": ("GET", lambda c, u: {"pk": town_a_application(c, u)}),
    "aid-application-submit": ("POST", lambda c, u: {"pk": town_a_application(c, u)}),
    "aid-application-approve": ("POST", lambda c, u: {"pk": town_a_application_in_review(c, u)}),
    "aid-application-refuse": ("POST", lambda c, u: {"pk": town_a_application_in_review(c, u)}),
}

POST_DATA = {
    "aid:application_refuse": lambda c: {"reason": "材料不全"},
    "aid-application-refuse": lambda c: {"reason": "材料不全"},
}
