"""Counts of a union's work in a period that another module's record quotes (a social worker's
monthly record is prefilled with them: aid applications sent on, cases received, visits …).

Each module registers the counts of its own rows from its AppConfig.ready, the way figures are
registered in gonghui.core.figures, so the quoting module never reads another's tables. A count
is `fn(scope: FigureScope) -> int`, normally the very function behind the module's figure, so the
quoted number and the published one cannot differ."""

from collections.abc import Callable
from dataclasses import dataclass

from gonghui.core.figures import FigureScope


@dataclass(frozen=True)
class WorkCount:
    key: str
    label: str
    compute: Callable  # (FigureScope) -> int


_counts: list[WorkCount] = []


def register_work_count(key: str, label, compute: Callable) -> None:
    """Register a count under `key`; registering a key again does nothing."""
    if all(c.key != key for c in _counts):
        _counts.append(WorkCount(key, label, compute))


def work_counts() -> list[WorkCount]:
    return list(_counts)


def compute_work_counts(scope: FigureScope) -> dict[str, int]:
    return {count.key: int(count.compute(scope)) for count in _counts}
