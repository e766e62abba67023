"""Import of existing stations from a spreadsheet: every error by row and column; nothing written
on any error; hours applied to every day."""

import pytest

from gonghui.stations.models import Station
from gonghui.stations.stations import imports

pytestmark = pytest.mark.django_db

HEADER = ["驿站名称", "类型", "共建单位", "责任工会", "地址", "纬度", "经度", "坐标系", "设施",
          "24小时热线", "有人值守时段", "无人值守时段", "状态"]  # fmt: skip


def test_a_good_file(county, bob):
    table = [
        HEADER,
        ["城关爱心驿站", "工会自建", "", "城关镇总工会", "人民路1号", 33.77, 120.25, "高德",
         "饮用水、充电", "12351", "08:00-18:00", "06:30-08:00；18:00-21:30", "开放"],
        ["城关银行驿站", "共建·银行网点", "农商行城关支行", "城关镇总工会", "解放路2号", "", "", "",
         "", "", "00:00-00:00", "", ""],
    ]  # fmt: skip
    made = imports.import_stations(actor=bob, table=table)
    assert len(made) == 2
    first = Station.objects.get(name="城关爱心驿站")
    assert first.datum == "gcj02" and first.facility_codes == ["water", "charging"]
    assert first.windows.count() == 21


def test_errors_name_row_and_column_and_nothing_is_written(county, bob):
    table = [
        HEADER,
        ["甲", "工会自建", "", "水坪镇总工会", "路", "", "", "", "", "", "", "", ""],
        ["乙", "宫殿", "", "城关镇总工会", "路", "", "", "", "桑拿", "", "8点到9点", "", ""],
        ["丙", "工会自建", "", "城关镇总工会", "路", "95", "120", "", "", "", "", "", ""],
    ]  # fmt: skip
    with pytest.raises(imports.ImportFailed) as caught:
        imports.import_stations(actor=bob, table=table)
    found = {(e.row, e.column) for e in caught.value.errors}
    assert {(2, "责任工会"), (3, "类型"), (3, "设施"), (3, "有人值守时段")} <= found
    assert not Station.objects.exists()
