"""The rights module's figures (维权). Placeholder until the figures area lands."""

LABELS: dict = {}


def rights_figures(scope) -> dict:
    return {}
