"""What the stations module adds to the rest of the project at start-up (figures, the dashboard
section, the portal link, demo data, where a station keeper lands), so that core, reports,
registry and the portal never import it."""


def register() -> None:
    from gonghui.core.figures import register_figures
    from gonghui.core.home_hooks import register_landing
    from gonghui.core.periodic import register as register_periodic
    from gonghui.core.views.generic import register_exporter
    from gonghui.portal.hooks import register_home_link
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section
    from gonghui.stations import dashboard, demo, figures
    from gonghui.stations.models import Station
    from gonghui.stations.stations.exports import StationExporter

    register_figures("stations", figures.station_figures, figures.LABELS)

    from gonghui.stations import traces

    traces.register()
    register_dashboard_section("stations/dashboard_section.html", dashboard.section)
    register_home_link("stations_portal:finder", "找驿站", "stations-finder")
    register_demo_extension(name="stations", generate=demo.generate, reset=demo.reset)
    register_landing(keeper_landing)
    register_exporter(Station, StationExporter())
    register_periodic("stations", escalate_incidents, minutes=5, label="驿站突发事件超时升级")


def escalate_incidents() -> dict:
    """The schedule's "stations" job, and `gonghui stations_escalate`: unanswered incidents rise
    to the safety officer, then the county, when their minutes are up."""
    from gonghui.stations.care import incidents

    return {"escalated": len(incidents.escalate_overdue())}


def keeper_landing(user) -> str | None:
    """A station keeper (no registry role) lands on their stations."""
    from django.urls import reverse

    from gonghui.core.roles import Role
    from gonghui.core.scoping import holds_role

    if holds_role(user, {Role.STATION_KEEPER}) and not holds_role(user):
        return reverse("stations:station_list")
    return None
