"""Pages of the risk area (included by gonghui/rights/urls.py under the 'rights' namespace)."""

from django.urls import path

from gonghui.rights.risk.views import grids as risk_grids
from gonghui.rights.risk.views import reports as risk_reports
from gonghui.rights.risk.views import warnings as risk_warnings

urlpatterns = [
    path("grids/", risk_grids.GridListView.as_view(), name="grid_list"),
    path("grids/add/", risk_grids.grid_edit, name="grid_add"),
    path("grids/<int:pk>/", risk_grids.grid_detail, name="grid_detail"),
    path("grids/<int:pk>/edit/", risk_grids.grid_edit, name="grid_edit"),
    path("grids/<int:pk>/employers/add/", risk_grids.grid_employer_add, name="grid_employer_add"),
    path(
        "grid-employers/<int:pk>/remove/",
        risk_grids.grid_employer_remove,
        name="grid_employer_remove",
    ),
    path("grids/<int:pk>/members/add/", risk_grids.grid_member_add, name="grid_member_add"),
    path("grid-members/<int:pk>/remove/", risk_grids.grid_member_remove, name="grid_member_remove"),
    path("grids/<int:pk>/points/add/", risk_grids.grid_point_add, name="grid_point_add"),
    path("points/<int:pk>/", risk_grids.grid_point_detail, name="grid_point_detail"),
    path("points/<int:pk>/edit/", risk_grids.grid_point_edit, name="grid_point_edit"),
    path("points/<int:pk>/report/", risk_reports.report_file, name="report_file"),
    path("reports/", risk_reports.report_list, name="report_list"),
    path("reports/<int:pk>/", risk_reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", risk_reports.report_edit, name="report_edit"),
    path("rules/", risk_warnings.RuleListView.as_view(), name="rule_list"),
    path("rules/add/", risk_warnings.rule_edit, name="rule_add"),
    path("rules/defaults/", risk_warnings.rule_defaults, name="rule_defaults"),
    path("rules/<int:pk>/edit/", risk_warnings.rule_edit, name="rule_edit"),
    path("rules/<int:pk>/delete/", risk_warnings.rule_delete, name="rule_delete"),
    path("board/", risk_warnings.board, name="board"),
    path("board/employers/", risk_warnings.board_employers, name="board_employers"),
    path("board/run/", risk_warnings.risk_run, name="risk_run"),
    path("warnings/", risk_warnings.WarningListView.as_view(), name="warning_list"),
    path("warnings/<int:pk>/", risk_warnings.warning_detail, name="warning_detail"),
    path(
        "warnings/<int:pk>/acknowledge/",
        risk_warnings.warning_acknowledge,
        name="warning_acknowledge",
    ),
    path("warnings/<int:pk>/handle/", risk_warnings.warning_handle, name="warning_handle"),
]
