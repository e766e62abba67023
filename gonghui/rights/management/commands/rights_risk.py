"""`gonghui rights_risk`: re-evaluate every monitored employer's risk level (new warnings open on
a rise) and move unhandled warnings past their time up the tree. For cron, e.g. hourly."""

from django.core.management.base import BaseCommand

from gonghui.rights.risk import services as risk
from gonghui.rights.risk import warnings


class Command(BaseCommand):
    help = "Evaluate labour-risk levels and escalate overdue warnings (维权 风险研判与预警升级)."

    def handle(self, *args, **options):
        opened = risk.evaluate_all()
        escalated = warnings.escalate_overdue()
        self.stdout.write(f"warnings opened: {len(opened)}; escalated: {len(escalated)}")
