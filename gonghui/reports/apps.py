from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "gonghui.reports"
    label = "reports"
    verbose_name = _("统计报表")

    def ready(self) -> None:
        # The registry's figures are registered here rather than in the registry's own ready():
        # reports is the app that publishes figures, and modules added later register theirs
        # from their own apps the same way.
        from gonghui.core.figures import register_figures
        from gonghui.registry.figures import LABELS, registry_figures

        register_figures("registry", registry_figures, LABELS)

        from gonghui.registry.demo_hooks import register_demo_extension
        from gonghui.reports.annual import demo

        register_demo_extension(name="annual_report", generate=demo.generate, reset=demo.reset)

        from gonghui.registry import traces

        traces.register()
