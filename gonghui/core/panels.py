"""Panels other apps add to core pages, so core never imports them (apps depend downwards).

An app registers a panel from its `AppConfig.ready()`; the organisation detail page renders every
panel whose context function returns a context (None means "not for this organisation").
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.template.loader import render_to_string


@dataclass(frozen=True)
class OrgPanel:
    template_name: str
    context_fn: Callable  # (request, organisation) -> dict | None


ORG_PANELS: list[OrgPanel] = []


def register_org_panel(template_name: str, context_fn: Callable) -> None:
    panel = OrgPanel(template_name, context_fn)
    if panel not in ORG_PANELS:  # ready() may run twice in tests; show each panel once
        ORG_PANELS.append(panel)


def render_org_panels(request, organisation) -> list[str]:
    """The HTML of each panel that applies to `organisation` (already scoped by the view)."""
    rendered = []
    for panel in ORG_PANELS:
        context = panel.context_fn(request, organisation)
        if context is not None:
            context.setdefault("object", organisation)
            rendered.append(render_to_string(panel.template_name, context, request=request))
    return rendered
