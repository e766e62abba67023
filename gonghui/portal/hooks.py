"""Services other modules offer on the worker's home page (帮扶申请, 我的维权 …), registered
from their AppConfig.ready so the portal never imports them (apps depend downwards)."""

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
