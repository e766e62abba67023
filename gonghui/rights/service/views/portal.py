"""The worker's page of service points (法律服务点) in the portal: every active point with its
address, hours and phone, and who is on duty there today (names only, the local date). Public:
no sign-in, nothing personal."""

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils import timezone

from gonghui.rights.service import queries


@login_not_required
def points(request):
    today = timezone.localdate()
    rows = list(queries.public_points())
    duty = queries.on_duty(rows, today)
    for point in rows:
        point.duty_names = duty.get(point.pk, [])
    return render(request, "rights/service/portal_points.html", {"points": rows, "today": today})
