"""What the cadres module adds to the rest of the project at start-up (figures, the dashboard
section, demo data, where a social worker lands), so that core, reports and the registry never
import it."""


def register() -> None:
    from gonghui.cadres import dashboard, demo, figures
    from gonghui.core.figures import register_figures
    from gonghui.core.home_hooks import register_landing
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section

    register_figures("cadres", figures.cadres_figures, figures.LABELS)
    register_dashboard_section("cadres/dashboard_section.html", dashboard.section)
    register_demo_extension(name="cadres", generate=demo.generate, reset=demo.reset)
    register_landing(worker_landing)


def worker_landing(user) -> str | None:
    """A social worker (no registry role) lands on their own file."""
    from django.urls import reverse

    worker = getattr(user, "social_worker", None) if user.is_authenticated else None
    if worker is not None and not user.role_assignments.exclude(role="social_worker").exists():
        return reverse("cadres:worker_detail", args=[worker.pk])
    return None
