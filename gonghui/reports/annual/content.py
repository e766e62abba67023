"""A snapshot's figures as the report says them: one sentence per figure with the previous
year's value and the change, the sections that have data, the table by town and the chart data.

Everything here reads the snapshot's JSON only (never the database), so a report produced again
from its snapshot says exactly what it said the first time."""

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.serializers.json import DjangoJSONEncoder

from gonghui.reports import display
from gonghui.reports.annual.sections import SECTIONS, Section

DECIMAL_TEXT = re.compile(r"-?\d+\.\d+")
UNIT_IN_LABEL = re.compile(r"（(元|人|分钟|份)）$")


def normalise(values: dict) -> dict:
    """Figures as the snapshot stores them (yuan as exact strings, "2000.00")."""
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def restore(value):
    """A stored value as the figure had it: Decimals (yuan, hours) were stored as strings."""
    if isinstance(value, str) and DECIMAL_TEXT.fullmatch(value):
        return Decimal(value)
    if isinstance(value, dict):
        # Largest first, then by name: PostgreSQL's jsonb keeps no key order, and a report
        # rendered again from its snapshot must read exactly as the first time.
        items = [(k, restore(v)) for k, v in value.items()]
        return dict(sorted(items, key=lambda kv: (-_magnitude(kv[1]), kv[0])))
    return value


def _magnitude(value) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return 0.0
    return float(value)


def total(value):
    """A number to compare: a breakdown's sum (of counts or yuan; None for shares)."""
    if isinstance(value, dict):
        numbers = [v for v in value.values() if isinstance(v, int | Decimal)]
        return sum(numbers) if len(numbers) == len(value) else None
    if isinstance(value, bool):
        return None
    return value if isinstance(value, int | float | Decimal) else None


def is_rate(key: str) -> bool:
    return key in display.RATE_KEYS


def has_data(value) -> bool:
    if isinstance(value, dict):
        return any(has_data(v) for v in value.values())
    return value not in (None, 0, Decimal(0), 0.0)


def number(value, unit: str) -> str:
    if isinstance(value, Decimal):
        # Without a unit of its own a Decimal is yuan (core.money), with two places.
        return f"{value:,.2f} 元" if not unit else f"{value:,} {unit}"
    if isinstance(value, float):
        text = f"{value:,.1f}".removesuffix(".0")
        return f"{text} {unit}".rstrip()
    return f"{value:,} {unit}".rstrip()


@dataclass
class Figure:
    key: str
    label: str
    unit: str
    value: object
    previous: object
    text: str = ""
    sentence: str = ""
    change: str = ""


def split_label(label: str, unit: str) -> tuple[str, str]:
    """ "帮扶资金发放（元）" → ("帮扶资金发放", "元"): the unit goes after the number."""
    label = str(label)
    found = UNIT_IN_LABEL.search(label)
    if found:
        return label[: found.start()], unit or found.group(1)
    return label, unit


def change_text(key: str, value, previous, unit: str) -> str:
    """ "比上年增加 1,234 人，增长 11.1%"; rates in percentage points; "" when not comparable."""
    if is_rate(key) and isinstance(value, float) and isinstance(previous, float):
        points = round((value - previous) * 100, 2)
        if points == 0:
            return "与上年持平"
        word = "提高" if points > 0 else "下降"
        return f"比上年{word} {abs(points):.2f} 个百分点"
    now, before = total(value), total(previous)
    if now is None or before is None or is_rate(key):
        return ""
    delta = now - before
    if delta == 0:
        return "与上年持平"
    word, grow = ("增加", "增长") if delta > 0 else ("减少", "下降")
    text = f"比上年{word} {number(abs(delta), unit)}"
    if before:
        text += f"，{grow} {abs(delta) * 100 / before:.1f}%"
    return text


def value_text(key: str, value, unit: str) -> str:
    if value is None:
        return "—"
    if is_rate(key):
        return display.text(key, value)
    if isinstance(value, dict):
        parts = [
            f"{display.kind_label(k)} {value_text('', v, unit)}" for k, v in value.items() if v
        ]
        return "，".join(parts) or "0"
    return number(value, unit)


def figure(key: str, label: str, unit: str, current: dict, previous: dict, where: str) -> Figure:
    label, unit = split_label(label, unit)
    value, before = restore(current.get(key)), restore(previous.get(key))
    item = Figure(key, label, unit, value, before)
    item.text = value_text(key, value, unit)
    item.change = change_text(key, value, before, unit)
    if isinstance(value, dict):
        whole = total(value)
        head = f"{where}{label}" + (f"合计 {number(whole, unit)}" if whole is not None else "")
        if whole is None:
            item.sentence = f"{head}：{item.text}"
        else:
            item.sentence = f"{head}，其中{item.text}" if whole else head
        if item.change:
            item.sentence += f"；合计{item.change}"
    else:
        item.sentence = f"{where}{label} {item.text}"
        if item.change:
            item.sentence += f"，{item.change}"
    item.sentence += "。"
    return item


@dataclass
class SectionContent:
    section: Section
    number: str
    figures: list[Figure]
    town_header: list[str] = field(default_factory=list)
    town_rows: list[list[str]] = field(default_factory=list)  # as written
    town_keys: list[str] = field(default_factory=list)
    town_values: list[list] = field(default_factory=list)  # the values, for the workbook
    chart: dict | None = None  # {"title", "names", "values"}

    @property
    def title(self) -> str:
        return self.section.title

    @property
    def sentences(self) -> list[str]:
        return [f.sentence for f in self.figures]


NUMERALS = "一二三四五六七八九十"


def where_name(org_name: str, is_county: bool) -> str:
    return "全县" if is_county else org_name


def build(snapshot: dict, labels: dict) -> list[SectionContent]:
    """The sections with data, numbered, from a snapshot's stored JSON:
    {"figures": {"current", "previous"}, "by_town": [...], "org_name", "is_county"}."""
    current = snapshot["figures"].get("current", {})
    previous = snapshot["figures"].get("previous", {})
    where = where_name(snapshot["org_name"], snapshot["is_county"])
    built = []
    for section in SECTIONS:
        keys = [(k, u) for k, u in section.figures if k in current]
        if not any(has_data(current[k]) or has_data(previous.get(k)) for k, _ in keys):
            continue
        number_ = NUMERALS[len(built)] if len(built) < len(NUMERALS) else str(len(built) + 1)
        items = [figure(k, labels.get(k, k), u, current, previous, where) for k, u in keys]
        content = SectionContent(section, number_, items)
        _town_table(content, snapshot.get("by_town", []), labels)
        built.append(content)
    return built


def _town_table(content: SectionContent, towns: list[dict], labels: dict) -> None:
    units = dict(content.section.figures)
    keys = [k for k in content.section.towns if towns and k in towns[0]["figures"]]
    if not keys or not towns:
        return
    names = [split_label(labels.get(k, k), units.get(k, ""))[0] for k in keys]
    content.town_header = ["单位", *names]
    content.town_keys = keys
    for town in towns:
        values = [restore(town["figures"].get(k)) for k in keys]
        content.town_values.append(values)
        row = [town["name"], *(value_text(k, v, "") for k, v in zip(keys, values, strict=True))]
        content.town_rows.append(row)
    first = keys[0]
    content.chart = {
        "title": f"{names[0]}（按单位）",
        "names": [town["name"] for town in towns],
        "values": [float(total(restore(t["figures"].get(first))) or 0) for t in towns],
        "percent": is_rate(first),
    }
