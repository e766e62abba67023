from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CadresConfig(AppConfig):
    name = "gonghui.cadres"
    label = "cadres"
    verbose_name = _("工会社工")

    def ready(self) -> None:
        from gonghui.cadres import registration

        registration.register()
