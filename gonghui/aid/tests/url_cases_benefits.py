"""The member-day pages in the permission matrix (gonghui/tests/test_url_scoping.py), and the
town-A objects they open (also used by the benefits tests)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from gonghui.aid.models import BenefitOffer, Merchant

MERCHANT_NAME = "城关便民超市"


def make_merchant(organisation, **overrides) -> Merchant:
    fields = {"organisation": organisation, "name": MERCHANT_NAME, "address": "城关镇解放路1号"}
    fields.update(overrides)
    return Merchant.objects.create(**fields)


def make_offer(merchant, **overrides) -> BenefitOffer:
    """An offer open every day of a window around today (a fixture, not the feature)."""
    today = timezone.localdate()
    fields = {
        "merchant": merchant,
        "title": "会员日九折",
        "valid_from": today - datetime.timedelta(days=30),
        "valid_to": today + datetime.timedelta(days=30),
        "discount_rate": Decimal("0.90"),
        "max_discount": Decimal("20.00"),
    }
    fields.update(overrides)
    return BenefitOffer.objects.create(**fields)


def town_a_merchant(county, bob) -> dict:
    return {"pk": make_merchant(county.town_a).pk}


def town_a_merchant_for_offer(county, bob) -> dict:
    return {"merchant_pk": make_merchant(county.town_a).pk}


def town_a_offer(county, bob) -> dict:
    return {"pk": make_offer(make_merchant(county.town_a)).pk}


LIST_URLS = {
    "aid:merchant_list": 200,
    "aid:merchant_add": 200,
    "aid:redeem": 200,
    "aid:redemption_list": 200,
}

OBJECT_URLS = {
    "aid:merchant_detail": ("GET", town_a_merchant),
    "aid:merchant_edit": ("GET", town_a_merchant),
    "aid:offer_add": ("GET", town_a_merchant_for_offer),
    "aid:offer_edit": ("GET", town_a_offer),
}

TOWN_A_SECRETS = [MERCHANT_NAME]
