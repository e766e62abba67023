"""Demo data of the cadres module, through its services: placeholder, filled below."""


def generate(*, rng, today, town1, town2) -> list[str]:
    return []
