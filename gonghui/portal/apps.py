from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "gonghui.portal"
    label = "portal"
    verbose_name = _("职工端")

    def ready(self) -> None:
        from gonghui.core.panels import register_org_panel
        from gonghui.portal.hooks import register_application_source
        from gonghui.portal.panels import join_panel
        from gonghui.portal.queries import membership_items

        register_org_panel("portal/org_join_panel.html", join_panel)
        register_application_source(membership_items)
