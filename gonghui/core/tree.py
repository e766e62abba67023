"""Counts shown beside each node of the organisation tree. Modules register their own counters
(registry: members and employers) so core does not reach into their tables."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Counter:
    key: str
    label: str
    count: Callable  # (orgs, parent_path) -> {org_pk: n}


_counters: list[Counter] = []


def register_counter(key: str, label, count: Callable) -> None:
    if all(c.key != key for c in _counters):
        _counters.append(Counter(key, label, count))


def counters() -> list[Counter]:
    return list(_counters)


def counts_for(orgs: list, parent_path: str) -> dict[int, dict[str, int]]:
    result: dict[int, dict[str, int]] = {o.pk: {} for o in orgs}
    for counter in _counters:
        for pk, n in counter.count(orgs, parent_path).items():
            result[pk][counter.key] = n
    return result
