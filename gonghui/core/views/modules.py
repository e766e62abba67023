"""A module's front page (帮扶服务, 维权服务 …): a card per area the user may open. Modules list
their areas as (url name, label, hint); an area whose URLs are not installed is left out."""

from django.shortcuts import render
from django.urls import NoReverseMatch, reverse


def reachable(areas) -> list[dict]:
    found = []
    for name, label, hint in areas:
        try:
            url = reverse(name)
        except NoReverseMatch:  # an area not installed in this build
            continue
        found.append({"url": url, "label": label, "hint": hint})
    return found


def module_index(request, *, title, areas):
    return render(request, "core/module_index.html", {"title": title, "sections": reachable(areas)})
