from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AidConfig(AppConfig):
    name = "gonghui.aid"
    label = "aid"
    verbose_name = _("帮扶服务")

    def ready(self) -> None:
        from gonghui.aid import registration

        registration.register()
