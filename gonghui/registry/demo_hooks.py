"""Later modules add their own demo data to `gonghui demo` (aid programmes, cases …) and remove it
on --reset, registered from their AppConfig.ready so the registry never imports them."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class DemoExtension:
    name: str
    # generate(rng=, today=, town1=, town2=) -> lines for the demo's closing report
    generate: Callable
    # reset() deletes the module's rows before the registry's (they point at members and orgs)
    reset: Callable


EXTENSIONS: list[DemoExtension] = []


def register_demo_extension(*, name: str, generate: Callable, reset: Callable) -> None:
    if all(ext.name != name for ext in EXTENSIONS):
        EXTENSIONS.append(DemoExtension(name, generate, reset))
