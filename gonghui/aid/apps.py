from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AidConfig(AppConfig):
    name = "gonghui.aid"
    label = "aid"
    verbose_name = _("帮扶服务")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from gonghui.aid import kinds, registration

        registration.register()
        post_migrate.connect(kinds.after_migrate, sender=self)
