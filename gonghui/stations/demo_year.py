def generate(**kwargs) -> list[str]:
    return []
