"""The dashboard's 维权 section. Placeholder until the figures area lands."""


def section(scope, values: dict, within: dict) -> dict | None:
    return None
