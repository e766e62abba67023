"""What the workforce module adds to the rest of the project at start-up (figures, the dashboard
section, the portal link, demo data, the 困难劳模 rule aid programmes may use), so that core,
reports, the portal and aid never import it."""


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    from gonghui.core.eligibility import register_eligibility_rule
    from gonghui.core.figures import register_figures
    from gonghui.portal.hooks import register_home_link
    from gonghui.registry.demo_hooks import register_demo_extension
    from gonghui.reports.sections import register_dashboard_section
    from gonghui.workforce import dashboard, demo, figures
    from gonghui.workforce.care import queries as care_queries

    register_figures("workforce", figures.workforce_figures, figures.LABELS)

    from gonghui.workforce import traces

    traces.register()
    register_dashboard_section("workforce/dashboard_section.html", dashboard.section)
    register_home_link("workforce_portal:home", "我的荣誉", "workforce-home")
    register_demo_extension(name="workforce", generate=demo.generate, reset=demo.reset)
    register_eligibility_rule(
        "hard_model", _("困难劳模"), care_queries.is_hardship_honouree,
        refusal=_("本项目只面向困难劳模（劳模档案中标记为困难劳模）"),
    )  # fmt: skip
    from gonghui.workforce.points import registration as points

    points.register()
    _register_competitions()


def _register_competitions() -> None:
    from gonghui.core.figures import register_figures
    from gonghui.core.workbench import register_workbench_items
    from gonghui.portal.hooks import register_home_link
    from gonghui.reports.sections import register_dashboard_section
    from gonghui.workforce.competitions import dashboard, figures, workbench

    register_figures("workforce_competitions", figures.competition_figures, figures.LABELS)
    register_dashboard_section("workforce/competitions/dashboard_section.html", dashboard.section)
    register_workbench_items(workbench.items)
    register_home_link("workforce_portal:competitions", "竞赛报名", "workforce-competitions")
