"""What this feature shows on a station's page: a list of {template, context} panels."""


def panels(request, station) -> list[dict]:
    return []
