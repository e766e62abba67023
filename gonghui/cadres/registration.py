"""What the cadres module adds to the rest of the project at start-up (figures, the dashboard
section, demo data, where a social worker lands, a union's rating in the organisation tree and
on its page), so that core, reports and the registry never import it."""


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    from gonghui.cadres import dashboard, demo, figures
    from gonghui.cadres.ratings import queries as ratings
    from gonghui.core.figures import register_figures
    from gonghui.core.home_hooks import register_landing
    from gonghui.core.panels import register_org_panel
    from gonghui.core.tree import register_counter
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section

    register_figures("cadres", figures.cadres_figures, figures.LABELS)

    from gonghui.cadres import traces

    traces.register()
    register_dashboard_section("cadres/dashboard_section.html", dashboard.section)
    register_demo_extension(name="cadres", generate=demo.generate, reset=demo.reset)
    register_landing(worker_landing)
    register_counter("rating", _("评级"), ratings.latest_levels)
    register_org_panel("cadres/ratings/org_panel.html", ratings.org_panel)


def worker_landing(user) -> str | None:
    """A social worker (no registry role) lands on their own file."""
    from django.urls import reverse

    worker = getattr(user, "social_worker", None) if user.is_authenticated else None
    if worker is not None and not user.role_assignments.exclude(role="social_worker").exists():
        return reverse("cadres:worker_detail", args=[worker.pk])
    return None
