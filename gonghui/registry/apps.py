from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "gonghui.registry"
    label = "registry"
    verbose_name = _("组织与会员")

    def ready(self) -> None:
        from gonghui.core.pickers import register_source
        from gonghui.core.tree import register_counter, register_kind_guard
        from gonghui.registry.forms_membership import receiving_union_choices
        from gonghui.registry.queries import (
            employer_counts_by_org,
            kind_change_errors,
            member_counts_by_org,
        )

        register_kind_guard(kind_change_errors)
        register_source("registry.receiving", receiving_union_choices)
        # Registers the list exporters (?export=csv|xlsx on the list pages).
        from gonghui.registry import exports  # noqa: F401

        register_counter("members", _("会员"), member_counts_by_org)
        register_counter("employers", _("在营单位"), employer_counts_by_org)

        # Stored import files (encrypted) go on the schedule once past their retention.
        from gonghui.core.periodic import register as register_periodic
        from gonghui.registry.imports import tasks as import_tasks

        register_periodic("import_files", import_tasks.purge, minutes=60, label="清理导入文件")
        from gonghui.core import exports as core_exports

        register_periodic("export_files", core_exports.purge, minutes=60, label="清理导出文件")

        from gonghui.core.workbench import register_workbench_items
        from gonghui.registry import workbench

        register_workbench_items(workbench.items)
