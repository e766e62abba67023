"""What the aid module adds to the rest of the project at start-up (figures, the dashboard
section, portal links), so that core, reports and the portal never import it."""


def register() -> None:
    from gonghui.aid import dashboard, figures
    from gonghui.core.figures import register_figures
    from gonghui.portal.hooks import register_home_link
    from gonghui.reports.sections import register_dashboard_section

    register_figures("aid", figures.aid_figures, figures.LABELS)
    register_dashboard_section("aid/dashboard_section.html", dashboard.section)
    register_home_link("aid_portal:home", "帮扶救助", "aid-home")
