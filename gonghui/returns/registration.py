"""What the returns module adds at start-up (workbench items, demo data), so that core, reports
and the registry never import it."""


def register() -> None:
    from gonghui.core.workbench import register_workbench_items
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.returns import demo, workbench

    register_workbench_items(workbench.items)
    register_demo_extension(name="returns", generate=demo.generate, reset=demo.reset)
