"""Dashboard sections that later modules add (帮扶服务, 维权 …), registered from their
AppConfig.ready so reports never imports them (apps depend downwards)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from gonghui.core.figures import FigureScope
from gonghui.reports import display


@dataclass(frozen=True)
class Section:
    template_name: str
    context_fn: Callable  # (scope, values, within) -> dict | None


SECTIONS: list[Section] = []


def register_dashboard_section(template_name: str, context_fn: Callable) -> None:
    section = Section(template_name, context_fn)
    if section not in SECTIONS:  # ready() may run twice in tests
        SECTIONS.append(section)


def build_sections(scope: FigureScope, values: dict, within: dict) -> list[dict]:
    """[{template, context}] of each section that has something for this scope."""
    built = []
    for section in SECTIONS:
        context = section.context_fn(scope, values, within)
        if context is not None:
            built.append({"template": section.template_name, "context": context})
    return built


def figure_cards(keys: Iterable[str], labels: dict, values: dict) -> list[dict]:
    """The cards a section opens with (reports/section_cards.html): each figure's label, its
    exact value (for data-value) and its display text."""
    return [
        {
            "key": key,
            "label": labels.get(key, key),
            "value": values[key],
            "text": display.text(key, values[key]),
        }
        for key in keys
    ]
