"""What the rights module adds to the rest of the project at start-up (figures, the dashboard
section, the portal link, demo data, where a lawyer lands, the workbench's items), so that core,
reports, registry and the portal never import it."""


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    from gonghui.core.figures import register_figures
    from gonghui.core.home_hooks import register_landing
    from gonghui.core.periodic import register as register_periodic
    from gonghui.core.work_counts import register_work_count
    from gonghui.core.workbench import register_workbench_items
    from gonghui.portal.hooks import register_application_source, register_home_link
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.display import register_rate_keys
    from gonghui.reports.sections import register_dashboard_section
    from gonghui.rights import dashboard, demo, figures, workbench
    from gonghui.rights.portal.queries import case_items

    register_figures("rights", figures.rights_figures, figures.LABELS)
    from gonghui.rights import traces

    traces.register()
    register_work_count("cases_received", _("受理维权案件"), figures.cases_received)
    register_work_count("rights_visits", _("来访接待人次"), figures.visit_count)
    register_rate_keys(*figures.RATES)
    register_dashboard_section("rights/dashboard_section.html", dashboard.section)
    register_home_link("rights_portal:home", "法律援助", "rights-home")
    register_application_source(case_items)
    register_demo_extension(name="rights", generate=demo.generate, reset=demo.reset)
    register_landing(counsel_landing)
    register_periodic("risk", risk_round, minutes=60, label="风险研判与预警升级")
    register_workbench_items(workbench.items)


def risk_round() -> dict:
    """Re-evaluate every monitored employer (a rise opens a warning) and move unhandled
    warnings past their time up the tree: the schedule's "risk" job, and `gonghui rights_risk`."""
    from gonghui.rights.risk import services as risk
    from gonghui.rights.risk import warnings

    opened = risk.evaluate_all()
    escalated = warnings.escalate_overdue()
    return {"opened": len(opened), "escalated": len(escalated)}


def counsel_landing(user) -> str | None:
    """A lawyer or mediator (no registry role) lands on their own cases."""
    from django.urls import reverse

    from gonghui.rights.access import is_counsel

    return reverse("rights:case_list") if is_counsel(user) else None
