"""What the aid module adds to the rest of the project at start-up (figures, panels, exporters),
so that core and reports never import it."""


def register() -> None:
    pass
