"""Importing an existing register of proposals: errors by row, column and reason; nothing
written on error; the page takes an xlsx."""

import pytest
from django.urls import reverse

from gonghui.workforce.models import Proposal
from gonghui.workforce.proposals import imports
from gonghui.workforce.tests.test_imports import xlsx

pytestmark = pytest.mark.django_db
HEADER = [c.header for c in imports.TEMPLATE.columns]


def row(**changes):
    values = {"提出人公民身份号码": "420324199003071231", "姓名": "张甲明", "类别": "合理化建议",
              "题目": "光幕改造", "存在的问题": "冲床夹手", "建议或方案": "加装光幕",
              "预期效益": "", "提出日期": "2025-03-01", "状态": "已实施", "未采纳原因": "",
              "奖励等次": "一等奖", "核实效益（元）": "18000", "效益核实人": "李会计"}  # fmt: skip
    values.update(changes)
    return [values[h] for h in HEADER]


def test_errors_by_row_column_and_reason_nothing_written(county, bob):
    table = [
        HEADER,
        row(),
        row(**{"状态": "未采纳", "奖励等次": "", "核实效益（元）": "", "效益核实人": ""}),
        row(**{"提出人公民身份号码": "420324198502110026", "姓名": "李乙华"}),  # town B
        row(**{"核实效益（元）": "12.345"}),
        row(**{"类别": "好点子"}),
    ]
    with pytest.raises(imports.ImportFailed) as exc:
        imports.import_proposals(actor=bob, table=table)
    found = {(e.row, e.column) for e in exc.value.errors}
    assert (3, "未采纳原因") in found
    assert (4, "提出人公民身份号码") in found
    assert (5, "核实效益（元）") in found
    assert (6, "类别") in found
    assert all(e.reason for e in exc.value.errors)
    assert not Proposal.objects.exists()


def test_import_through_the_page(client, county, bob):
    client.force_login(bob)
    assert client.get(reverse("workforce:import_proposals_template")).status_code == 200
    response = client.post(reverse("workforce:import_proposals"),
                           {"file": xlsx([HEADER, row()], "合理化建议台账")})  # fmt: skip
    assert response.status_code == 302, response.content.decode()[-1500:]
    p = Proposal.objects.get()
    assert p.status == "implemented" and p.verified_benefit == 18000 and p.channel == "import"
    assert p.number.startswith("JY2025-")
