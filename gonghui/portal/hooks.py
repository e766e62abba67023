"""Services other modules offer on the worker's home page (帮扶申请, 我的维权 …) and the worker's
applications they hold (我的申请 lists joining, aid and rights applications alike), registered
from their AppConfig.ready so the portal never imports them (apps depend downwards)."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class HomeLink:
    url_name: str
    label: str
    element_id: str


HOME_LINKS: list[HomeLink] = []


def register_home_link(url_name: str, label: str, element_id: str) -> None:
    link = HomeLink(url_name, label, element_id)
    if link not in HOME_LINKS:  # ready() may run twice in tests
        HOME_LINKS.append(link)


def home_links() -> list[dict]:
    return [
        {"url": reverse(link.url_name), "label": link.label, "id": link.element_id}
        for link in HOME_LINKS
    ]


@dataclass(frozen=True)
class ApplicationItem:
    """One line of 我的申请: what was asked, where, how it stands, and where to follow it."""

    title: str
    place: str
    status: str
    tone: str  # "pending", "done", "refused" or "closed": the badge's colour
    at: datetime.datetime
    url: str
    note: str = ""


APPLICATION_SOURCES: list[Callable] = []


def register_application_source(source: Callable) -> None:
    """`source(worker, limit) -> list[ApplicationItem]`, the worker's own, newest first."""
    if source not in APPLICATION_SOURCES:
        APPLICATION_SOURCES.append(source)


def own_application_items(worker, limit: int = 20) -> list[ApplicationItem]:
    items = [item for source in APPLICATION_SOURCES for item in source(worker, limit)]
    items.sort(key=lambda item: item.at, reverse=True)
    return items[:limit]
