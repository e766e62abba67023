"""Eligibility rules other modules offer to the aid programmes ("who may apply"): a module that
knows a fact about a worker (workforce: 困难劳模) registers it from its AppConfig.ready, and aid
lists it beside its own choices and checks it at application, so aid never imports the module.

    register_eligibility_rule("hard_model", "困难劳模", is_hardship_honouree,
                              refusal="本项目只面向困难劳模")
"""

from collections.abc import Callable
from dataclasses import dataclass

CODE_LENGTH = 10  # aid's Programme.eligibility column


@dataclass(frozen=True)
class EligibilityRule:
    code: str
    label: str
    check: Callable  # (member) -> bool
    refusal: str


RULES: dict[str, EligibilityRule] = {}


def register_eligibility_rule(code: str, label, check: Callable, *, refusal) -> None:
    if len(code) > CODE_LENGTH:
        raise ValueError(f"eligibility code {code!r} longer than {CODE_LENGTH}")
    RULES.setdefault(code, EligibilityRule(code, label, check, refusal))


def rule(code: str) -> EligibilityRule | None:
    return RULES.get(code)


def registered_choices() -> list[tuple[str, str]]:
    return [(r.code, r.label) for r in RULES.values()]
