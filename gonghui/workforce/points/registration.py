"""What proposals and points add at start-up (called from workforce.registration): their
figures, dashboard section, workbench items, portal links and demo."""


def register() -> None:
    from gonghui.core.figures import register_figures
    from gonghui.core.periodic import register as register_periodic
    from gonghui.core.workbench import register_workbench_items
    from gonghui.portal.hooks import register_home_link
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section
    from gonghui.workforce.points import dashboard, demo, figures, workbench

    register_figures("workforce_points", figures.points_figures, figures.LABELS)
    register_dashboard_section("workforce/points/dashboard_section.html", dashboard.section)
    register_workbench_items(workbench.items)
    register_home_link("workforce_portal:points", "我的积分", "workforce-points")
    register_home_link("workforce_portal:proposals", "合理化建议", "workforce-proposals")
    register_demo_extension(name="workforce_points", generate=demo.generate, reset=demo.reset)
    register_periodic("points_expiry", expire_points, minutes=24 * 60, label="积分按规则过期")


def expire_points() -> dict:
    """The schedule's daily run: awards past their rule's validity expire (points.ledger)."""
    from gonghui.workforce.points import ledger

    return {"expired": ledger.expire_due()}
