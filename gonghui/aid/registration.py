"""What the aid module adds to the rest of the project at start-up (figures, the dashboard
section, portal links), so that core, reports and the portal never import it."""


def register() -> None:
    from gonghui.aid import dashboard, demo, figures
    from gonghui.aid.portal.queries import application_items
    from gonghui.core.figures import register_figures
    from gonghui.core.home_hooks import register_landing
    from gonghui.portal.hooks import register_application_source, register_home_link
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section

    register_figures("aid", figures.aid_figures, figures.LABELS)
    register_dashboard_section("aid/dashboard_section.html", dashboard.section)
    register_home_link("aid_portal:home", "帮扶救助", "aid-home")
    register_application_source(application_items)
    register_demo_extension(name="aid", generate=demo.generate, reset=demo.reset)
    register_landing(counter_landing)


def counter_landing(user) -> str | None:
    """A merchant's counter account (no role, only operator of merchants) lands on the counter."""
    from django.urls import reverse

    return reverse("aid:redeem") if user.merchants.exists() else None
