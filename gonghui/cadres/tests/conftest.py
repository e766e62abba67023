"""Fixtures of the cadres tests: social workers with their logins.

sam  — social worker serving town A (城关镇), login with role social_worker there
tina — another social worker of town A (sam must not see her file)
ursula — a social worker of town B
"""

import pytest

from gonghui.cadres.models import SocialWorker
from gonghui.conftest import make_user
from gonghui.core.roles import Role


def worker(county_org, name, username=None, **fields):
    user = make_user(username, Role.SOCIAL_WORKER, county_org, name) if username else None
    return SocialWorker.objects.create(
        organisation=county_org, name=name, post=fields.pop("post", "社工"), user=user, **fields
    )


@pytest.fixture
def sam(county) -> SocialWorker:
    return worker(county.town_a, "孙社工", "sam")


@pytest.fixture
def tina(county) -> SocialWorker:
    return worker(county.town_a, "田秘工", "tina")


@pytest.fixture
def ursula(county) -> SocialWorker:
    return worker(county.town_b, "吴乙社", "ursula")
