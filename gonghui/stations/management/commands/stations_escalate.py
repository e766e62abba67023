"""`gonghui stations_escalate`: raise unanswered station incidents to the safety officer and the
county when their minutes are up. For cron, e.g. every five minutes."""

from django.core.management.base import BaseCommand

from gonghui.stations.care import incidents


class Command(BaseCommand):
    help = "Escalate unanswered station incidents (驿站突发事件超时升级)."

    def handle(self, *args, **options):
        raised = incidents.escalate_overdue()
        self.stdout.write(f"incidents escalated: {len(raised)}")
