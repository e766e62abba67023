"""`gonghui rights_risk`: re-evaluate every monitored employer's risk level (new warnings open on
a rise) and move unhandled warnings past their time up the tree, now. The schedule runs the same
round as the periodic job "risk" (`gonghui run_periodic`)."""

from django.core.management.base import BaseCommand

from gonghui.rights.registration import risk_round


class Command(BaseCommand):
    help = "Evaluate labour-risk levels and escalate overdue warnings (维权 风险研判与预警升级)."

    def handle(self, *args, **options):
        done = risk_round()
        self.stdout.write(f"warnings opened: {done['opened']}; escalated: {done['escalated']}")
