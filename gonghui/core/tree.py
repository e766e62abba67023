"""Hooks other modules register so core never reaches into their tables: the counts shown beside
each node of the organisation tree, and the checks a change of an organisation's kind must pass
(registry: a union with members must stay a union members can belong to)."""

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


_kind_guards: list[Callable] = []


def register_kind_guard(check: Callable) -> None:
    """`check(org, new_kind) -> dict[field, message]`, empty when the change is fine."""
    if check not in _kind_guards:
        _kind_guards.append(check)


def kind_change_errors(org, new_kind: str) -> dict:
    errors: dict = {}
    for check in _kind_guards:
        errors.update(check(org, new_kind))
    return errors
