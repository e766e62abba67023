"""What the aid module adds to the rest of the project at start-up (figures, the dashboard
section, portal links), so that core, reports and the portal never import it."""


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    from gonghui.aid import dashboard, demo, figures
    from gonghui.core.figures import register_figures
    from gonghui.core.home_hooks import register_landing
    from gonghui.core.work_counts import register_work_count
    from gonghui.portal.hooks import register_home_link
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section

    register_figures("aid", figures.aid_figures, figures.LABELS)
    register_work_count("aid_sent_on", _("送审救助申请"), figures.applications_sent_on)
    register_work_count("care_visits", _("四送走访慰问"), figures.care_visit_count)
    register_dashboard_section("aid/dashboard_section.html", dashboard.section)
    register_home_link("aid_portal:home", "帮扶救助", "aid-home")
    register_demo_extension(name="aid", generate=demo.generate, reset=demo.reset)
    register_landing(counter_landing)


def counter_landing(user) -> str | None:
    """A merchant's counter account (no role, only operator of merchants) lands on the counter."""
    from django.urls import reverse

    return reverse("aid:redeem") if user.merchants.exists() else None
