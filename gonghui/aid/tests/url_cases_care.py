"""The care pages in the permission matrix (gonghui/tests/test_url_scoping.py)."""

import datetime

LIST_URLS = {"aid:care_list": 200, "aid:care_add": 200}


def town_a_campaign(county, user) -> int:
    """A campaign run by town A (written directly: a fixture, not the feature under test)."""
    from gonghui.aid.models import CareCampaign

    today = datetime.date.today()
    campaign = CareCampaign.objects.create(
        organisation=county.town_a, season="winter", name="城关镇冬送温暖", year=today.year,
        starts_on=today - datetime.timedelta(days=10), ends_on=today + datetime.timedelta(days=10),
    )  # fmt: skip
    return campaign.pk


def town_a_visit(county, user) -> int:
    """张甲明 of union_a on town A's campaign, not yet visited."""
    from gonghui.aid.models import CareVisit

    visit = CareVisit.objects.create(
        campaign_id=town_a_campaign(county, user), union=county.union_a, member=county.member_a,
        recipient_name=county.member_a.name,
    )  # fmt: skip
    return visit.pk


OBJECT_URLS = {
    "aid:care_detail": ("GET", lambda c, u: {"pk": town_a_campaign(c, u)}),
    "aid:care_edit": ("GET", lambda c, u: {"pk": town_a_campaign(c, u)}),
    "aid:care_recipient_add": ("GET", lambda c, u: {"pk": town_a_campaign(c, u)}),
    "aid:care_add_filed": ("POST", lambda c, u: {"pk": town_a_campaign(c, u)}),
    "aid:care_export": ("GET", lambda c, u: {"pk": town_a_campaign(c, u)}),
    "aid:care_visit": ("GET", lambda c, u: {"pk": town_a_visit(c, u)}),
    "aid:care_recipient_remove": ("POST", lambda c, u: {"pk": town_a_visit(c, u)}),
}

POST_DATA = {"aid:care_add_filed": lambda c: {"union": c.union_a.pk}}

TOWN_A_SECRETS = ["城关镇冬送温暖"]
