"""Rights demo data for `gonghui demo`. Placeholder until the demo area lands."""


def generate(*, rng, today, town1, town2) -> list[str]:
    return []


def reset() -> None:
    pass
