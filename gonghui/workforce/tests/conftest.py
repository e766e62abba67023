import pytest
from django.test import override_settings


@pytest.fixture(autouse=True)
def private_root(tmp_path):
    with override_settings(GONGHUI_PRIVATE_ROOT=tmp_path / "private"):
        yield
