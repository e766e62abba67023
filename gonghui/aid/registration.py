"""What the aid module adds to the rest of the project at start-up (figures, the dashboard
section, portal links, the workbench's items), so that core, reports and the portal never
import it."""


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    from gonghui.aid import dashboard, demo, figures, traces, workbench
    from gonghui.aid.portal.queries import application_items
    from gonghui.core.figures import register_figures
    from gonghui.core.home_hooks import register_landing
    from gonghui.core.periodic import register as register_periodic
    from gonghui.core.work_counts import register_work_count
    from gonghui.core.workbench import register_workbench_items
    from gonghui.portal.hooks import register_application_source, register_home_link
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section

    register_figures("aid", figures.aid_figures, figures.LABELS)
    traces.register()
    register_work_count("aid_sent_on", _("送审救助申请"), figures.applications_sent_on)
    register_work_count("care_visits", _("四送走访慰问"), figures.care_visit_count)
    register_dashboard_section("aid/dashboard_section.html", dashboard.section)
    register_home_link("aid_portal:home", "帮扶救助", "aid-home")
    register_application_source(application_items)
    register_demo_extension(name="aid", generate=demo.generate, reset=demo.reset)
    register_landing(counter_landing)
    register_periodic(
        "hardship_review", hardship_review_due, minutes=24 * 60, label="困难档案年度复核到期"
    )
    register_workbench_items(workbench.items)


def hardship_review_due() -> dict:
    """The yearly-review due list (年度复核), counted each day: files on record whose review is
    late, and those coming due within 30 days; the union pages show the lists themselves."""
    import datetime

    from django.utils import timezone

    from gonghui.aid.models import HardshipFile

    today = timezone.localdate()
    late = HardshipFile.objects.review_due(today)
    soon = HardshipFile.objects.review_due(today + datetime.timedelta(days=30)).exclude(
        pk__in=late.values("pk")
    )
    return {
        "late": late.count(),
        "due_within_30_days": soon.count(),
        "unions_late": late.values("union").distinct().count(),
    }


def counter_landing(user) -> str | None:
    """A merchant's counter account (no role, only operator of merchants) lands on the counter."""
    from django.urls import reverse

    return reverse("aid:redeem") if user.merchants.exists() else None
