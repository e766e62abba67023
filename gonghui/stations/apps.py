from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StationsConfig(AppConfig):
    name = "gonghui.stations"
    label = "stations"
    verbose_name = _("户外劳动者驿站")

    def ready(self) -> None:
        from gonghui.stations import registration

        registration.register()
