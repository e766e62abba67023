"""The reports app's models: the annual report's snapshot (gonghui.reports.annual.models)."""

from gonghui.reports.annual.models import AnnualReport

__all__ = ["AnnualReport"]
