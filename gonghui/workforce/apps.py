from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkforceConfig(AppConfig):
    name = "gonghui.workforce"
    label = "workforce"
    verbose_name = _("产改")

    def ready(self) -> None:
        from gonghui.workforce import registration

        registration.register()
