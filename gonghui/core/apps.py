from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "gonghui.core"
    label = "core"
    verbose_name = _("基础")

    def ready(self) -> None:
        from django.core.signals import request_started

        # Deployment checks; API tokens that end with their owner's password and roles; core's
        # periodic work.
        from gonghui.core import checks, periodic, signals  # noqa: F401

        # The embedded worker thread in any web process (forked ones too).

        request_started.connect(_start_embedded_worker, dispatch_uid="gonghui-embedded-worker")


def _start_embedded_worker(**kwargs) -> None:
    from gonghui.core import tasks_embedded

    tasks_embedded.ensure_started()
