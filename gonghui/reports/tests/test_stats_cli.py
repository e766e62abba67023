"""`gonghui stats`: JSON keys, rounding, --org, the period, and errors with exit codes."""

import datetime
import json
from io import StringIO

import pytest
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError
from django.db import connections

from gonghui.core.models import OrgKind
from gonghui.core.services.orgs import create_organisation
from gonghui.reports.tests.conftest import TODAY
from gonghui.reports.tests.test_figures import COUNTY, KEYS, TOWN_A, as_json

pytestmark = pytest.mark.django_db

YEAR_2025 = ["--from", "2025-01-01", "--to", "2025-12-31"]


def stats(*args) -> str:
    out = StringIO()
    call_command("stats", *args, stdout=out)
    return out.getvalue()


def test_json_is_one_object_with_exactly_the_keys(fig):
    output = stats("--json", *YEAR_2025)
    assert output.count("\n") == 1  # one line, one object
    values = json.loads(output)
    assert list(values) == KEYS
    assert values == as_json(COUNTY)


def test_rates_are_rounded_to_four_places_in_the_json(fig):
    output = stats("--json", *YEAR_2025)
    assert '"founding_rate": 0.5714,' in output  # 4/7
    assert '"membership_rate": 0.0368,' in output  # 7/190
    assert '"founding_rate_25plus": 0.5,' in output


def test_org_by_name(fig):
    assert json.loads(stats("--json", "--org", "城关镇总工会", *YEAR_2025)) == as_json(TOWN_A)


def test_default_period_is_this_year(fig, monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)
    assert json.loads(stats("--json"))["members_new"] == COUNTY["members_new"]
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: datetime.date(2026, 3, 1)
    )
    assert json.loads(stats("--json"))["members_new"] == 0


def test_one_end_of_the_period(fig):
    # --from alone runs to the end of its year: b_new (1 Jul) and new_last (31 Dec); late
    # joined on 1 June.
    assert json.loads(stats("--json", "--from", "2025-07-01"))["members_new"] == 2


def test_readable_table(fig):
    output = stats("--org", "城关镇总工会", *YEAR_2025)
    assert "范围：城关镇总工会" in output
    assert "统计期：2025-01-01 至 2025-12-31" in output
    lines = dict(line.rsplit(None, 1) for line in output.splitlines()[1:])
    assert lines["会员总数"] == "8"
    assert lines["建会率"] == "50.00%"
    assert lines["入会率"] == "3.33%"
    assert lines["工会组织数"] == "4"


@pytest.mark.parametrize(
    "args,message",
    [
        (["--org", "没有这个工会"], "没有名为“没有这个工会”的工会组织"),
        (["--from", "2025-02-30"], "--from 日期格式应为 YYYY-MM-DD"),
        (["--to", "2025/12/31"], "--to 日期格式应为 YYYY-MM-DD"),
        (["--from", "20250101"], "--from 日期格式应为 YYYY-MM-DD"),
        (["--from", "2025-02-01", "--to", "2025-01-31"], "起始日期不能晚于截止日期"),
    ],
)
def test_errors(fig, args, message):
    with pytest.raises(CommandError, match=message):
        stats("--json", *args)


def test_a_name_shared_by_two_counties_is_refused(fig):
    other = create_organisation(
        actor=None, name="邻县总工会", kind=OrgKind.COUNTY_FEDERATION, parent=None
    )
    create_organisation(actor=None, name="城关镇总工会", kind=OrgKind.TOWN_FEDERATION, parent=other)
    with pytest.raises(CommandError, match="有多个名为“城关镇总工会”的工会组织.*邻县总工会"):
        stats("--json", "--org", "城关镇总工会")


def test_exit_codes(fig, capsys, monkeypatch):
    # The command line closes every connection when a command ends; the test's transaction
    # lives on one of them.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    execute_from_command_line(["gonghui", "stats", "--json"])  # success: no SystemExit
    assert json.loads(capsys.readouterr().out)["members"] == COUNTY["members"]
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["gonghui", "stats", "--org", "没有这个工会"])
    assert exit_info.value.code == 1
    assert "没有名为" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["gonghui", "stats", "--from", "yesterday"])
    assert exit_info.value.code == 1
