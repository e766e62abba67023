"""`gonghui run_periodic`: queue the periodic work that is due (gonghui.core.periodic) as jobs for
the workers, and exit (for cron, e.g. every 5 minutes); `--loop` keeps doing so every minute
(for a systemd service); `--list` shows the schedule and the last runs; `--run NAME` runs one
now, in this process, whatever its schedule."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gonghui.core import periodic
from gonghui.core.models import JobStatus


class Command(BaseCommand):
    help = "Queue the periodic jobs that are due (risk escalation, review due lists, purges)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep queueing every --interval")
        parser.add_argument("--interval", type=float, default=60.0, help="seconds (with --loop)")
        parser.add_argument(
            "--list", action="store_true", dest="show", help="the schedule and the last runs"
        )
        parser.add_argument("--run", metavar="NAME", help="run this job now, in this process")

    def handle(self, *args, loop, interval, show, run, **options):
        if show:
            return self.listing()
        if run:
            return self.run_now(run)
        while True:
            for job in periodic.enqueue_due():
                self.stdout.write(f"queued {job.params['name']} (job {job.pk})")
            if not loop:
                return
            time.sleep(interval)

    def listing(self):
        now = timezone.now()
        for item in periodic.REGISTRY.values():
            last = periodic.last_run(item.name)
            when = timezone.localtime(last.created_at).strftime("%Y-%m-%d %H:%M") if last else "-"
            state = last.status if last else "never"
            due = "due" if item in periodic.due(now) else ""
            minutes = int(item.interval.total_seconds() // 60)
            self.stdout.write(f"{item.name:<16} every {minutes:>5} min  last {when} {state} {due}")

    def run_now(self, name):
        from django.test.utils import override_settings

        if name not in periodic.REGISTRY:
            raise CommandError(f"unknown periodic job {name}: {', '.join(periodic.REGISTRY)}")
        with override_settings(GONGHUI_JOBS_EAGER=True):
            job = periodic.enqueue(name)
        if job.status != JobStatus.DONE:
            raise CommandError(f"{name} failed: {job.error}")
        self.stdout.write(f"{name}: {job.result}")
