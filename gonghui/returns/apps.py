from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReturnsConfig(AppConfig):
    name = "gonghui.returns"
    label = "returns"
    verbose_name = _("统计年报")

    def ready(self) -> None:
        from gonghui.returns import registration

        registration.register()
