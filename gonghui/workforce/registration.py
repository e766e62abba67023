"""What the workforce module adds to the rest of the project at start-up (figures, the dashboard
section, the portal link, demo data), so that core, reports and the portal never import it."""


def register() -> None:
    from gonghui.core.figures import register_figures
    from gonghui.portal.hooks import register_home_link
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section
    from gonghui.workforce import dashboard, demo, figures

    register_figures("workforce", figures.workforce_figures, figures.LABELS)
    register_dashboard_section("workforce/dashboard_section.html", dashboard.section)
    register_home_link("workforce_portal:home", "我的荣誉", "workforce-home")
    register_demo_extension(name="workforce", generate=demo.generate, reset=demo.reset)
