"""Fixtures of the points and proposals tests: union_a's rules and rewards, a photo."""


from django.core.files.uploadedfile import SimpleUploadedFile

from gonghui.workforce.models.points import Evidence, PointsItem
from gonghui.workforce.points import services

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def photo(name="隐患.png"):
    return SimpleUploadedFile(name, PNG, content_type="image/png")


def make_rule(county, **overrides):
    fields = dict(item=PointsItem.SAFETY_SNAP, name="安全随手拍", points=10,
                  evidence=Evidence.PHOTO, daily_cap=20, monthly_cap=100)  # fmt: skip
    fields.update(overrides)
    return services.create_rule(actor=None, union=county.union_a, **fields)


def make_reward(county, **overrides):
    fields = dict(name="保温杯", points=30, stock=5)
    fields.update(overrides)
    return services.create_reward(actor=None, union=county.union_a, **fields)


