from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gonghui.core"
    label = "core"
    verbose_name = _("基础")

    def ready(self) -> None:
        # Deployment checks; API tokens that end with their owner's password and roles.
        from gonghui.core import checks, signals  # noqa: F401
